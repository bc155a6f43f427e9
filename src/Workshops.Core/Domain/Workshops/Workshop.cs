using Workshops.Core.Privacy;
using Workshops.Core.Domain.Common;
using Workshops.Core.Time;
using Workshops.Core.Localization;

namespace Workshops.Core.Domain.Workshops;

public sealed class Workshop
{
    public Guid Id { get; private set; } = Guid.NewGuid();
    public string Slug { get; private set; } = "";
    /// <summary>The title in the workshop's languages; written where a string is expected, it is the reader's.</summary>
    public LocalText Title { get; private set; } = new("");
    public int Year { get; private set; }
    public DateTimeOffset StartsAt { get; private set; }
    public DateTimeOffset EndsAt { get; private set; }
    public string TimeZoneId { get; private set; } = "UTC";
    public WorkshopFormat Format { get; private set; }
    public string? Venue { get; private set; }
    [NotPersonal("the venue's street address")] public string? Address { get; private set; }
    public string? City { get; private set; }
    public string? Country { get; private set; }
    public LocalText? Description { get; private set; }
    /// <summary>Markdown: how to get to the venue, its entrance, access for wheelchairs; in the workshop's languages.</summary>
    [NotPersonal("directions to the venue")] public LocalText? VenueNotes { get; private set; }

    /// <summary>The language the organisers write the workshop in first; readers of others fall back to it.</summary>
    public string Language => Title.DefaultLanguage;
    public WorkshopStatus Status { get; private set; }
    public Guid? ClonedFromId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public List<Track> Tracks { get; private set; } = [];

    private Workshop() { }

    public static Workshop Create(WorkshopDetails details, IEnumerable<TrackDetails> tracks, DateTimeOffset now)
    {
        var workshop = new Workshop { Status = WorkshopStatus.Draft, CreatedAt = now };
        workshop.Update(details, tracks, now);
        return workshop;
    }

    public void Update(WorkshopDetails details, IEnumerable<TrackDetails> tracks, DateTimeOffset now)
    {
        var (starts, ends) = details.Validate();
        var trackList = tracks.ToList();
        ValidateTracks(trackList);
        Title = details.Titles();
        Slug = details.Slug;
        Year = details.Year;
        StartsAt = starts;
        EndsAt = ends;
        TimeZoneId = details.TimeZoneId;
        Format = details.Format;
        Venue = Clean(details.Venue);
        Address = Clean(details.Address);
        City = Clean(details.City);
        Country = Countries.Find(details.Country);
        Description = details.Descriptions();
        VenueNotes = details.VenueNotesByLanguage();
        SetTracks(trackList);
        UpdatedAt = now;
    }

    /// <summary>The one way a workshop changes status; returns the audit entry to store.</summary>
    public StatusChange MoveTo(WorkshopStatus next, string? byUserId, DateTimeOffset at)
    {
        if (!WorkshopStatuses.CanMove(Status, next))
            throw new DomainException(Tr.T("A {0} workshop cannot become {1}.", Word(Status), Word(next)));
        var change = StatusChange.Record(nameof(Workshop), Id, Status.ToString(), next.ToString(), byUserId, at);
        Status = next;
        UpdatedAt = at;
        return change;
    }

    /// <summary>Next year's edition: same place, tracks and text, dates moved, back to draft.</summary>
    public Workshop CloneAs(string slug, string title, int year, DateTime startsLocal, DateTimeOffset now)
    {
        var zone = WorkshopTime.Zone(TimeZoneId);
        var length = WorkshopTime.ToLocal(EndsAt, zone).DateTime - WorkshopTime.ToLocal(StartsAt, zone).DateTime;
        // The new title in the workshop's own language; the description and the notes on the venue in all of them, as they were.
        var others = (Description?.Languages ?? []).Concat(VenueNotes?.Languages ?? []).Where(l => l != Language).Distinct();
        var details = new WorkshopDetails(title, slug, year, startsLocal, startsLocal + length, TimeZoneId, Format,
            Venue, Address, City, Country, Description?.Exactly(Language), Language,
            others.ToDictionary(l => l, l => new WorkshopTranslation(null, Description?.Exactly(l), VenueNotes?.Exactly(l))), VenueNotes?.Exactly(Language));
        var copy = Create(details, Tracks.OrderBy(t => t.Position).Select(t => new TrackDetails(null, t.Name, t.Description, t.Capacity)), now);
        copy.ClonedFromId = Id;
        return copy;
    }

    public TimeZoneInfo Zone => WorkshopTime.Zone(TimeZoneId);
    public DateTimeOffset StartsLocal => WorkshopTime.ToLocal(StartsAt, Zone);
    public DateTimeOffset EndsLocal => WorkshopTime.ToLocal(EndsAt, Zone);
    public bool IsPublic => WorkshopStatuses.Public.Contains(Status);

    /// <summary>How long before the start and after the end the door still expects people (arrivals the day before, a late badge).</summary>
    public static readonly TimeSpan CheckInMargin = TimeSpan.FromDays(1);

    /// <summary>Whether people checking in now are plausibly at the door; outside it, check-in asks first.</summary>
    public bool IsCheckInTime(DateTimeOffset now) => now >= StartsAt - CheckInMargin && now <= EndsAt + CheckInMargin;

    // The status as the sentence above says it.
    private static string Word(WorkshopStatus status) => status switch
    {
        WorkshopStatus.Draft => Tr.T("proposal|draft"),
        WorkshopStatus.Published => Tr.T("workshop|published"),
        WorkshopStatus.Cancelled => Tr.T("registration|cancelled"),
        _ => status.ToString().ToLowerInvariant(),
    };

    private static void ValidateTracks(List<TrackDetails> tracks)
    {
        if (tracks.Count > 20) throw new DomainException(Tr.T("A workshop can have at most 20 tracks."), "Tracks");
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var t in tracks)
        {
            if (string.IsNullOrWhiteSpace(t.Name) || t.Name.Length > TrackDetails.MaxName)
                throw new DomainException(Tr.T("Each track needs a name of at most {0} characters.", TrackDetails.MaxName), "Tracks");
            if (t.Capacity is < 1 or > 10_000)
                throw new DomainException(Tr.T("Track '{0}' needs between 1 and 10,000 seats.", t.Name), "Tracks");
            if (t.Description?.Length > TrackDetails.MaxDescription)
                throw new DomainException(Tr.T("The description of track '{0}' can be at most {1:N0} characters.", t.Name, TrackDetails.MaxDescription), "Tracks");
            if (!names.Add(t.Name.Trim()))
                throw new DomainException(Tr.T("Two tracks are called '{0}'; give each its own name.", t.Name.Trim()), "Tracks");
        }
    }

    private void SetTracks(List<TrackDetails> tracks)
    {
        var keep = tracks.Where(t => t.Id is not null).Select(t => t.Id!.Value).ToHashSet();
        Tracks.RemoveAll(t => !keep.Contains(t.Id));
        for (var i = 0; i < tracks.Count; i++)
        {
            var input = tracks[i];
            var existing = input.Id is { } id ? Tracks.FirstOrDefault(t => t.Id == id) : null;
            if (input.Id is not null && existing is null)
                throw new DomainException(Tr.T("A track was changed by someone else meanwhile; reload the page."), "Tracks");
            if (existing is null)
            {
                Tracks.Add(new Track(input.Name.Trim(), Clean(input.Description), input.Capacity, i));
                continue;
            }
            existing.Name = input.Name.Trim();
            existing.Description = Clean(input.Description);
            existing.Capacity = input.Capacity;
            existing.Position = i;
        }
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
