using Workshops.Core.Localization;

namespace Workshops.Core.Domain.Travel;

public enum TravelStatus
{
    Draft,
    Submitted,
    Awarded,
    /// <summary>Not funded yet: offered an award, in order, when money comes back to the budget.</summary>
    Reserve,
    NotFunded,
    Withdrawn,
    /// <summary>The award went back to the budget because the registration was cancelled.</summary>
    Cancelled,
}

/// <summary>What an organiser has staged for a submitted application; nothing happens until decisions are released.</summary>
public enum TravelDecision
{
    None,
    Award,
    Reserve,
    NotFunded,
}

public static class TravelStatuses
{
    private static readonly Dictionary<TravelStatus, TravelStatus[]> Allowed = new()
    {
        [TravelStatus.Draft] = [TravelStatus.Submitted, TravelStatus.Withdrawn],
        [TravelStatus.Submitted] = [TravelStatus.Awarded, TravelStatus.Reserve, TravelStatus.NotFunded, TravelStatus.Withdrawn],
        [TravelStatus.Reserve] = [TravelStatus.Awarded, TravelStatus.NotFunded, TravelStatus.Withdrawn],
        [TravelStatus.Awarded] = [TravelStatus.Withdrawn, TravelStatus.Cancelled],
        [TravelStatus.NotFunded] = [],
        [TravelStatus.Withdrawn] = [],
        [TravelStatus.Cancelled] = [],
    };

    public static bool CanMove(TravelStatus from, TravelStatus to) => Allowed[from].Contains(to);

    /// <summary>Statuses whose costs and answers the applicant may still change, before the deadline.</summary>
    public static bool IsEditable(TravelStatus status) => status is TravelStatus.Draft or TravelStatus.Submitted;

    /// <summary>Still waiting for a decision, or on the reserve list: an organiser may stage one.</summary>
    public static bool IsDecidable(TravelStatus status) => status is TravelStatus.Submitted or TravelStatus.Reserve;

    public static string Label(this TravelStatus status) => status switch
    {
        TravelStatus.Draft => Tr.T("draft, not submitted yet"),
        TravelStatus.Submitted => Tr.T("submitted, awaiting a decision"),
        TravelStatus.Awarded => Tr.T("travel|awarded"),
        TravelStatus.Reserve => Tr.T("on the reserve list"),
        TravelStatus.NotFunded => Tr.T("not funded"),
        TravelStatus.Withdrawn => Tr.T("travel|withdrawn"),
        TravelStatus.Cancelled => Tr.T("released with the registration"),
        _ => status.ToString().ToLowerInvariant(),
    };

    public static string Label(this TravelDecision decision) => decision switch
    {
        TravelDecision.Award => Tr.T("award"),
        TravelDecision.Reserve => Tr.T("reserve list"),
        TravelDecision.NotFunded => Tr.T("not funded"),
        _ => Tr.T("no decision staged"),
    };

    public static TravelStatus Target(this TravelDecision decision) => decision switch
    {
        TravelDecision.Award => TravelStatus.Awarded,
        TravelDecision.Reserve => TravelStatus.Reserve,
        TravelDecision.NotFunded => TravelStatus.NotFunded,
        _ => throw new ArgumentOutOfRangeException(nameof(decision)),
    };
}
