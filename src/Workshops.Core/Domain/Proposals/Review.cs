using Microsoft.AspNetCore.Identity;
using Workshops.Core.Domain.Common;
using Workshops.Core.Localization;

namespace Workshops.Core.Domain.Proposals;

/// <summary>One reviewer's scores (1 to 5 per criterion) and comment on one proposal.</summary>
public sealed class Review
{
    public const int MinScore = 1;
    public const int MaxScore = 5;
    public const int MaxComment = 10_000;

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid ProposalId { get; private set; }
    [PersonalData] public string ReviewerId { get; private set; } = "";
    [PersonalData] public string? Comment { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public List<CriterionScore> Scores { get; private set; } = [];

    private Review() { }

    public static Review Score(Proposal proposal, Call call, string reviewerId, IReadOnlyDictionary<Guid, int> scores, string? comment, DateTimeOffset now)
    {
        if (proposal.ProposerId == reviewerId) throw new DomainException(Tr.T("You cannot review your own proposal."));
        var review = new Review { ProposalId = proposal.Id, ReviewerId = reviewerId, CreatedAt = now };
        review.Change(proposal, call, scores, comment, now);
        return review;
    }

    /// <summary>A reviewer may revise their scores while the proposal is still undecided.</summary>
    /// <summary>The reviewer's account is deleted: the scores count as before, from nobody in particular.</summary>
    public void EraseReviewer(Func<string?, string?> scrub)
    {
        // Unique per proposal, like the account it replaces, so two erased reviews of one proposal both stay.
        ReviewerId = "erased-" + Id.ToString("N");
        Comment = scrub(Comment);
    }

    /// <summary>Throws, naming the criterion, unless every one is scored from 1 to 5 and the comment fits; proposals and travel applications alike.</summary>
    public static void Check(IEnumerable<(Guid Id, string Name)> criteria, IReadOnlyDictionary<Guid, int> scores, string? comment)
    {
        foreach (var (id, name) in criteria)
        {
            if (!scores.TryGetValue(id, out var score))
                throw new DomainException(Tr.T("Score “{0}”.", name), id.ToString());
            if (score is < MinScore or > MaxScore)
                throw new DomainException(Tr.T("Score “{0}” from {1} to {2}.", name, MinScore, MaxScore), id.ToString());
        }
        if (comment?.Length > MaxComment) throw new DomainException(Tr.T("The comment can be at most {0:N0} characters.", MaxComment), nameof(Comment));
    }

    public void Change(Proposal proposal, Call call, IReadOnlyDictionary<Guid, int> scores, string? comment, DateTimeOffset now)
    {
        if (proposal.Status != ProposalStatus.Submitted) throw new DomainException(Tr.T("Only submitted proposals that are not yet decided are reviewed."));
        Check(call.Criteria.Select(c => (c.Id, c.Name)), scores, comment);
        // Rows are changed in place, not replaced, so the database sees updates rather than a delete and an insert of the same key.
        Scores.RemoveAll(s => call.Criteria.All(c => c.Id != s.CriterionId));
        foreach (var criterion in call.Criteria)
        {
            var existing = Scores.FirstOrDefault(s => s.CriterionId == criterion.Id);
            if (existing is null) Scores.Add(new CriterionScore(Id, criterion.Id, scores[criterion.Id]));
            else existing.Score = scores[criterion.Id];
        }
        Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        UpdatedAt = now;
    }
}

public sealed class CriterionScore
{
    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid ReviewId { get; private set; }
    public Guid CriterionId { get; private set; }
    public int Score { get; internal set; }

    private CriterionScore() { }

    // Its own id tells EF that a score added to a stored review is new (see ProposalAnswer).
    internal CriterionScore(Guid reviewId, Guid criterionId, int score) => (ReviewId, CriterionId, Score) = (reviewId, criterionId, score);
}
