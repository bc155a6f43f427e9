using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;
using Workshops.Core.Domain.Common;
using Workshops.Core.Domain.Travel;

namespace Workshops.Web.Features.Travel;

/// <summary>A reviewer scores a travel support application, or changes the scores they gave.</summary>
public sealed class TravelReviewDesk(AppDbContext db, TimeProvider clock)
{
    public async Task<EditResult> SaveAsync(TravelReviewView view, string reviewerId, IReadOnlyDictionary<Guid, int> scores, string? comment, CancellationToken ct)
    {
        try
        {
            var now = clock.GetUtcNow();
            if (view.Mine is { } review) review.Change(view.Application, view.Fund, scores, comment, now);
            else db.TravelReviews.Add(TravelReview.Score(view.Application, view.Fund, view.Eligibility, reviewerId, scores, comment, now));
            await db.SaveChangesAsync(ct);
            return EditResult.Ok(view.Application.Id);
        }
        catch (DomainException e)
        {
            db.ChangeTracker.Clear();
            return EditResult.Refused(e);
        }
        catch (DbUpdateException)
        {
            // Saved twice at once from two windows: the unique index (or the version) kept one review.
            db.ChangeTracker.Clear();
            return EditResult.Fail(null, Tr.T("Your review was saved from another window meanwhile; reload the page to change it.")) with { Stale = true };
        }
    }
}
