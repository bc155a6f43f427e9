using Workshops.Core.Privacy;
using Workshops.Core.Domain.Common;
using Workshops.Core.Domain.Workshops;
using Workshops.Core.Localization;

namespace Workshops.Core.Domain.Proposals;

/// <summary>
/// What a proposal to host the year's workshop offers beyond its title and description. A draft may leave parts
/// blank; submitting needs the host, the place, the dates and at least one track.
/// </summary>
public sealed class WorkshopPlan
{
    [NotPersonal("the institution that offers to host")] public string? HostInstitution { get; private set; }
    public string? City { get; private set; }
    public string? Country { get; private set; }
    public DateOnly? StartsOn { get; private set; }
    public DateOnly? EndsOn { get; private set; }
    public string TimeZoneId { get; private set; } = "UTC";
    public WorkshopFormat Format { get; private set; }
    public string? Topics { get; private set; }
    public int? ExpectedParticipants { get; private set; }
    [NotPersonal("how a workshop would be paid for")] public string? FundingNotes { get; private set; }
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
        var gaps = new List<Problem>();
        if (HostInstitution is null)
            gaps.Add(new(nameof(HostInstitution), submitted ? Tr.T("Name the host institution in a submitted proposal.") : Tr.T("Name the host institution before submitting.")));
        if (City is null) gaps.Add(new(nameof(City), submitted ? Tr.T("Give the city in a submitted proposal.") : Tr.T("Give the city before submitting.")));
        if (Country is null) gaps.Add(new(nameof(Country), submitted ? Tr.T("Choose the country in a submitted proposal.") : Tr.T("Choose the country before submitting.")));
        if (StartsOn is null || EndsOn is null)
            gaps.Add(new(nameof(StartsOn), submitted ? Tr.T("Give the proposed dates in a submitted proposal.") : Tr.T("Give the proposed dates before submitting.")));
        if (Tracks.Count == 0)
            gaps.Add(new(nameof(Tracks), submitted ? Tr.T("Propose at least one track with its seats in a submitted proposal.") : Tr.T("Propose at least one track with its seats before submitting.")));
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
    [NotPersonal("a proposed track's name")] public string Name { get; private set; } = "";
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
            throw new DomainException(Tr.T("The host institution can be at most {0} characters.", MaxHostInstitution), nameof(HostInstitution));
        if (City?.Length > MaxCity) throw new DomainException(Tr.T("The city can be at most {0} characters.", MaxCity), nameof(City));
        if (!string.IsNullOrWhiteSpace(Country) && Countries.Find(Country) is null) throw new DomainException(Tr.T("Choose the country from the list."), nameof(Country));
        LocalTimes.Zone(TimeZoneId, nameof(TimeZoneId));
        if (StartsOn is not null && EndsOn is not null)
        {
            if (EndsOn < StartsOn) throw new DomainException(Tr.T("The last day comes after the first."), nameof(EndsOn));
            if (EndsOn.Value.DayNumber - StartsOn.Value.DayNumber > 30) throw new DomainException(Tr.T("A workshop can last at most 30 days."), nameof(EndsOn));
        }
        if (Topics?.Length > MaxTopics) throw new DomainException(Tr.T("The topics can be at most {0:N0} characters.", MaxTopics), nameof(Topics));
        if (ExpectedParticipants is < 1 or > 10_000) throw new DomainException(Tr.T("Expect between 1 and 10,000 participants."), nameof(ExpectedParticipants));
        if (FundingNotes?.Length > MaxFundingNotes)
            throw new DomainException(Tr.T("The funding notes can be at most {0:N0} characters.", MaxFundingNotes), nameof(FundingNotes));
        var tracks = Tracks.Where(t => !string.IsNullOrWhiteSpace(t.Name)).ToList();
        if (tracks.Count > 20) throw new DomainException(Tr.T("Propose at most 20 tracks."), nameof(Tracks));
        foreach (var t in tracks)
        {
            if (t.Name.Length > ProposedTrackDetails.MaxName)
                throw new DomainException(Tr.T("A track name can be at most {0} characters.", ProposedTrackDetails.MaxName), nameof(Tracks));
            if (t.Seats is < 1 or > 10_000) throw new DomainException(Tr.T("Track “{0}” needs between 1 and 10,000 seats.", t.Name.Trim()), nameof(Tracks));
        }
        if (tracks.Select(t => t.Name.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).Count() != tracks.Count)
            throw new DomainException(Tr.T("Two tracks have the same name."), nameof(Tracks));
    }
}
