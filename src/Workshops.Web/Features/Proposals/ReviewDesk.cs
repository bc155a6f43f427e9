using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;
using Workshops.Core.Domain.Common;
using Workshops.Core.Domain.Proposals;
using Workshops.Web.Features.Organise;

namespace Workshops.Web.Features.Proposals;

/// <summary>A reviewer scores a proposal, or changes the scores they gave.</summary>
public sealed class ReviewDesk(AppDbContext db, TimeProvider clock)
{
    public async Task<EditResult> SaveAsync(ProposalView view, IReadOnlyDictionary<Guid, int> scores, string? comment, CancellationToken ct)
    {
        if (!view.MayReview) return EditResult.Fail(null, Tr.T("This proposal is not open for your review."));
        try
        {
            var now = clock.GetUtcNow();
            if (view.MyReview is { } review) review.Change(view.Proposal, view.Call, scores, comment, now);
            else db.Reviews.Add(Review.Score(view.Proposal, view.Call, view.UserId!, scores, comment, now));
            await db.SaveChangesAsync(ct);
            return EditResult.Ok(view.Proposal.Id);
        }
        catch (DomainException e)
        {
            return EditResult.Refused(e);
        }
        catch (DbUpdateException) when (view.MyReview is null)
        {
            // The same reviewer saved twice at once; the unique index kept one review.
            db.ChangeTracker.Clear();
            return EditResult.Fail(null, Tr.T("Your review was saved from another window meanwhile; reload the page to change it."));
        }
    }
}
