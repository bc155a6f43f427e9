using Workshops.Core.Domain.Common;
using Workshops.Core.Domain.Workshops;

namespace Workshops.Core.Domain.Proposals;

/// <summary>
/// What a proposal to host the year's workshop offers beyond its title and description. A draft may leave parts
/// blank; submitting needs the host, the place, the dates and at least one track.
/// </summary>
public sealed class WorkshopPlan
{
    public string? HostInstitution { get; private set; }
    public string? City { get; private set; }
    public string? Country { get; private set; }
    public DateOnly? StartsOn { get; private set; }
    public DateOnly? EndsOn { get; private set; }
    public string TimeZoneId { get; private set; } = "UTC";
    public WorkshopFormat Format { get; private set; }
    public string? Topics { get; private set; }
    public int? ExpectedParticipants { get; private set; }
    public string? FundingNotes { get; private set; }
    public List<ProposedTrack> Tracks { get; private set; } = [];

    private WorkshopPlan() { }

    internal static WorkshopPlan From(WorkshopPlanDetails d)
    {
        d.Validate();
        return new WorkshopPlan
        {
            HostInstitution = Clean(d.HostInstitution),
            City = Clean(d.City),
            Country = Countries.Find(d.Country),
            StartsOn = d.StartsOn,
            EndsOn = d.EndsOn,
            TimeZoneId = d.TimeZoneId,
            Format = d.Format,
            Topics = Clean(d.Topics),
            ExpectedParticipants = d.ExpectedParticipants,
            FundingNotes = Clean(d.FundingNotes),
            Tracks = d.Tracks.Where(t => !string.IsNullOrWhiteSpace(t.Name))
                .Select((t, i) => new ProposedTrack(t.Name.Trim(), t.Seats, i)).ToList(),
        };
    }

    /// <summary>Throws naming the first thing a submitted workshop proposal still lacks.</summary>
    internal void EnsureComplete(bool submitted = false)
    {
        if (Gaps(submitted) is { Count: > 0 } gaps) throw new DomainException(gaps);
    }

    /// <summary>Every part still missing, each beside its field.</summary>
    internal List<Problem> Gaps(bool submitted = false)
    {
        var when = submitted ? "in a submitted proposal" : "before submitting";
        var gaps = new List<Problem>();
        if (HostInstitution is null) gaps.Add(new(nameof(HostInstitution), $"Name the host institution {when}."));
        if (City is null) gaps.Add(new(nameof(City), $"Give the city {when}."));
        if (Country is null) gaps.Add(new(nameof(Country), $"Choose the country {when}."));
        if (StartsOn is null || EndsOn is null) gaps.Add(new(nameof(StartsOn), $"Give the proposed dates {when}."));
        if (Tracks.Count == 0) gaps.Add(new(nameof(Tracks), $"Propose at least one track with its seats {when}."));
        return gaps;
    }

    /// <summary>The draft workshop an accepted proposal becomes: 09:00 on the first day to 17:00 on the last, local time.</summary>
    public WorkshopDetails ToWorkshopDetails(string title, string slug, int year, string? description) => new(
        title, slug, year,
        (StartsOn ?? new DateOnly(year, 1, 1)).ToDateTime(new TimeOnly(9, 0)),
        (EndsOn ?? StartsOn ?? new DateOnly(year, 1, 1)).ToDateTime(new TimeOnly(17, 0)),
        TimeZoneId, Format, HostInstitution, null, City, Country, description);

    public IEnumerable<TrackDetails> ToTrackDetails() => Tracks.OrderBy(t => t.Position).Select(t => new TrackDetails(null, t.Name, null, t.Seats));

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>A track the host proposes, with the seats its rooms hold.</summary>
public sealed class ProposedTrack
{
    public string Name { get; private set; } = "";
    public int Seats { get; private set; }
    public int Position { get; private set; }

    private ProposedTrack() { }

    internal ProposedTrack(string name, int seats, int position) => (Name, Seats, Position) = (name, seats, position);
}

public sealed record ProposedTrackDetails(string Name, int Seats)
{
    public const int MaxName = 100;
}

/// <summary>The workshop part of the proposal form as the proposer typed it.</summary>
public sealed record WorkshopPlanDetails(
    string? HostInstitution,
    string? City,
    string? Country,
    DateOnly? StartsOn,
    DateOnly? EndsOn,
    string TimeZoneId,
    WorkshopFormat Format,
    string? Topics,
    int? ExpectedParticipants,
    string? FundingNotes,
    IReadOnlyList<ProposedTrackDetails> Tracks)
{
    public const int MaxHostInstitution = 200;
    public const int MaxCity = 100;
    public const int MaxCountry = 100;
    public const int MaxTopics = 5000;
    public const int MaxFundingNotes = 10_000;

    public void Validate()
    {
        if (HostInstitution?.Length > MaxHostInstitution)
            throw new DomainException($"The host institution can be at most {MaxHostInstitution} characters.", nameof(HostInstitution));
        if (City?.Length > MaxCity) throw new DomainException($"The city can be at most {MaxCity} characters.", nameof(City));
        if (!string.IsNullOrWhiteSpace(Country) && Countries.Find(Country) is null) throw new DomainException("Choose the country from the list.", nameof(Country));
        LocalTimes.Zone(TimeZoneId, nameof(TimeZoneId));
        if (StartsOn is not null && EndsOn is not null)
        {
            if (EndsOn < StartsOn) throw new DomainException("The last day comes after the first.", nameof(EndsOn));
            if (EndsOn.Value.DayNumber - StartsOn.Value.DayNumber > 30) throw new DomainException("A workshop can last at most 30 days.", nameof(EndsOn));
        }
        if (Topics?.Length > MaxTopics) throw new DomainException($"The topics can be at most {MaxTopics:N0} characters.", nameof(Topics));
        if (ExpectedParticipants is < 1 or > 10_000) throw new DomainException("Expect between 1 and 10,000 participants.", nameof(ExpectedParticipants));
        if (FundingNotes?.Length > MaxFundingNotes)
            throw new DomainException($"The funding notes can be at most {MaxFundingNotes:N0} characters.", nameof(FundingNotes));
        var tracks = Tracks.Where(t => !string.IsNullOrWhiteSpace(t.Name)).ToList();
        if (tracks.Count > 20) throw new DomainException("Propose at most 20 tracks.", nameof(Tracks));
        foreach (var t in tracks)
        {
            if (t.Name.Length > ProposedTrackDetails.MaxName)
                throw new DomainException($"A track name can be at most {ProposedTrackDetails.MaxName} characters.", nameof(Tracks));
            if (t.Seats is < 1 or > 10_000) throw new DomainException($"Track “{t.Name.Trim()}” needs between 1 and 10,000 seats.", nameof(Tracks));
        }
        if (tracks.Select(t => t.Name.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).Count() != tracks.Count)
            throw new DomainException("Two tracks have the same name.", nameof(Tracks));
    }
}
