using Workshops.Core.Domain.Common;
using Workshops.Core.Domain.Proposals;
using static Workshops.UnitTests.Domain.Proposals.CallTests;

namespace Workshops.UnitTests.Domain.Proposals;

public sealed class ProposalTests
{
    private static Proposal Draft(Call call) => Started(call, "ana", "Bogotá 2028 at the Humboldt Institute", "We offer **two** rooms.");

    private static Dictionary<Guid, string?> Answers(Call call, string? first) => new() { [call.Questions[0].Id] = first };

    [Fact]
    public void A_draft_is_submitted_once_required_questions_are_answered_and_the_history_says_who()
    {
        var call = OpenCall();
        var proposal = Draft(call);
        Assert.Equal(ProposalStatus.Draft, proposal.Status);

        var missing = Assert.Throws<DomainException>(() => proposal.Submit(call, Now));
        Assert.Contains("How will remote participants join?", missing.Message);

        proposal.Edit(call, new ProposalContent(proposal.Title, proposal.Text, Answers(call, "Through the hybrid room.")), Now);
        var change = proposal.Submit(call, Now.AddHours(1));

        Assert.Equal(ProposalStatus.Submitted, proposal.Status);
        Assert.Equal(Now.AddHours(1), proposal.SubmittedAt);
        Assert.Equal(("Draft", "Submitted", "ana"), (change.From, change.To, change.ByUserId));
    }

    [Fact]
    public void Editing_after_the_deadline_needs_the_late_code()
    {
        var call = OpenCall();
        var proposal = Draft(call);
        var late = call.ClosesAt.AddHours(1);

        Assert.Throws<DomainException>(() => proposal.Edit(call, new ProposalContent("New title", null, Answers(call, "yes")), late));
        Assert.Equal("Bogotá 2028 at the Humboldt Institute", proposal.Title);

        proposal.Edit(call, new ProposalContent("New title", null, Answers(call, "yes")), late, "late-but-welcome");
        proposal.Submit(call, late, "late-but-welcome");
        Assert.Equal(ProposalStatus.Submitted, proposal.Status);
    }

    [Fact]
    public void Emptying_an_answer_removes_it()
    {
        var call = OpenCall(requiredQuestion: false);
        var proposal = Draft(call);
        proposal.Edit(call, new ProposalContent(proposal.Title, null, Answers(call, "Zoom")), Now);
        proposal.Edit(call, new ProposalContent(proposal.Title, null, Answers(call, "  ")), Now);
        Assert.Empty(proposal.Answers);
    }

    [Fact]
    public void Decisions_stay_staged_until_released_and_pending_ones_change_nothing()
    {
        var call = OpenCall(requiredQuestion: false);
        var accepted = Draft(call);
        var pending = Draft(call);
        accepted.Submit(call, Now);
        pending.Submit(call, Now);

        accepted.Stage(StagedDecision.Accept, Now);
        Assert.Equal(ProposalStatus.Submitted, accepted.Status);

        var change = accepted.Release("organiser", Now);
        Assert.Null(pending.Release("organiser", Now));

        Assert.Equal(ProposalStatus.Accepted, accepted.Status);
        Assert.Equal(StagedDecision.Pending, accepted.Decision);
        Assert.Equal(("Submitted", "Accepted", "organiser"), (change!.From, change.To, change.ByUserId));
        Assert.Equal(ProposalStatus.Submitted, pending.Status);
    }

    [Fact]
    public void No_move_skips_the_rules_of_its_status()
    {
        var call = OpenCall();
        var unanswered = Draft(call);
        Assert.Throws<DomainException>(() => unanswered.MoveTo(ProposalStatus.Submitted, "ana", Now, call));
        Assert.Equal(ProposalStatus.Draft, unanswered.Status);

        var open = OpenCall(requiredQuestion: false);
        var submitted = Draft(open);
        submitted.Submit(open, Now);
        var e = Assert.Throws<DomainException>(() => submitted.MoveTo(ProposalStatus.Accepted, "organiser", Now));
        Assert.Contains("Stage the decision first", e.Message);
        Assert.Equal(ProposalStatus.Submitted, submitted.Status);
    }

    [Fact]
    public void Withdrawn_and_decided_proposals_cannot_be_edited_and_impossible_moves_are_refused()
    {
        var call = OpenCall(requiredQuestion: false);
        var proposal = Draft(call);
        proposal.MoveTo(ProposalStatus.Withdrawn, "ana", Now);

        var e = Assert.Throws<DomainException>(() => proposal.Edit(call, new ProposalContent("Again", null, new Dictionary<Guid, string?>()), Now));
        Assert.Equal("A withdrawn proposal can no longer be changed.", e.Message);
        Assert.Throws<DomainException>(() => proposal.MoveTo(ProposalStatus.Submitted, "ana", Now));
        Assert.Throws<DomainException>(() => Draft(call).MoveTo(ProposalStatus.Accepted, "organiser", Now));
        Assert.Throws<DomainException>(() => Draft(call).Stage(StagedDecision.Accept, Now));
    }
}
