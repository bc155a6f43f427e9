using System.Net;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Domain.Accounts;
using Workshops.Core.Domain.Proposals;
using Workshops.IntegrationTests.Support;

namespace Workshops.IntegrationTests.Features.Proposals;

public sealed class ProposingTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static Dictionary<string, string> Fields(Call call, string title, string? answer = "Through the hybrid room.") => new()
    {
        ["Input.Title"] = title,
        ["Input.HostInstitution"] = "Instituto Humboldt",
        ["Input.City"] = "Bogotá",
        ["Input.Country"] = "Colombia",
        ["Input.StartsOn"] = "2028-10-02",
        ["Input.EndsOn"] = "2028-10-06",
        ["Input.TimeZoneId"] = "America/Bogota",
        ["Input.Format"] = "Hybrid",
        ["Input.Tracks[0].Name"] = "Developers",
        ["Input.Tracks[0].Seats"] = "25",
        ["Input.Tracks[1].Name"] = "Managers",
        ["Input.Tracks[1].Seats"] = "20",
        ["Input.Topics"] = "Biocache, spatial portal",
        ["Input.ExpectedParticipants"] = "45",
        ["Input.FundingNotes"] = "Ministry grant applied for.",
        ["Input.Text"] = "We offer **two** rooms.",
        [$"Input.Answers[{call.Questions[0].Id}]"] = answer ?? "",
    };

    [Fact]
    public async Task A_member_saves_a_draft_then_submits_gets_a_receipt_and_sees_the_history()
    {
        var call = await app.AddCallAsync();
        var member = await app.CreateUserAsync();
        var client = await app.SignInAsync(member);

        var draft = await client.PostFormAsync($"/calls/{call.Id}/propose", new(Fields(call, "Bogotá 2028")) { ["submit"] = "false" });
        Assert.Equal(HttpStatusCode.Redirect, draft.StatusCode);
        var proposal = await app.WithDb(db => db.Proposals.AsNoTracking().SingleAsync(p => p.ProposerId == member.Id));
        Assert.Equal(ProposalStatus.Draft, proposal.Status);
        Assert.Equal(("Instituto Humboldt", 2), (proposal.Workshop!.HostInstitution, proposal.Workshop.Tracks.Count));

        var submit = await client.PostFormAsync($"/proposals/{proposal.Id}/edit", new(Fields(call, "Bogotá 2028, revised")) { ["submit"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, submit.StatusCode);

        var page = await (await client.GetAsync($"/proposals/{proposal.Id}")).BodyAsync();
        Assert.Contains("status-Submitted", page);
        Assert.Contains("created as draft", page);
        Assert.Contains("draft, not submitted yet → submitted, awaiting a decision", page);
        Assert.Contains("Bogotá 2028, revised", await (await client.GetAsync("/account/proposals")).BodyAsync());
        var mail = await app.Mail.WaitForAsync(member.Email!, "We received your proposal");
        Assert.Contains($"/proposals/{proposal.Id}", mail.TextBody);
    }

    [Fact]
    public async Task Submitting_without_a_required_answer_keeps_the_draft_and_says_what_is_missing()
    {
        var call = await app.AddCallAsync();
        var member = await app.CreateUserAsync();
        var client = await app.SignInAsync(member);

        var response = await client.PostFormAsync($"/calls/{call.Id}/propose", new(Fields(call, "Lima 2028", answer: null)) { ["submit"] = "true" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.EndsWith("/edit", response.Headers.Location!.ToString());
        var proposal = await app.WithDb(db => db.Proposals.AsNoTracking().SingleAsync(p => p.ProposerId == member.Id));
        Assert.Equal(ProposalStatus.Draft, proposal.Status);
        Assert.Contains("Answer “How will remote participants join?” before submitting.", await (await client.GetAsync(response.Headers.Location!.ToString())).BodyAsync());
        Assert.Equal(0, app.Mail.CountTo(member.Email!));

        var answered = await client.PostFormAsync($"/proposals/{proposal.Id}/edit", new(Fields(call, "Lima 2028")) { ["submit"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        proposal = await app.WithDb(db => db.Proposals.AsNoTracking().SingleAsync(p => p.Id == proposal.Id));
        Assert.Equal(ProposalStatus.Submitted, proposal.Status);
        Assert.Equal("Through the hybrid room.", Assert.Single(proposal.Answers).Text);
    }

    [Fact]
    public async Task Submitting_an_incomplete_proposal_says_everything_missing_at_once()
    {
        var call = await app.AddCallAsync();
        var member = await app.CreateUserAsync();
        var client = await app.SignInAsync(member);
        var fields = Fields(call, "Quito 2028", answer: null);
        foreach (var key in new[] { "Input.StartsOn", "Input.EndsOn", "Input.City" }) fields[key] = "";
        await client.PostFormAsync($"/calls/{call.Id}/propose", new(fields) { ["submit"] = "false" });
        var proposal = await app.WithDb(db => db.Proposals.AsNoTracking().SingleAsync(p => p.ProposerId == member.Id));

        var refused = await client.PostFormAsync($"/proposals/{proposal.Id}/edit", new(fields) { ["submit"] = "true" });
        var errors = Forms.Errors(await refused.BodyAsync());
        Assert.Contains("Answer “How will remote participants join?” before submitting.", errors);
        Assert.Contains("Give the city before submitting.", errors);
        Assert.Contains("Give the proposed dates before submitting.", errors);
        Assert.Equal(ProposalStatus.Draft, await app.WithDb(db => db.Proposals.Where(p => p.Id == proposal.Id).Select(p => p.Status).SingleAsync()));
    }

    [Theory]
    [InlineData("Input.Title", "ab", "The title needs 3 to 200 characters.")]
    [InlineData("Input.EndsOn", "2028-09-01", "The last day comes after the first.")]
    [InlineData("Input.Tracks[0].Seats", "0", "Seats must be between 1 and 10,000.")]
    [InlineData("Input.TimeZoneId", "Mars/Olympus", "Choose a time zone from the list")]
    public async Task Bad_input_is_refused_with_a_message_and_nothing_is_saved(string field, string value, string message)
    {
        var call = await app.AddCallAsync();
        var member = await app.CreateUserAsync();
        var client = await app.SignInAsync(member);

        var response = await client.PostFormAsync($"/calls/{call.Id}/propose", new(Fields(call, "Quito 2028")) { [field] = value, ["submit"] = "false" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains(message, await response.BodyAsync());
        Assert.False(await app.WithDb(db => db.Proposals.AnyAsync(p => p.ProposerId == member.Id)));
    }

    [Fact]
    public async Task Drafts_are_seen_by_their_author_only()
    {
        var call = await app.AddCallAsync();
        var author = await app.CreateUserAsync();
        var draft = await app.AddProposalAsync(call, author, submit: false);

        Assert.Equal(HttpStatusCode.OK, (await (await app.SignInAsync(author)).GetAsync($"/proposals/{draft.Id}")).StatusCode);
        foreach (var role in new[] { Roles.Member, Roles.Reviewer, Roles.Organiser, Roles.Admin })
        {
            var other = await app.BrowserAs(role);
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/proposals/{draft.Id}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/proposals/{draft.Id}/edit")).StatusCode);
        }
        var anonymous = await app.Browser().GetAsync($"/proposals/{draft.Id}");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/account/signin", anonymous.Headers.Location!.ToString());
    }

    [Fact]
    public async Task A_draft_withdrawn_before_submitting_stays_private()
    {
        var call = await app.AddCallAsync();
        var author = await app.CreateUserAsync();
        var draft = await app.AddProposalAsync(call, author, submit: false, title: "Never meant to be read");
        var client = await app.SignInAsync(author);
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync($"/proposals/{draft.Id}?handler=Withdraw", [])).StatusCode);

        var organiser = await app.BrowserAs(Roles.Organiser);
        Assert.Equal(HttpStatusCode.NotFound, (await organiser.GetAsync($"/proposals/{draft.Id}")).StatusCode);
        Assert.DoesNotContain("Never meant to be read", await (await organiser.GetAsync($"/organise/calls/{call.Id}")).BodyAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.BrowserAs(Roles.Reviewer)).GetAsync($"/proposals/{draft.Id}")).StatusCode);
    }

    [Fact]
    public async Task A_submitted_proposal_cannot_lose_a_required_answer()
    {
        var call = await app.AddCallAsync();
        var author = await app.CreateUserAsync();
        var proposal = await app.AddProposalAsync(call, author);
        var client = await app.SignInAsync(author);

        var response = await client.PostFormAsync($"/proposals/{proposal.Id}/edit", new(Fields(call, "Bogotá 2028", answer: null)) { ["submit"] = "false" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("needs an answer in a submitted proposal", await response.BodyAsync());
        var stored = await app.WithDb(db => db.Proposals.AsNoTracking().SingleAsync(p => p.Id == proposal.Id));
        Assert.Equal("Through the hybrid room.", Assert.Single(stored.Answers).Text);
    }

    [Fact]
    public async Task Someone_else_cannot_edit_submit_or_withdraw_a_proposal()
    {
        var call = await app.AddCallAsync();
        var author = await app.CreateUserAsync();
        var proposal = await app.AddProposalAsync(call, author);
        var stranger = await app.BrowserAs(Roles.Organiser);

        var edit = await stranger.PostFormAsync($"/proposals/{proposal.Id}/edit", new(Fields(call, "Hijacked")) { ["submit"] = "false" }, $"/proposals/{proposal.Id}");
        Assert.Equal(HttpStatusCode.NotFound, edit.StatusCode);
        var withdraw = await stranger.PostFormAsync($"/proposals/{proposal.Id}?handler=Withdraw", [], $"/proposals/{proposal.Id}");
        Assert.Equal(HttpStatusCode.NotFound, withdraw.StatusCode);

        var stored = await app.WithDb(db => db.Proposals.AsNoTracking().SingleAsync(p => p.Id == proposal.Id));
        Assert.Equal(("Bogotá 2028", ProposalStatus.Submitted), (stored.Title, stored.Status));
    }

    [Fact]
    public async Task After_the_deadline_editing_is_refused_unless_the_late_code_is_given()
    {
        var call = await app.AddCallAsync(open: false);
        var author = await app.CreateUserAsync();
        var proposal = await app.AddProposalAsync(call, author, submit: false);
        var client = await app.SignInAsync(author);

        var refused = await client.PostFormAsync($"/proposals/{proposal.Id}/edit", new(Fields(call, "Too late")) { ["submit"] = "true" });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("This call closed on", await refused.BodyAsync());
        var stored = await app.WithDb(db => db.Proposals.AsNoTracking().SingleAsync(p => p.Id == proposal.Id));
        Assert.Equal(("Bogotá 2028", ProposalStatus.Draft), (stored.Title, stored.Status));

        var submitRefused = await client.PostFormAsync($"/proposals/{proposal.Id}?handler=Submit", [], $"/proposals/{proposal.Id}");
        Assert.Equal(HttpStatusCode.Conflict, submitRefused.StatusCode);

        var late = await client.PostFormAsync($"/proposals/{proposal.Id}/edit",
            new(Fields(call, "Just in time")) { ["submit"] = "true", ["Input.AccessCode"] = ProposalData.LateCode });
        Assert.Equal(HttpStatusCode.Redirect, late.StatusCode);
        stored = await app.WithDb(db => db.Proposals.AsNoTracking().SingleAsync(p => p.Id == proposal.Id));
        Assert.Equal(("Just in time", ProposalStatus.Submitted), (stored.Title, stored.Status));
    }

    [Fact]
    public async Task A_late_draft_is_submitted_from_its_page_with_the_code()
    {
        var call = await app.AddCallAsync(open: false);
        var author = await app.CreateUserAsync();
        var proposal = await app.AddProposalAsync(call, author, submit: false);
        var client = await app.SignInAsync(author);

        Assert.Contains("Late-submission code", await (await client.GetAsync($"/proposals/{proposal.Id}")).BodyAsync());
        var response = await client.PostFormAsync($"/proposals/{proposal.Id}?handler=Submit", new() { ["accessCode"] = ProposalData.LateCode }, $"/proposals/{proposal.Id}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(ProposalStatus.Submitted, await app.WithDb(db => db.Proposals.Where(p => p.Id == proposal.Id).Select(p => p.Status).SingleAsync()));
    }

    [Fact]
    public async Task A_proposer_withdraws_and_can_no_longer_edit()
    {
        var call = await app.AddCallAsync();
        var author = await app.CreateUserAsync();
        var proposal = await app.AddProposalAsync(call, author);
        var client = await app.SignInAsync(author);

        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync($"/proposals/{proposal.Id}?handler=Withdraw", [], $"/proposals/{proposal.Id}")).StatusCode);

        var edit = await client.PostFormAsync($"/proposals/{proposal.Id}/edit", new(Fields(call, "Changed my mind")) { ["submit"] = "false" }, $"/proposals/{proposal.Id}");
        Assert.Equal(HttpStatusCode.Conflict, edit.StatusCode);
        Assert.Contains("A withdrawn proposal can no longer be changed.", await edit.BodyAsync());
        Assert.Contains("submitted, awaiting a decision → withdrawn", await (await client.GetAsync($"/proposals/{proposal.Id}")).BodyAsync());
    }

    [Fact]
    public async Task Proposing_needs_an_account()
    {
        var call = await app.AddCallAsync();
        var response = await app.Browser().GetAsync($"/calls/{call.Id}/propose");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/signin", response.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.Redirect, (await app.Browser().GetAsync("/account/proposals")).StatusCode);
    }
}
