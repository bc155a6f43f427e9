using Workshops.Core.Domain.Common;
using Workshops.Core.Localization;

namespace Workshops.Core.Domain.Proposals;

public enum SessionType
{
    Talk,
    Tutorial,
    HandsOn,
    Lightning,
    Panel,
}

public static class SessionTypes
{
    public static string Label(this SessionType type) => type switch
    {
        SessionType.Talk => Tr.T("Talk"),
        SessionType.Tutorial => Tr.T("Tutorial"),
        SessionType.HandsOn => Tr.T("Hands-on"),
        SessionType.Lightning => Tr.T("Lightning talk"),
        SessionType.Panel => Tr.T("Panel"),
        _ => type.ToString(),
    };

    /// <summary>What a new call offers until the organiser changes it: the lengths the community's workshops have used.</summary>
    public static IReadOnlyList<SessionFormatDetails> Defaults { get; } =
    [
        new(SessionType.Talk, [20, 30]),
        new(SessionType.Tutorial, [90]),
        new(SessionType.HandsOn, [120]),
        new(SessionType.Lightning, [5]),
        new(SessionType.Panel, [45]),
    ];
}

/// <summary>A kind of session a call for sessions accepts, with the lengths in minutes a proposer may choose.</summary>
public sealed class SessionFormat
{
    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid CallId { get; private set; }
    public SessionType Type { get; internal set; }
    public List<int> Durations { get; internal set; } = [];
    public int Position { get; internal set; }

    private SessionFormat() { }

    internal SessionFormat(SessionType type, IEnumerable<int> durations, int position) => (Type, Durations, Position) = (type, durations.ToList(), position);
}

public sealed record SessionFormatDetails(SessionType Type, IReadOnlyList<int> Durations);

/// <summary>What a call for sessions offers: the kinds of session with their lengths, and the workshop's tracks it fills.</summary>
public sealed record SessionSetup(IReadOnlyList<SessionFormatDetails> Formats, IReadOnlyList<Guid> TrackIds)
{
    public void Validate(IReadOnlyCollection<Guid> workshopTrackIds)
    {
        if (Formats.Count == 0) throw new DomainException(Tr.T("Offer at least one kind of session."), nameof(Formats));
        if (Formats.Select(f => f.Type).Distinct().Count() != Formats.Count) throw new DomainException(Tr.T("Each kind of session is listed once."), nameof(Formats));
        foreach (var format in Formats)
        {
            if (format.Durations.Count == 0)
                throw new DomainException(Tr.T("Give the length of a {0} in minutes.", format.Type.Label().ToLowerInvariant()), nameof(Formats));
            if (format.Durations.Any(d => d is < 5 or > 480))
                throw new DomainException(Tr.T("A {0} lasts from 5 to 480 minutes.", format.Type.Label().ToLowerInvariant()), nameof(Formats));
            if (format.Durations.Count > 10) throw new DomainException(Tr.T("Offer at most 10 lengths per kind of session."), nameof(Formats));
        }
        if (TrackIds.Any(id => !workshopTrackIds.Contains(id)))
            throw new DomainException(Tr.T("Choose tracks of this workshop."), nameof(TrackIds));
        if (workshopTrackIds.Count > 0 && TrackIds.Count == 0)
            throw new DomainException(Tr.T("Choose at least one of the workshop's tracks for sessions."), nameof(TrackIds));
    }
}
