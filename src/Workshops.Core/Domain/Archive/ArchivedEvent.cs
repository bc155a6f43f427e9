using Workshops.Core.Domain.Common;
using Workshops.Core.Localization;

namespace Workshops.Core.Domain.Archive;

public enum ArchivedEventType
{
    Workshop,
    Portal,
    Conference,
    Meeting,
}

/// <summary>
/// A past event the site did not run itself (a workshop before Workshops, a portal launch, a conference, a meeting),
/// kept in the archive with its materials. Its date may be only a month, or unreadable; the original text is kept.
/// </summary>
public sealed class ArchivedEvent
{
    public Guid Id { get; private set; } = Guid.NewGuid();
    /// <summary>The stable address: /archive/{slug}.</summary>
    public string Slug { get; private set; } = "";
    public string Title { get; private set; } = "";
    public ArchivedEventType Type { get; private set; }
    public DateOnly? StartsOn { get; private set; }
    public DateOnly? EndsOn { get; private set; }
    /// <summary>The date as it was written, shown where it could not be read.</summary>
    public string? DateText { get; private set; }
    public string? City { get; private set; }
    public string? Country { get; private set; }
    public string? Venue { get; private set; }
    /// <summary>Markdown.</summary>
    public string? Description { get; private set; }
    /// <summary>Where an import found it ("static:13"), so importing again updates it instead of adding it twice.</summary>
    public string? SourceKey { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    private ArchivedEvent() { }

    public int? Year => StartsOn?.Year;

    public static ArchivedEvent Create(string slug, ArchivedEventDetails details, string? sourceKey, DateTimeOffset now)
    {
        var e = new ArchivedEvent { Slug = slug, SourceKey = sourceKey, CreatedAt = now };
        e.Update(details, now);
        return e;
    }

    /// <summary>True when anything changed; an import run again leaves an unchanged event untouched.</summary>
    public bool Update(ArchivedEventDetails details, DateTimeOffset now)
    {
        details.Validate();
        var next = (details.Title.Trim(), details.Type, details.StartsOn, details.EndsOn ?? details.StartsOn, Blank(details.DateText),
            Blank(details.City), Countries.Find(details.Country) ?? Blank(details.Country), Blank(details.Venue), Blank(details.Description));
        if (next == (Title, Type, StartsOn, EndsOn, DateText, City, Country, Venue, Description)) return false;
        (Title, Type, StartsOn, EndsOn, DateText, City, Country, Venue, Description) = next;
        UpdatedAt = now;
        return true;
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

public sealed record ArchivedEventDetails(string Title, ArchivedEventType Type, DateOnly? StartsOn, DateOnly? EndsOn, string? DateText,
    string? City, string? Country, string? Venue, string? Description)
{
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Title)) throw new DomainException(Tr.T("Give the event a title."), nameof(Title));
        if (Title.Trim().Length > 300) throw new DomainException(Tr.T("Keep the title under 300 characters."), nameof(Title));
        if (StartsOn is { } s && EndsOn is { } e && e < s) throw new DomainException(Tr.T("The event cannot end before it starts."), nameof(EndsOn));
    }
}

public static class ArchivedEventLabels
{
    public static string Label(this ArchivedEventType type) => type switch
    {
        ArchivedEventType.Workshop => Tr.T("Workshop"),
        ArchivedEventType.Portal => Tr.T("Portal launch"),
        ArchivedEventType.Conference => Tr.T("Conference"),
        _ => Tr.T("Meeting"),
    };
}
