using Microsoft.AspNetCore.Identity;
using Workshops.Core.Domain.Common;
using Workshops.Core.Domain.Proposals;
using Workshops.Core.Localization;

namespace Workshops.Core.Domain.Travel;

/// <summary>One reviewer's scores (1 to 5 per criterion of the fund) and comment on one travel support application.</summary>
public sealed class TravelReview
{
    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid ApplicationId { get; private set; }
    [PersonalData] public string ReviewerId { get; private set; } = "";
    [PersonalData] public string? Comment { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public List<TravelScore> Scores { get; private set; } = [];

    private TravelReview() { }

    /// <summary>A first review; <paramref name="eligibility"/> says whether this reviewer may score this application at all.</summary>
    public static TravelReview Score(TravelApplication application, TravelFund fund, ReviewerEligibility eligibility, string reviewerId,
        IReadOnlyDictionary<Guid, int> scores, string? comment, DateTimeOffset now)
    {
        if (eligibility.Refusal is { } refusal) throw new DomainException(refusal);
        var review = new TravelReview { ApplicationId = application.Id, ReviewerId = reviewerId, CreatedAt = now };
        review.Change(application, fund, scores, comment, now);
        return review;
    }

    /// <summary>A reviewer may revise their scores while the application waits for a decision or is on the reserve list.</summary>
    public void Change(TravelApplication application, TravelFund fund, IReadOnlyDictionary<Guid, int> scores, string? comment, DateTimeOffset now)
    {
        if (!TravelStatuses.IsDecidable(application.Status))
            throw new DomainException(Tr.T("Only submitted applications that are not yet decided are reviewed."));
        Review.Check(fund.Criteria.Select(c => (c.Id, c.Name)), scores, comment);
        Scores.RemoveAll(s => fund.Criteria.All(c => c.Id != s.CriterionId));
        foreach (var criterion in fund.Criteria)
        {
            var existing = Scores.FirstOrDefault(s => s.CriterionId == criterion.Id);
            if (existing is null) Scores.Add(new TravelScore(Id, criterion.Id, scores[criterion.Id]));
            else existing.Score = scores[criterion.Id];
        }
        Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        UpdatedAt = now;
    }

    /// <summary>The reviewer's account is deleted: the scores count as before, from nobody in particular.</summary>
    public void EraseReviewer(Func<string?, string?> scrub)
    {
        ReviewerId = "erased-" + Id.ToString("N");
        Comment = scrub(Comment);
    }

    public IReadOnlyCollection<(Guid Criterion, int Score)> Pairs => Scores.Select(s => (s.CriterionId, s.Score)).ToList();
}

public sealed class TravelScore
{
    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid ReviewId { get; private set; }
    public Guid CriterionId { get; private set; }
    public int Score { get; internal set; }

    private TravelScore() { }

    internal TravelScore(Guid reviewId, Guid criterionId, int score) => (ReviewId, CriterionId, Score) = (reviewId, criterionId, score);
}

/// <summary>
/// Whether a reviewer may score an application: never their own, nor one from their own institution (compared as
/// people write it, "SiB Colombia" and "sib-colombia" alike). Null refusal: they may.
/// </summary>
public sealed record ReviewerEligibility(string? Refusal)
{
    public static ReviewerEligibility For(TravelApplication application, string applicantInstitution, string reviewerId, IEnumerable<string?> reviewerInstitutions)
    {
        if (application.ApplicantId == reviewerId) return new(Tr.T("You cannot review your own application."));
        var theirs = Text.Slugs.From(applicantInstitution, 200);
        if (theirs.Length > 0 && reviewerInstitutions.Any(i => i is not null && Text.Slugs.From(i, 200) == theirs))
            return new(Tr.T("You cannot review an application from your own institution."));
        return new((string?)null);
    }

    public bool May => Refusal is null;
}
