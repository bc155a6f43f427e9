using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;
using Workshops.Core.Domain.Proposals;
using Workshops.Core.Domain.Travel;

namespace Workshops.Web.Features.Travel;

/// <summary>How applications are scored, the one way the reviewers' page, the organisers' board and the release count it.</summary>
public static class TravelScores
{
    public static IReadOnlyList<ScoredCriterion> Criteria(TravelFund fund) =>
        fund.Criteria.OrderBy(c => c.Position).Select(c => new ScoredCriterion(c.Id, c.Name, c.Description, c.Weight)).ToList();

    public static ReviewScore Of(IEnumerable<TravelReview> reviews, TravelFund fund) =>
        ReviewScore.Of(reviews.Select(r => r.Pairs), fund.Criteria.ToDictionary(c => c.Id, c => c.Weight));

    /// <summary>Each application's score, read in one query.</summary>
    public static async Task<IReadOnlyDictionary<Guid, ReviewScore>> OfAsync(AppDbContext db, TravelFund fund, IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        var reviews = (await db.TravelReviews.AsNoTracking().Where(r => ids.Contains(r.ApplicationId)).ToListAsync(ct)).ToLookup(r => r.ApplicationId);
        return ids.ToDictionary(id => id, id => Of(reviews[id], fund));
    }

    /// <summary>Reviews as the table shows them, oldest first, each reviewer by name.</summary>
    public static IReadOnlyList<TravelReviewRow> Rows(IEnumerable<TravelReview> reviews, TravelFund fund, IReadOnlyDictionary<string, string> names) =>
        reviews.OrderBy(r => r.CreatedAt).Select(r => new TravelReviewRow(names.GetValueOrDefault(r.ReviewerId, Tr.T("a removed account")),
            Of([r], fund).Mean, r.Scores.ToDictionary(s => s.CriterionId, s => s.Score), r.Comment)).ToList();
}
