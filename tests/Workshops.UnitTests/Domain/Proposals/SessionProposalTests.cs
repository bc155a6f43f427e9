using Workshops.Core.Domain.Common;
using Workshops.Core.Domain.Proposals;
using Workshops.Core.Domain.Workshops;
using static Workshops.UnitTests.Domain.Proposals.CallTests;

namespace Workshops.UnitTests.Domain.Proposals;

public sealed class SessionProposalTests
{
    private static readonly Workshop Bogota = new AWorkshop
    {
        Title = "Workshop 2028, Bogotá", Slug = "2028-bogota", Starts = new DateTime(2028, 10, 2, 9, 0, 0), Zone = "America/Bogota", Format = WorkshopFormat.Hybrid,
        Venue = "Instituto Humboldt", City = "Bogotá", Country = "Colombia", Status = WorkshopStatus.Draft, Now = Now.AddDays(-60),
    }.Build();

    private static Guid Developers => Bogota.Tracks.Single(t => t.Name == "Developers").Id;

    private static Call SessionCall(IReadOnlyList<SessionFormatDetails>? formats = null) => Call.ForSessions(Bogota,
        new CallDetails("Sessions for Bogotá", 1999, null, new DateTime(2026, 11, 1, 9, 0, 0), new DateTime(2027, 3, 1, 23, 59, 0), "America/Bogota",
            ReviewerPool.AllReviewers, null),
        [], [new CriterionDetails(null, "Relevance", 1)],
        new SessionSetup(formats ?? [new(SessionType.Talk, [30, 20]), new(SessionType.Tutorial, [90])], [Developers]),
        Now.AddDays(-30));

    private static ProposalContent Content(SessionType? type = SessionType.Talk, int? minutes = 30, Guid? track = null, params CoSpeakerDetails[] coSpeakers) =>
        new("Publishing sampling events", "With the **IPT**.", new Dictionary<Guid, string?>(),
            Session: new SessionPlanDetails(type, track ?? Developers, minutes, "Needs a projector.", coSpeakers));

    private static Proposal Drafted(Call call, ProposalContent content)
    {
        var proposal = Proposal.Start(call, "ana", content.Title, null, Now);
        proposal.Edit(call, content, Now);
        return proposal;
    }

    [Fact]
    public void A_call_for_sessions_takes_its_year_from_the_workshop_and_orders_the_lengths()
    {
        var call = SessionCall();
        Assert.Equal(CallKind.Sessions, call.Kind);
        Assert.Equal(2028, call.Year);
        Assert.Equal(Bogota.Id, call.WorkshopId);
        Assert.Equal([20, 30], call.FormatOf(SessionType.Talk)!.Durations);
        Assert.Null(call.FormatOf(SessionType.Panel));
    }

    [Theory]
    [InlineData("none", "Formats")]
    [InlineData("too-short", "Formats")]
    [InlineData("other-track", "TrackIds")]
    public void A_session_setup_is_refused_naming_the_field(string mistake, string field)
    {
        var setup = mistake switch
        {
            "none" => new SessionSetup([], [Developers]),
            "too-short" => new SessionSetup([new(SessionType.Lightning, [2])], [Developers]),
            _ => new SessionSetup([new(SessionType.Talk, [30])], [Guid.NewGuid()]),
        };
        var e = Assert.Throws<DomainException>(() => Call.ForSessions(Bogota,
            new CallDetails("Sessions", 2028, null, new DateTime(2026, 11, 1), new DateTime(2027, 1, 1), "UTC", ReviewerPool.AllReviewers, null),
            [], [new CriterionDetails(null, "Relevance", 1)], setup, Now));
        Assert.Equal(field, e.Field);
    }

    [Fact]
    public void A_length_the_kind_of_session_does_not_offer_is_refused_with_the_lengths_it_does()
    {
        var call = SessionCall();
        var e = Assert.Throws<DomainException>(() => Drafted(call, Content(SessionType.Tutorial, 30)));
        Assert.Equal("DurationMinutes", e.Field);
        Assert.Contains("90 minutes", e.Message);
        var panel = Assert.Throws<DomainException>(() => Drafted(call, Content(SessionType.Panel, 45)));
        Assert.Equal("Type", panel.Field);
    }

    [Fact]
    public void A_draft_may_leave_the_session_blank_but_submitting_needs_kind_length_and_track()
    {
        var call = SessionCall();
        var proposal = Proposal.Start(call, "ana", "Publishing sampling events", null, Now);
        proposal.Edit(call, new ProposalContent("Publishing sampling events", null, new Dictionary<Guid, string?>(),
            Session: new SessionPlanDetails(SessionType.Talk, null, null, null, [])), Now);

        var e = Assert.Throws<DomainException>(() => proposal.Submit(call, Now));
        Assert.Equal("DurationMinutes", e.Field);
        Assert.Equal(ProposalStatus.Draft, proposal.Status);
    }

