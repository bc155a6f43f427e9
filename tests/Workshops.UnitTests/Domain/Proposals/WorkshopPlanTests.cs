using Workshops.Core.Domain.Common;
using Workshops.Core.Domain.Proposals;
using static Workshops.UnitTests.Domain.Proposals.CallTests;

namespace Workshops.UnitTests.Domain.Proposals;

public sealed class WorkshopPlanTests
{
    private static readonly Dictionary<Guid, string?> NoAnswers = new();

    [Fact]
    public void A_draft_may_be_incomplete_but_submitting_needs_host_place_dates_and_a_track()
    {
        var call = OpenCall(requiredQuestion: false);
        var proposal = Proposal.Start(call, "ana", "Somewhere in 2028", null, Now);
        var e = Assert.Throws<DomainException>(() => proposal.Submit(call, Now));
        Assert.Equal(("Name the host institution before submitting.", "HostInstitution"), (e.Message, e.Field));

        proposal.Edit(call, new ProposalContent("Somewhere in 2028", null, NoAnswers, Plan() with { Tracks = [] }), Now);
        e = Assert.Throws<DomainException>(() => proposal.Submit(call, Now));
        Assert.Equal("Tracks", e.Field);

        proposal.Edit(call, new ProposalContent("Bogotá 2028", null, NoAnswers, Plan()), Now);
        proposal.Submit(call, Now);
        Assert.Equal(ProposalStatus.Submitted, proposal.Status);
    }

    [Fact]
    public void A_refused_edit_changes_nothing()
    {
        var call = OpenCall(requiredQuestion: false);
        var proposal = Started(call, "ana", "Bogotá 2028");
        var bad = Plan() with { StartsOn = new DateOnly(2028, 10, 9), EndsOn = new DateOnly(2028, 10, 2) };

        var e = Assert.Throws<DomainException>(() => proposal.Edit(call, new ProposalContent("A new title", null, NoAnswers, bad), Now));

        Assert.Equal("EndsOn", e.Field);
        Assert.Equal("Bogotá 2028", proposal.Title);
        Assert.Equal(new DateOnly(2028, 10, 6), proposal.Workshop!.EndsOn);
    }

    [Fact]
    public void A_submitted_proposal_stays_complete()
    {
        var call = OpenCall(requiredQuestion: false);
        var proposal = Started(call, "ana", "Bogotá 2028");
        proposal.Submit(call, Now);

        var e = Assert.Throws<DomainException>(() =>
            proposal.Edit(call, new ProposalContent("Bogotá 2028", null, NoAnswers, Plan() with { City = " " }), Now));

        Assert.Equal(("Give the city in a submitted proposal.", "City"), (e.Message, e.Field));
        Assert.Equal("Bogotá", proposal.Workshop!.City);
    }

    [Theory]
    [InlineData(0, "Tracks")]
    [InlineData(10_001, "Tracks")]
    public void Track_seats_are_checked(int seats, string field)
    {
        var call = OpenCall(requiredQuestion: false);
        var proposal = Started(call, "ana", "Bogotá 2028");
        var e = Assert.Throws<DomainException>(() =>
            proposal.Edit(call, new ProposalContent("Bogotá 2028", null, NoAnswers, Plan() with { Tracks = [new("Developers", seats)] }), Now));
        Assert.Equal(field, e.Field);
    }

    [Fact]
    public void An_accepted_plan_becomes_a_draft_workshop_in_the_hosts_time_zone()
    {
        var call = OpenCall(requiredQuestion: false);
        var proposal = Started(call, "ana", "Bogotá 2028", "We offer **two** rooms.");

        var details = proposal.Workshop!.ToWorkshopDetails("Living Atlases 2028, Bogotá", "2028-bogota", 2028, proposal.Text);
        var workshop = global::Workshops.Core.Domain.Workshops.Workshop.Create(details, proposal.Workshop.ToTrackDetails(), Now);

        Assert.Equal(new DateTimeOffset(2028, 10, 2, 14, 0, 0, TimeSpan.Zero), workshop.StartsAt); // 09:00 in Bogotá is 14:00 UTC
        Assert.Equal(("Instituto Humboldt", "Bogotá", "CO"), (workshop.Venue, workshop.City, workshop.Country));
        Assert.Equal(["Developers 25", "Managers 20"], workshop.Tracks.Select(t => $"{t.Name} {t.Capacity}"));
        Assert.Equal(global::Workshops.Core.Domain.Workshops.WorkshopStatus.Draft, workshop.Status);
    }
}
