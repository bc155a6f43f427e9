using Workshops.Core.Domain.Common;
using Workshops.Core.Localization;

namespace Workshops.Core.Domain.Proposals;

/// <summary>What an organiser types about a call; the window is wall-clock time in <see cref="TimeZoneId"/>.</summary>
public sealed record CallDetails(
    string Title,
    int Year,
    string? Description,
    DateTime OpensLocal,
    DateTime ClosesLocal,
    string TimeZoneId,
    ReviewerPool Reviewers,
    string? LateAccessCode,
    string Language = "en",
    IReadOnlyDictionary<string, CallTranslation>? Translations = null)
{
    public const int MaxTitle = 200;
    public const int MaxDescription = 20_000;
    public const int MaxLateAccessCode = 64;

    /// <summary>Checks every rule and returns the UTC window, or throws naming the field at fault.</summary>
    public (DateTimeOffset Opens, DateTimeOffset Closes) Validate()
    {
        if (string.IsNullOrWhiteSpace(Title) || Title.Trim().Length < 3)
            throw new DomainException(Tr.T("Give the call a title of at least 3 characters."), nameof(Title));
        if (Title.Length > MaxTitle) throw new DomainException(Tr.T("The title can be at most {0} characters.", MaxTitle), nameof(Title));
        if (Year is < 1990 or > 2200) throw new DomainException(Tr.T("The year must be between 1990 and 2200."), nameof(Year));
        if (Language is null || !System.Text.RegularExpressions.Regex.IsMatch(Language, "^[a-z]{2,3}$")) throw new DomainException(Tr.T("Choose the language from the list."), nameof(Language));
        if (Description?.Length > MaxDescription) throw new DomainException(Tr.T("The description can be at most {0:N0} characters.", MaxDescription), nameof(Description));
        foreach (var (language, t) in Translations ?? new Dictionary<string, CallTranslation>())
        {
            if (t.Title?.Trim().Length > MaxTitle) throw new DomainException(Tr.T("The title can be at most {0} characters.", MaxTitle), $"Translations[{language}].Title");
            if (t.Description?.Length > MaxDescription)
                throw new DomainException(Tr.T("The description can be at most {0:N0} characters.", MaxDescription), $"Translations[{language}].Description");
        }
        var zone = LocalTimes.Zone(TimeZoneId, nameof(TimeZoneId));
        var opens = LocalTimes.ToUtc(OpensLocal, zone, "opening", nameof(OpensLocal));
        var closes = LocalTimes.ToUtc(ClosesLocal, zone, "closing", nameof(ClosesLocal));
        if (closes <= opens) throw new DomainException(Tr.T("The call must close after it opens."), nameof(ClosesLocal));
        if (LateAccessCode is { Length: > 0 } code && (code.Trim().Length < 8 || code.Length > MaxLateAccessCode))
            throw new DomainException(Tr.T("A late-submission code needs 8 to {0} characters, so nobody guesses it.", MaxLateAccessCode), nameof(LateAccessCode));
        return (opens, closes);
    }

    /// <summary>The title in every language given, <paramref name="language"/> (the call's own) first.</summary>
    public LocalText Titles(string language) => LocalText.Of(language,
        [new(language, Title.Trim()), .. (Translations ?? new Dictionary<string, CallTranslation>()).Select(t => new KeyValuePair<string, string?>(t.Key, t.Value.Title))]);

    /// <summary>The description in every language given; null when none is.</summary>
    public LocalText? Descriptions(string language)
    {
        var all = LocalText.Of(language,
            [new(language, Description), .. (Translations ?? new Dictionary<string, CallTranslation>()).Select(t => new KeyValuePair<string, string?>(t.Key, t.Value.Description))]);
        return all.Values.All(v => v.Value.Length == 0) ? null : all;
    }
}

/// <summary>A call's title and description in one more language than its own.</summary>
public sealed record CallTranslation(string? Title, string? Description);