    [Fact]
    public void Co_speakers_are_invited_once_submitted_and_their_answer_survives_an_edit()
    {
        var call = SessionCall();
        var proposal = Drafted(call, Content(coSpeakers: new CoSpeakerDetails("Diego Ramírez", "diego@example.org")));
        Assert.Empty(proposal.InviteCoSpeakers(Now)); // a draft stays private

        proposal.Submit(call, Now);
        var invitation = Assert.Single(proposal.InviteCoSpeakers(Now));
        Assert.Empty(proposal.InviteCoSpeakers(Now)); // nobody is invited twice
        Assert.NotEqual(invitation.Token, invitation.Speaker.TokenHash);

        proposal.RespondAsCoSpeaker(invitation.Token, confirm: true, null, Now);
        proposal.Edit(call, Content(coSpeakers: [new("Diego Ramírez Gómez", "DIEGO@example.org"), new("Mei Tanaka", "mei@example.org")]), Now);

        var diego = proposal.CoSpeakers.Single(c => c.Email == "diego@example.org");
        Assert.Equal(CoSpeakerStatus.Confirmed, diego.Status);
        Assert.Equal("Diego Ramírez Gómez", diego.Name);
        Assert.Equal(CoSpeakerStatus.NotInvited, proposal.CoSpeakers.Single(c => c.Email == "mei@example.org").Status);
        Assert.Equal("mei@example.org", Assert.Single(proposal.InviteCoSpeakers(Now)).Speaker.Email);
    }

    [Theory]
    [InlineData("Diego", "not-an-email")]
    [InlineData("", "diego@example.org")]
    public void A_co_speaker_needs_a_name_and_a_valid_email(string name, string email)
    {
        var e = Assert.Throws<DomainException>(() => Drafted(SessionCall(), Content(coSpeakers: new CoSpeakerDetails(name, email))));
        Assert.Equal("CoSpeakers", e.Field);
    }

    [Fact]
    public void A_withdrawn_session_takes_no_answers_and_a_wrong_token_finds_nobody()
    {
        var call = SessionCall();
        var proposal = Drafted(call, Content(coSpeakers: new CoSpeakerDetails("Diego", "diego@example.org")));
        proposal.Submit(call, Now);
        var token = proposal.InviteCoSpeakers(Now).Single().Token;

        Assert.Throws<DomainException>(() => proposal.RespondAsCoSpeaker("not-the-token", true, null, Now));
        proposal.MoveTo(ProposalStatus.Withdrawn, "ana", Now);
        var e = Assert.Throws<DomainException>(() => proposal.RespondAsCoSpeaker(token, true, null, Now));
        Assert.Contains("withdrawn", e.Message);
    }

    [Fact]
    public void Only_an_accepted_session_is_confirmed_by_its_speaker_and_reminded()
    {
        var call = SessionCall();
        var proposal = Drafted(call, Content());
        proposal.Submit(call, Now);
        Assert.Throws<DomainException>(() => proposal.MoveTo(ProposalStatus.Confirmed, "ana", Now));
        Assert.Throws<DomainException>(() => proposal.Reminded(Now));

        proposal.Stage(StagedDecision.Accept, Now);
        proposal.Release("olivia", Now);
        proposal.Reminded(Now.AddDays(1));
        Assert.Equal(Now.AddDays(1), proposal.Session!.RemindedAt);
        var change = proposal.MoveTo(ProposalStatus.Confirmed, "ana", Now.AddDays(2));

        Assert.Equal((nameof(ProposalStatus.Accepted), nameof(ProposalStatus.Confirmed)), (change.From, change.To));
        Assert.Throws<DomainException>(() => proposal.Reminded(Now.AddDays(3)));
    }

    [Fact]
    public void A_workshop_proposal_is_never_confirmed()
    {
        var call = OpenCall(requiredQuestion: false);
        var proposal = Started(call, "ana", "Bogotá 2028");
        proposal.Submit(call, Now);
        proposal.Stage(StagedDecision.Accept, Now);
        proposal.Release("olivia", Now);
        Assert.Throws<DomainException>(() => proposal.MoveTo(ProposalStatus.Confirmed, "ana", Now));
    }

    [Fact]
    public void A_co_speaker_taken_off_and_on_again_is_not_invited_twice_and_their_link_pauses_meanwhile()
    {
        var call = SessionCall();
        var diego = new CoSpeakerDetails("Diego", "diego@example.org");
        var proposal = Drafted(call, Content(coSpeakers: diego));
        proposal.Submit(call, Now);
        var token = proposal.InviteCoSpeakers(Now).Single().Token;

        proposal.Edit(call, Content(), Now);
        Assert.Empty(proposal.ListedCoSpeakers());
        Assert.Throws<DomainException>(() => proposal.RespondAsCoSpeaker(token, true, null, Now));

        proposal.Edit(call, Content(coSpeakers: diego), Now);
        Assert.Empty(proposal.InviteCoSpeakers(Now));
        Assert.Equal(CoSpeakerStatus.Confirmed, proposal.RespondAsCoSpeaker(token, true, null, Now).Status);
    }

    [Fact]
    public void A_track_the_workshop_dropped_is_dropped_from_its_call()
    {
        var call = SessionCall();
        call.KeepTracks([Guid.NewGuid()]);
        Assert.Empty(call.TrackIds);
        var proposal = Drafted(call, Content(track: Guid.Empty) with { Session = new SessionPlanDetails(SessionType.Talk, null, 30, null, []) });
        proposal.Submit(call, Now); // no track left to choose, so none is asked for
        Assert.Equal(ProposalStatus.Submitted, proposal.Status);
    }
}
