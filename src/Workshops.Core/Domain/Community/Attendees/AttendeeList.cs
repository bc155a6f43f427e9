using Microsoft.AspNetCore.Identity;
using Workshops.Core.Domain.Common;
using Workshops.Core.Localization;

namespace Workshops.Core.Domain.Community.Attendees;

/// <summary>
/// Who took part in a past event, for people who never had an account here: names, organisations and countries
/// from the old site's spreadsheets. Names are shown only once an organiser makes the list public; until then only
/// organisers see it.
/// </summary>
public sealed class AttendeeList
{
    public const int MaxAttendees = 2000;

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid ArchivedEventId { get; private set; }
    public bool IsPublic { get; private set; }
    public List<PastAttendee> Attendees { get; private set; } = [];
    /// <summary>Where it came from, for an import run again: "la-site:attendees:workshop-2019"; null when uploaded here.</summary>
    public string? SourceKey { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    private AttendeeList() { }

    public static AttendeeList For(Guid archivedEventId, DateTimeOffset now, string? sourceKey = null) =>
        new() { ArchivedEventId = archivedEventId, CreatedAt = now, UpdatedAt = now, SourceKey = sourceKey };

    /// <summary>Puts these people in place of the list's; true when anyone changed. Every row is checked first.</summary>
    public bool Replace(IReadOnlyList<PastAttendeeDetails> people, DateTimeOffset now)
    {
        if (people.Count > MaxAttendees) throw new DomainException(Tr.T("A list can hold at most {0:N0} people.", MaxAttendees), "File");
        foreach (var (person, row) in people.Select((p, i) => (p, i + 1))) person.Validate(row);
        var next = people.Select((p, i) => new PastAttendee(p.Name.Trim(), Blank(p.Organisation), Countries.Find(p.Country), i)).ToList();
        if (next.Select(Key).SequenceEqual(Attendees.OrderBy(a => a.Position).Select(Key))) return false;
        Attendees.Clear();
        Attendees.AddRange(next);
        UpdatedAt = now;
        return true;
    }

    /// <summary>A list an organiser uploaded here is theirs: an import of the old site no longer replaces it.</summary>
    public void KeepFromImports() => SourceKey = null;

    /// <summary>Whether visitors see the names; the organiser's choice.</summary>
    public bool Publish(bool isPublic, DateTimeOffset now)
    {
        if (IsPublic == isPublic) return false;
        IsPublic = isPublic;
        UpdatedAt = now;
        return true;
    }

    /// <summary>How many came from each country, most first; people with no country known are left out.</summary>
    public IReadOnlyList<(string Country, int Count)> ByCountry() => Attendees.Where(a => a.Country is not null)
        .GroupBy(a => a.Country!).Select(g => (g.Key, g.Count())).OrderByDescending(c => c.Item2).ThenBy(c => Countries.Name(c.Key)).ToList();

    private static (string, string?, string?) Key(PastAttendee a) => (a.Name, a.Organisation, a.Country);

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

/// <summary>One person of a past event's list. Their name and organisation are personal data: an erasure removes them.</summary>
public sealed class PastAttendee
{
    public Guid Id { get; private set; } = Guid.NewGuid();
    [PersonalData] public string Name { get; private set; } = "";
    [PersonalData] public string? Organisation { get; private set; }
    /// <summary>ISO 3166 code; null when the list said nothing the site could read as a country.</summary>
    public string? Country { get; private set; }
    public int Position { get; private set; }

    private PastAttendee() { }

    internal PastAttendee(string name, string? organisation, string? country, int position) =>
        (Name, Organisation, Country, Position) = (name, organisation, country, position);
}

/// <summary>A row of an attendee list as a spreadsheet gives it.</summary>
public sealed record PastAttendeeDetails(string Name, string? Organisation, string? Country)
{
    public const int MaxText = 200;

    public void Validate(int row)
    {
        if (string.IsNullOrWhiteSpace(Name)) throw new DomainException(Tr.T("Row {0} has no name.", row), "File");
        if (Name.Trim().Length > MaxText || Organisation?.Trim().Length > MaxText || Country?.Trim().Length > MaxText)
            throw new DomainException(Tr.T("Row {0} is too long: at most {1} characters a column.", row, MaxText), "File");
    }
}
