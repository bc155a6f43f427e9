using Workshops.Core.Domain.Common;
using Workshops.Core.Domain.Proposals;
using static Workshops.UnitTests.Domain.Proposals.CallTests;

namespace Workshops.UnitTests.Domain.Proposals;

public sealed class ReviewTests
{
    private static (Call Call, Proposal Proposal) Submitted()
    {
        var call = OpenCall(requiredQuestion: false);
        var proposal = Started(call, "ana", "Lisbon 2028");
        proposal.Submit(call, Now);
        return (call, proposal);
    }

    private static Dictionary<Guid, int> Scores(Call call, int relevance, int feasibility) => new()
    {
        [call.Criteria.Single(c => c.Name == "Relevance").Id] = relevance,
        [call.Criteria.Single(c => c.Name == "Feasibility").Id] = feasibility,
    };

    [Fact]
    public void Nobody_reviews_their_own_proposal()
    {
        var (call, proposal) = Submitted();
        var e = Assert.Throws<DomainException>(() => Review.Score(proposal, call, "ana", Scores(call, 5, 5), null, Now));
        Assert.Equal("You cannot review your own proposal.", e.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    public void Scores_run_from_1_to_5_for_every_criterion(int bad)
    {
        var (call, proposal) = Submitted();
        Assert.Throws<DomainException>(() => Review.Score(proposal, call, "rui", Scores(call, bad, 3), null, Now));
        var incomplete = Scores(call, 3, 3);
        incomplete.Remove(call.Criteria[1].Id);
        Assert.Contains("Feasibility", Assert.Throws<DomainException>(() => Review.Score(proposal, call, "rui", incomplete, null, Now)).Message);
    }

    [Fact]
    public void The_ranking_weighs_criteria_and_shows_how_far_reviewers_disagree()
    {
        var (call, proposal) = Submitted();
        // Relevance weighs 3, feasibility 1: (3×5 + 1×1) / 4 = 4 and (3×3 + 1×3) / 4 = 3.
        var reviews = new[]
        {
            Review.Score(proposal, call, "rui", Scores(call, 5, 1), "Great place, hard to fund.", Now),
            Review.Score(proposal, call, "mei", Scores(call, 3, 3), null, Now),
        };

        var score = ReviewScore.From(reviews, call.Criteria);

        Assert.Equal(3.5, score.Mean!.Value, 6);
        Assert.Equal(0.5, score.Spread!.Value, 6);
        Assert.Equal(2, score.Reviews);
        Assert.Equal(new ReviewScore(null, null, 0), ReviewScore.From([], call.Criteria));
    }

    [Fact]
    public void A_decided_proposal_is_no_longer_reviewed()
    {
        var (call, proposal) = Submitted();
        var review = Review.Score(proposal, call, "rui", Scores(call, 4, 4), null, Now);
        proposal.Stage(StagedDecision.Reject, Now);
        proposal.Release("organiser", Now);
        Assert.Throws<DomainException>(() => review.Change(proposal, call, Scores(call, 5, 5), null, Now));
    }
}
