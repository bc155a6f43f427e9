namespace Workshops.Core.Domain.Proposals;

/// <summary>A proposal's standing: the mean of its reviews' weighted scores and how far reviewers disagree.</summary>
public sealed record ProposalScore(double? Mean, double? Spread, int Reviews)
{
    public static ProposalScore From(IEnumerable<Review> reviews, IReadOnlyCollection<ReviewCriterion> criteria)
    {
        var weights = criteria.ToDictionary(c => c.Id, c => c.Weight);
        var perReview = reviews.Select(r => Weighted(r, weights)).OfType<double>().ToList();
        if (perReview.Count == 0) return new ProposalScore(null, null, 0);
        var mean = perReview.Average();
        // Population standard deviation: the spread of these reviewers' views, not an estimate of all reviewers'.
        var spread = Math.Sqrt(perReview.Sum(s => (s - mean) * (s - mean)) / perReview.Count);
        return new ProposalScore(mean, spread, perReview.Count);
    }

    /// <summary>Σ weight × score / Σ weight over the criteria the call still has; null if none of them was scored.</summary>
    private static double? Weighted(Review review, IReadOnlyDictionary<Guid, int> weights)
    {
        var counted = review.Scores.Where(s => weights.ContainsKey(s.CriterionId)).ToList();
        var total = counted.Sum(s => weights[s.CriterionId]);
        return total == 0 ? null : counted.Sum(s => (double)s.Score * weights[s.CriterionId]) / total;
    }
}
