namespace Workshops.Web.Features.Travel;

/// <summary>Reviews as a table (partial _ReviewsTable): each reviewer's scores per criterion, weighted score and comment.</summary>
public sealed record ReviewsTable(IReadOnlyList<ScoredCriterion> Criteria, IReadOnlyList<TravelReviewRow> Rows, string Caption);
