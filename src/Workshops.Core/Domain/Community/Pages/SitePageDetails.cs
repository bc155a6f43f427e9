using System.Text.RegularExpressions;
using Workshops.Core.Domain.Common;
using Workshops.Core.Localization;

namespace Workshops.Core.Domain.Community.Pages;

/// <summary>A page's title and text in one more language.</summary>
public sealed record PageTranslation(string? Title, string? Body);

/// <summary>What an organiser types for a site page: its address, its title and text in the language it is written in, and in others.</summary>
public sealed partial record SitePageDetails(
    string Slug,
    string Title,
    string Body,
    PagePlacement Placement,
    int Position,
    string Language = "en",
    IReadOnlyDictionary<string, PageTranslation>? Translations = null)
{
    public const int MaxSlug = 60;
    public const int MaxTitle = 150;
    public const int MaxBody = 100_000;

    /// <summary>The other languages it is written in, each with its title and its text.</summary>
    public IEnumerable<KeyValuePair<string, PageTranslation>> Written => (Translations ?? new Dictionary<string, PageTranslation>())
        .Where(t => t.Key != Language && (!string.IsNullOrWhiteSpace(t.Value.Title) || !string.IsNullOrWhiteSpace(t.Value.Body)));

    /// <summary>Every problem at once, each named by its field.</summary>
    public void Validate() => DomainException.ThrowAll(
        () =>
        {
            if (!IsSlug(Slug))
                throw new DomainException(Tr.T("The address uses lower-case letters, digits and single dashes, like about or code-of-conduct."), nameof(Slug));
        },
        () =>
        {
            if (string.IsNullOrWhiteSpace(Title)) throw new DomainException(Tr.T("Give the page a title."), nameof(Title));
            if (Title.Trim().Length > MaxTitle) throw new DomainException(Tr.T("The title can be at most {0} characters.", MaxTitle), nameof(Title));
        },
        () =>
        {
            if (string.IsNullOrWhiteSpace(Body)) throw new DomainException(Tr.T("Write the page's text."), nameof(Body));
            if (Body.Length > MaxBody) throw new DomainException(Tr.T("The text can be at most {0:N0} characters.", MaxBody), nameof(Body));
        },
        () => { if (!Enum.IsDefined(Placement)) throw new DomainException(Tr.T("Choose where its link goes from the list."), nameof(Placement)); },
        () => { if (Position is < 0 or > 999) throw new DomainException(Tr.T("The position is a number from 0 to 999."), nameof(Position)); },
        () =>
        {
            if (Language is null || !LanguageCode().IsMatch(Language)) throw new DomainException(Tr.T("Choose the language from the list."), nameof(Language));
            foreach (var (language, t) in Written)
            {
                if (!LanguageCode().IsMatch(language)) throw new DomainException(Tr.T("Choose the language from the list."), nameof(Language));
                var name = LanguageOptions.Name(language);
                // Half a translation would show a title in one language over a text in another.
                if (string.IsNullOrWhiteSpace(t.Title) || string.IsNullOrWhiteSpace(t.Body))
                    throw new DomainException(Tr.T("Give the title and the text in {0}, or leave both empty.", name), $"Translations[{language}].Title");
                if (t.Title.Trim().Length > MaxTitle || t.Body.Length > MaxBody)
                    throw new DomainException(Tr.T("In {0}, keep the title under {1} characters and the text under {2:N0}.", name, MaxTitle, MaxBody), $"Translations[{language}].Body");
            }
        });

    public static bool IsSlug(string? slug) => slug is not null && slug.Trim().Length <= MaxSlug && SlugPattern().IsMatch(slug.Trim());

    public LocalText Titles() => LocalText.Of(Language, [new(Language, Title.Trim()), .. Written.Select(t => new KeyValuePair<string, string?>(t.Key, t.Value.Title!.Trim()))]);

    public LocalText Bodies() => LocalText.Of(Language, [new(Language, Body.Trim()), .. Written.Select(t => new KeyValuePair<string, string?>(t.Key, t.Value.Body!.Trim()))]);

    /// <summary>A page as it stands, to change a few of its fields and keep the rest.</summary>
    public static SitePageDetails Of(SitePage p) => new(p.Slug, p.Title.Default, p.Body.Default, p.Placement, p.Position, p.Title.DefaultLanguage,
        p.Title.Languages.Skip(1).ToDictionary(l => l, l => new PageTranslation(p.Title.Exactly(l), p.Body.Exactly(l))));

    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();

    [GeneratedRegex("^[a-z]{2,3}$")]
    private static partial Regex LanguageCode();
}
