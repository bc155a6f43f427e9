using Workshops.Core.Domain.Common;
using Workshops.Core.Localization;

namespace Workshops.Core.Domain.Materials;

/// <summary>What a person says about a material; a file, if any, comes separately.</summary>
public sealed record MaterialDetails(string Title, MaterialType Type, string? Speakers, MaterialVisibility Visibility, string? Link = null)
{
    public const int MaxTitle = 300;
    public const int MaxSpeakers = 1000;
    public const int MaxLink = 2000;

    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Title)) throw new DomainException(Tr.T("Give the material a title."), nameof(Title));
        if (Title.Trim().Length > MaxTitle) throw new DomainException(Tr.T("Keep the title under {0} characters.", MaxTitle), nameof(Title));
        if (Speakers?.Trim().Length > MaxSpeakers) throw new DomainException(Tr.T("Keep the speakers under {0} characters.", MaxSpeakers), nameof(Speakers));
        if (!Enum.IsDefined(Type)) throw new DomainException(Tr.T("Choose a type."), nameof(Type));
        if (!Enum.IsDefined(Visibility)) throw new DomainException(Tr.T("Choose who may see it."), nameof(Visibility));
        if (Link is not null && !IsWebAddress(Link))
            throw new DomainException(Tr.T("A link must be a full web address starting with https:// or http://."), nameof(Link));
    }

    public static bool IsWebAddress(string link) =>
        link.Length <= MaxLink && Uri.TryCreate(link.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" && uri.Host.Length > 0;
}
