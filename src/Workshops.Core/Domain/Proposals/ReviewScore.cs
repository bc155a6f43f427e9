namespace Workshops.Core.Domain.Proposals;

/// <summary>
/// Where a proposal or a travel support application stands: the mean of its reviews' weighted scores and how far
/// reviewers disagree.
/// </summary>
public sealed record ReviewScore(double? Mean, double? Spread, int Reviews)
{
    public static ReviewScore From(IEnumerable<Review> reviews, IReadOnlyCollection<ReviewCriterion> criteria) =>
        Of(reviews.Select(r => r.Scores.Select(s => (s.CriterionId, s.Score)).ToList()), criteria.ToDictionary(c => c.Id, c => c.Weight));

    /// <summary>Each review as its (criterion, score) pairs, weighed by the criteria's weights.</summary>
    public static ReviewScore Of(IEnumerable<IReadOnlyCollection<(Guid Criterion, int Score)>> reviews, IReadOnlyDictionary<Guid, int> weights)
    {
        var perReview = reviews.Select(r => Weighted(r, weights)).OfType<double>().ToList();
        if (perReview.Count == 0) return new ReviewScore(null, null, 0);
        var mean = perReview.Average();
        // Population standard deviation: the spread of these reviewers' views, not an estimate of all reviewers'.
        var spread = Math.Sqrt(perReview.Sum(s => (s - mean) * (s - mean)) / perReview.Count);
        return new ReviewScore(mean, spread, perReview.Count);
    }

    /// <summary>Σ weight × score / Σ weight over the criteria the call still has; null if none of them was scored.</summary>
    private static double? Weighted(IReadOnlyCollection<(Guid Criterion, int Score)> review, IReadOnlyDictionary<Guid, int> weights)
    {
        var counted = review.Where(s => weights.ContainsKey(s.Criterion)).ToList();
        var total = counted.Sum(s => weights[s.Criterion]);
        return total == 0 ? null : counted.Sum(s => (double)s.Score * weights[s.Criterion]) / total;
    }
}
