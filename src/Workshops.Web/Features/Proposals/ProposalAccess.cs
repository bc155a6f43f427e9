using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Domain.Accounts;
using Workshops.Core.Data;
using Workshops.Core.Domain.Proposals;

namespace Workshops.Web.Features.Proposals;

/// <summary>One person's standing towards one proposal, decided in one place so every page applies the same rules.</summary>
public sealed record ProposalView(Proposal Proposal, Call Call, string? UserId, bool IsProposer, bool IsOrganiser, bool IsReviewer, Review? MyReview)
{
    /// <summary>Reviewers may score a submitted, undecided proposal.</summary>
    public bool MayReview => IsReviewer && Proposal.Status == ProposalStatus.Submitted;

    /// <summary>Others' scores stay hidden from a reviewer until they have scored, so nobody anchors on them.</summary>
    public bool SeesReviews => IsReviewer ? MyReview is not null : IsOrganiser && !IsProposer;

    public bool MayEdit => IsProposer && ProposalStatuses.IsEditable(Proposal.Status);
}

public sealed class ProposalAccess(AppDbContext db)
{
    /// <summary>Null when this person may not see the proposal at all (a stranger, or anyone but its author for a draft).</summary>
    public async Task<ProposalView?> ForAsync(Guid proposalId, ClaimsPrincipal user, CancellationToken ct, bool track = false)
    {
        var proposals = track ? db.Proposals : db.Proposals.AsNoTracking();
        var proposal = await proposals.FirstOrDefaultAsync(p => p.Id == proposalId, ct);
        if (proposal is null) return null;
        var call = await db.Calls.AsNoTracking().FirstAsync(c => c.Id == proposal.CallId, ct);
        var userId = user.Id();
        if (userId is null) return null;

        var isProposer = proposal.ProposerId == userId;
        var isOrganiser = user.IsInRole(Roles.Organiser) || user.IsInRole(Roles.Admin);
        // Only what was once submitted leaves its author: a draft withdrawn before submitting stays private.
        var wasSubmitted = proposal.SubmittedAt is not null;
        var isReviewer = !isProposer && wasSubmitted && user.IsInRole(Roles.Reviewer)
            && (call.Reviewers == ReviewerPool.AllReviewers
                || await db.ReviewerAssignments.AnyAsync(a => a.ProposalId == proposalId && a.ReviewerId == userId, ct));
        var visible = isProposer || isReviewer || (isOrganiser && wasSubmitted);
        if (!visible) return null;
        var mine = isReviewer
            ? await (track ? db.Reviews : db.Reviews.AsNoTracking()).FirstOrDefaultAsync(r => r.ProposalId == proposalId && r.ReviewerId == userId, ct)
            : null;
        return new ProposalView(proposal, call, userId, isProposer, isOrganiser, isReviewer, mine);
    }
}
