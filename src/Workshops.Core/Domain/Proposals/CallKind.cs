namespace Workshops.Core.Domain.Proposals;

public enum CallKind
{
    /// <summary>The yearly call: where and what next year's workshop will be.</summary>
    Workshops,
    /// <summary>One workshop's call for sessions to fill its agenda.</summary>
    Sessions,
}

public enum ReviewerPool
{
    /// <summary>Everyone with the Reviewer role reviews every proposal.</summary>
    AllReviewers,
    /// <summary>Only the reviewers an organiser assigned to a proposal review it.</summary>
    Assigned,
}
