using Workshops.Core.Domain.Common;

namespace Workshops.Core.Domain.Materials;

/// <summary>What a person says about a material; a file, if any, comes separately.</summary>
public sealed record MaterialDetails(string Title, MaterialType Type, string? Speakers, MaterialVisibility Visibility, string? Link = null)
{
    public const int MaxTitle = 300;
    public const int MaxSpeakers = 1000;
    public const int MaxLink = 2000;

    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Title)) throw new DomainException("Give the material a title.", nameof(Title));
        if (Title.Trim().Length > MaxTitle) throw new DomainException($"Keep the title under {MaxTitle} characters.", nameof(Title));
        if (Speakers?.Trim().Length > MaxSpeakers) throw new DomainException($"Keep the speakers under {MaxSpeakers} characters.", nameof(Speakers));
        if (!Enum.IsDefined(Type)) throw new DomainException("Choose a type.", nameof(Type));
        if (!Enum.IsDefined(Visibility)) throw new DomainException("Choose who may see it.", nameof(Visibility));
        if (Link is not null && !IsWebAddress(Link))
            throw new DomainException("A link must be a full web address starting with https:// or http://.", nameof(Link));
    }

    public static bool IsWebAddress(string link) =>
        link.Length <= MaxLink && Uri.TryCreate(link.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" && uri.Host.Length > 0;
}
