using System.Text.RegularExpressions;
using Workshops.Core.Domain.Common;
using Workshops.Core.Localization;

namespace Workshops.Core.Domain.Workshops;

/// <summary>What an organiser types about a workshop; times are wall-clock times in <see cref="TimeZoneId"/>.</summary>
public sealed record WorkshopDetails(
    string Title,
    string Slug,
    int Year,
    DateTime StartsLocal,
    DateTime EndsLocal,
    string TimeZoneId,
    WorkshopFormat Format,
    string? Venue,
    string? Address,
    string? City,
    string? Country,
    string? Description,
    string Language = "en",
    IReadOnlyDictionary<string, WorkshopTranslation>? Translations = null,
    string? VenueNotes = null)
{
    public const int MaxTitle = 200;
    public const int MaxSlug = 80;
    public const int MaxVenue = 200;
    public const int MaxAddress = 500;
    public const int MaxCity = 100;
    public const int MaxCountry = 100;
    public const int MaxDescription = 20_000;
    public const int MaxVenueNotes = 5_000;

    private static readonly Regex LanguageCode = new("^[a-z]{2,3}$", RegexOptions.Compiled);

    public static readonly Regex SlugPattern = new("^[a-z0-9]+(?:-[a-z0-9]+)*$", RegexOptions.Compiled);

    /// <summary>Checks every rule and returns the UTC start and end, or throws naming the field at fault.</summary>
    public (DateTimeOffset Starts, DateTimeOffset Ends) Validate()
    {
        if (string.IsNullOrWhiteSpace(Title) || Title.Trim().Length < 3)
            throw new DomainException(Tr.T("Give the workshop a title of at least 3 characters."), nameof(Title));
        if (Title.Length > MaxTitle) throw new DomainException(Tr.T("The title can be at most {0} characters.", MaxTitle), nameof(Title));
        if (string.IsNullOrWhiteSpace(Slug) || Slug.Length > MaxSlug || !SlugPattern.IsMatch(Slug))
            throw new DomainException(Tr.T("The address name uses lower-case letters, digits and single dashes, like 2026-madrid."), nameof(Slug));
        if (Language is null || !LanguageCode.IsMatch(Language)) throw new DomainException(Tr.T("Choose the language from the list."), nameof(Language));
        if (Year is < 1990 or > 2200) throw new DomainException(Tr.T("The year must be between 1990 and 2200."), nameof(Year));
        var zone = LocalTimes.Zone(TimeZoneId, nameof(TimeZoneId));
        var starts = LocalTimes.ToUtc(StartsLocal, zone, "start", nameof(StartsLocal));
        var ends = LocalTimes.ToUtc(EndsLocal, zone, "end", nameof(EndsLocal));
        if (ends <= starts) throw new DomainException(Tr.T("The workshop must end after it starts."), nameof(EndsLocal));
        if (ends - starts > TimeSpan.FromDays(60)) throw new DomainException(Tr.T("A workshop can last at most 60 days."), nameof(EndsLocal));
        if (Venue?.Length > MaxVenue) throw new DomainException(Tr.T("The venue can be at most {0} characters.", MaxVenue), nameof(Venue));
        if (Address?.Length > MaxAddress) throw new DomainException(Tr.T("The address can be at most {0} characters.", MaxAddress), nameof(Address));
        if (City?.Length > MaxCity) throw new DomainException(Tr.T("The city can be at most {0} characters.", MaxCity), nameof(City));
        if (!string.IsNullOrWhiteSpace(Country) && Countries.Find(Country) is null) throw new DomainException(Tr.T("Choose the country from the list."), nameof(Country));
        if (Description?.Length > MaxDescription) throw new DomainException(Tr.T("The description can be at most {0:N0} characters.", MaxDescription), nameof(Description));
        if (VenueNotes?.Length > MaxVenueNotes) throw new DomainException(Tr.T("The notes on the venue can be at most {0:N0} characters.", MaxVenueNotes), nameof(VenueNotes));
        foreach (var (language, t) in Translations ?? new Dictionary<string, WorkshopTranslation>())
        {
            if (t.Title?.Trim().Length > MaxTitle) throw new DomainException(Tr.T("The title can be at most {0} characters.", MaxTitle), $"Translations[{language}].Title");
            if (t.Description?.Length > MaxDescription)
                throw new DomainException(Tr.T("The description can be at most {0:N0} characters.", MaxDescription), $"Translations[{language}].Description");
            if (t.VenueNotes?.Length > MaxVenueNotes)
                throw new DomainException(Tr.T("The notes on the venue can be at most {0:N0} characters.", MaxVenueNotes), $"Translations[{language}].VenueNotes");
        }
        return (starts, ends);
    }

    /// <summary>The title in every language given, the default one first.</summary>
    public LocalText Titles() => LocalText.Of(Language,
        [new(Language, Title.Trim()), .. (Translations ?? new Dictionary<string, WorkshopTranslation>()).Select(t => new KeyValuePair<string, string?>(t.Key, t.Value.Title))]);

    /// <summary>The description in every language given; null when none is.</summary>
    public LocalText? Descriptions()
    {
        var all = LocalText.Of(Language,
            [new(Language, Description), .. (Translations ?? new Dictionary<string, WorkshopTranslation>()).Select(t => new KeyValuePair<string, string?>(t.Key, t.Value.Description))]);
        return all.Values.All(v => v.Value.Length == 0) ? null : all;
    }

    /// <summary>The notes on the venue in every language given; null when none is.</summary>
    public LocalText? VenueNotesByLanguage()
    {
        var all = LocalText.Of(Language,
            [new(Language, VenueNotes), .. (Translations ?? new Dictionary<string, WorkshopTranslation>()).Select(t => new KeyValuePair<string, string?>(t.Key, t.Value.VenueNotes))]);
        return all.Values.All(v => v.Value.Length == 0) ? null : all;
    }
}

/// <summary>A workshop's title, description and notes on the venue in one more language than its own.</summary>
public sealed record WorkshopTranslation(string? Title, string? Description, string? VenueNotes = null);

/// <summary>One track as the organiser edits it; a null id adds a track.</summary>
public sealed record TrackDetails(Guid? Id, string Name, string? Description, int Capacity)
{
    public const int MaxName = 100;
    public const int MaxDescription = 2000;
}
