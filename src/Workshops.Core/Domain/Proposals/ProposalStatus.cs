using Workshops.Core.Localization;

namespace Workshops.Core.Domain.Proposals;

public enum ProposalStatus
{
    Draft,
    Submitted,
    Withdrawn,
    Accepted,
    Rejected,
    /// <summary>Sessions only: the accepted speaker said they will come.</summary>
    Confirmed,
}

/// <summary>What an organiser has staged for a submitted proposal; nothing happens until decisions are released.</summary>
public enum StagedDecision
{
    Pending,
    Accept,
    Reject,
}

public static class ProposalStatuses
{
    private static readonly Dictionary<ProposalStatus, ProposalStatus[]> Allowed = new()
    {
        [ProposalStatus.Draft] = [ProposalStatus.Submitted, ProposalStatus.Withdrawn],
        [ProposalStatus.Submitted] = [ProposalStatus.Withdrawn, ProposalStatus.Accepted, ProposalStatus.Rejected],
        [ProposalStatus.Withdrawn] = [],
        [ProposalStatus.Accepted] = [ProposalStatus.Confirmed, ProposalStatus.Withdrawn],
        [ProposalStatus.Rejected] = [],
        [ProposalStatus.Confirmed] = [ProposalStatus.Withdrawn],
    };

    public static bool CanMove(ProposalStatus from, ProposalStatus to) => Allowed[from].Contains(to);

    /// <summary>The words proposers read for where their proposal stands.</summary>
    public static string Label(this ProposalStatus status) => status switch
    {
        ProposalStatus.Draft => Tr.T("draft, not submitted yet"),
        ProposalStatus.Submitted => Tr.T("submitted, awaiting a decision"),
        ProposalStatus.Withdrawn => Tr.T("proposal|withdrawn"),
        ProposalStatus.Accepted => Tr.T("proposal|accepted"),
        ProposalStatus.Rejected => Tr.T("not accepted"),
        ProposalStatus.Confirmed => Tr.T("proposal|confirmed"),
        _ => status.ToString().ToLowerInvariant(),
    };

    /// <summary>The status in one word, as sentences say it ("a draft proposal", "this session is withdrawn").</summary>
    public static string Word(this ProposalStatus status) => status switch
    {
        ProposalStatus.Draft => Tr.T("proposal|draft"),
        ProposalStatus.Submitted => Tr.T("proposal|submitted"),
        ProposalStatus.Withdrawn => Tr.T("proposal|withdrawn"),
        ProposalStatus.Accepted => Tr.T("proposal|accepted"),
        ProposalStatus.Rejected => Tr.T("proposal|rejected"),
        ProposalStatus.Confirmed => Tr.T("proposal|confirmed"),
        _ => status.ToString().ToLowerInvariant(),
    };

    /// <summary>Statuses the proposer may still change the text in (before the deadline).</summary>
    public static bool IsEditable(ProposalStatus status) => status is ProposalStatus.Draft or ProposalStatus.Submitted;
}
