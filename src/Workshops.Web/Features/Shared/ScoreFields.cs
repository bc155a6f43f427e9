namespace Workshops.Web.Features.Shared;

/// <summary>One criterion a reviewer scores from 1 to 5, with its weight in the ranking.</summary>
public sealed record ScoredCriterion(Guid Id, string Name, string? Description, int Weight);

/// <summary>The scoring fields of a review (partial _ScoreFields): proposals and travel support applications alike.</summary>
public sealed record ScoreFields(IReadOnlyList<ScoredCriterion> Criteria, IReadOnlyDictionary<Guid, int> Scores, string? Comment, string CommentHint)
{
    /// <summary>Where a domain refusal naming a criterion (by its id) goes on the form.</summary>
    public static string Key(string? field) => field is { } f && Guid.TryParse(f, out var c) ? $"Scores[{c}]" : field ?? "";
}
