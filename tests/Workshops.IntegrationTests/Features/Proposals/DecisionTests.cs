using System.Net;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Domain.Accounts;
using Workshops.Core.Domain.Proposals;
using Workshops.Core.Domain.Workshops;
using Workshops.IntegrationTests.Support;

namespace Workshops.IntegrationTests.Features.Proposals;

public sealed class DecisionTests(AppFactory app) : IClassFixture<AppFactory>
{
    private async Task ScoreAsync(Call call, Proposal proposal, int relevance, int feasibility)
    {
        var reviewer = await app.BrowserAs(Roles.Reviewer);
        var response = await reviewer.PostFormAsync($"/proposals/{proposal.Id}/review", new()
        {
            [$"Scores[{call.Criteria.Single(c => c.Name == "Relevance").Id}]"] = relevance.ToString(),
            [$"Scores[{call.Criteria.Single(c => c.Name == "Feasibility").Id}]"] = feasibility.ToString(),
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private static Task<HttpResponseMessage> StageAsync(HttpClient client, Call call, Proposal proposal, string decision) =>
        client.PostFormAsync($"/organise/calls/{call.Id}?handler=Stage", new() { ["proposalId"] = proposal.Id.ToString(), ["decision"] = decision }, $"/organise/calls/{call.Id}");

    [Fact]
    public async Task Staging_comes_back_to_the_same_filtered_list_at_the_proposals_row()
    {
        var call = await app.AddCallAsync(year: 2033);
        var proposal = await app.AddProposalAsync(call, await app.CreateUserAsync());
        var organiser = await app.BrowserAs(Roles.Organiser);
        var staged = await organiser.PostFormAsync($"/organise/calls/{call.Id}?handler=Stage&status=Submitted",
            new() { ["proposalId"] = proposal.Id.ToString(), ["decision"] = "Accept" }, $"/organise/calls/{call.Id}?status=Submitted");
        Assert.Equal(HttpStatusCode.Redirect, staged.StatusCode);
        Assert.Equal($"/organise/calls/{call.Id}?status=Submitted#proposal-{proposal.Id}", staged.Headers.Location!.ToString());
    }

    [Fact]
    public async Task Staged_decisions_wait_for_release_which_emails_each_proposer_and_makes_the_workshop()
    {
        var call = await app.AddCallAsync(year: 2031);
        var winner = await app.CreateUserAsync();
        var other = await app.CreateUserAsync();
        var undecided = await app.CreateUserAsync();
        var accepted = await app.AddProposalAsync(call, winner, title: "Bogotá 2031");
        var rejected = await app.AddProposalAsync(call, other, title: "Atlantis 2031");
        var pending = await app.AddProposalAsync(call, undecided, title: "Somewhere 2031");
        await ScoreAsync(call, accepted, 5, 5);
        await ScoreAsync(call, rejected, 2, 1);
        var organiser = await app.BrowserAs(Roles.Organiser);

        var board = await (await organiser.GetAsync($"/organise/calls/{call.Id}")).BodyAsync();
        Assert.True(board.IndexOf("Bogotá 2031", StringComparison.Ordinal) < board.IndexOf("Atlantis 2031", StringComparison.Ordinal), "ranked by score");
        Assert.Contains("not scored", board);

        Assert.Equal(HttpStatusCode.Redirect, (await StageAsync(organiser, call, accepted, "Accept")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await StageAsync(organiser, call, rejected, "Reject")).StatusCode);
        var proposerView = await (await app.SignInAsync(winner)).GetAsync($"/proposals/{accepted.Id}");
        Assert.Contains("status-Submitted", await proposerView.BodyAsync());
        Assert.Equal(0, app.Mail.CountTo(winner.Email!));

        // A last look first: each decision with the email it sends, and nobody is told yet.
        var look = await organiser.PostFormAsync($"/organise/calls/{call.Id}?handler=Release", [], $"/organise/calls/{call.Id}");
        Assert.Equal(HttpStatusCode.OK, look.StatusCode);
        var summary = System.Net.WebUtility.HtmlDecode(await look.BodyAsync());
        Assert.Contains("Release 2 decisions?", summary);
        Assert.Contains(winner.Email!, summary);
        Assert.Contains("“Decision: accepted”", summary);
        Assert.Contains("“Decision: not accepted”", summary);
        Assert.DoesNotContain("Somewhere 2031</td>", summary);
        Assert.Equal(0, app.Mail.CountTo(winner.Email!));

        var release = await organiser.PostFormAsync($"/organise/calls/{call.Id}?handler=Release", new() { ["confirmed"] = "true" }, $"/organise/calls/{call.Id}");
        Assert.Equal(HttpStatusCode.Redirect, release.StatusCode);

        var statuses = await app.WithDb(db => db.Proposals.AsNoTracking().Where(p => p.CallId == call.Id).ToDictionaryAsync(p => p.Id, p => p.Status));
        Assert.Equal(ProposalStatus.Accepted, statuses[accepted.Id]);
        Assert.Equal(ProposalStatus.Rejected, statuses[rejected.Id]);
        Assert.Equal(ProposalStatus.Submitted, statuses[pending.Id]);

        var workshop = await app.WithDb(db => db.Workshops.AsNoTracking().SingleAsync(w => w.Slug == "2031-bogota"));
        Assert.Equal(("Bogotá 2031", WorkshopStatus.Draft, 2031, "CO"), (workshop.Title, workshop.Status, workshop.Year, workshop.Country));
        Assert.Equal("America/Bogota", workshop.TimeZoneId);
        Assert.Equal(["Developers 25", "Managers 20"], workshop.Tracks.OrderBy(t => t.Position).Select(t => $"{t.Name} {t.Capacity}"));

        var good = await app.Mail.WaitForAsync(winner.Email!, "is accepted");
        Assert.Contains("Bogotá 2031", good.TextBody);
        await app.Mail.WaitForAsync(other.Email!, "About your proposal");
        Assert.Equal(0, app.Mail.CountTo(undecided.Email!));

        var page = await (await (await app.SignInAsync(winner)).GetAsync($"/proposals/{accepted.Id}")).BodyAsync();
        Assert.Contains("This proposal became the workshop <strong>Bogotá 2031</strong>", page);
        Assert.Contains("submitted, awaiting a decision → accepted", page);

        var again = await organiser.PostFormAsync($"/organise/calls/{call.Id}?handler=Release", new() { ["confirmed"] = "true" }, $"/organise/calls/{call.Id}");
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(1, await app.WithDb(db => db.Workshops.CountAsync(w => w.Year == 2031)));
    }

    [Fact]
    public async Task An_organiser_who_proposed_neither_decides_nor_sees_the_scores_of_their_own_proposal()
    {
        var call = await app.AddCallAsync();
        var organiser = await app.CreateUserAsync(Roles.Organiser);
        var own = await app.AddProposalAsync(call, organiser, title: "My own Lisbon 2028");
        await ScoreAsync(call, own, 5, 5);
        var client = await app.SignInAsync(organiser);

        var board = await (await client.GetAsync($"/organise/calls/{call.Id}")).BodyAsync();
        Assert.Contains("your own proposal", board);
        Assert.Contains("not scored", board);
        var stage = await StageAsync(client, call, own, "Accept");
        Assert.Equal(HttpStatusCode.Redirect, stage.StatusCode);
        Assert.Contains("/account/access-denied", stage.Headers.Location!.ToString());
        Assert.Equal(StagedDecision.Pending, await app.WithDb(db => db.Proposals.Where(p => p.Id == own.Id).Select(p => p.Decision).SingleAsync()));
    }

    [Fact]
    public async Task A_missing_or_unknown_decision_is_a_bad_request()
    {
        var call = await app.AddCallAsync();
        var proposal = await app.AddProposalAsync(call, await app.CreateUserAsync());
        var organiser = await app.BrowserAs(Roles.Organiser);
        Assert.Equal(HttpStatusCode.BadRequest, (await StageAsync(organiser, call, proposal, "Maybe")).StatusCode);
        var onPage = await organiser.PostFormAsync($"/proposals/{proposal.Id}?handler=Stage", new(), $"/proposals/{proposal.Id}");
        Assert.Equal(HttpStatusCode.BadRequest, onPage.StatusCode);
    }

    [Fact]
    public async Task Only_submitted_proposals_can_be_staged()
    {
        var call = await app.AddCallAsync();
        var author = await app.CreateUserAsync();
        var proposal = await app.AddProposalAsync(call, author);
        await app.SignInAsync(author).ContinueWith(async t => await (await t).PostFormAsync($"/proposals/{proposal.Id}?handler=Withdraw", [], $"/proposals/{proposal.Id}")).Unwrap();
        var organiser = await app.BrowserAs(Roles.Organiser);

        var response = await StageAsync(organiser, call, proposal, "Accept");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("Only a submitted proposal can be decided; this one is withdrawn.", await response.BodyAsync());
    }

    [Fact]
    public async Task Exports_carry_the_ranking_with_scores_in_csv_and_xlsx()
    {
        var call = await app.AddCallAsync();
        var proposal = await app.AddProposalAsync(call, await app.CreateUserAsync(), title: "=HYPERLINK(\"x\") Lisbon");
        await ScoreAsync(call, proposal, 4, 2);
        var organiser = await app.BrowserAs(Roles.Organiser);

        var csv = await organiser.GetAsync($"/organise/calls/{call.Id}?handler=Export&format=csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var text = await csv.Content.ReadAsStringAsync();
        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Rank,Title,Proposer,Email,Status,Staged decision,Weighted score,Spread,Reviews,Relevance (weight 3),Feasibility (weight 1),Host institution", lines[0].TrimStart('\uFEFF'));
        Assert.Contains("'=HYPERLINK", lines[1]); // a formula stays text
        Assert.Contains(",3.5,0,1,4,2,Instituto Humboldt,Bogotá,Colombia,2028-10-02,2028-10-06", lines[1]);

        var xlsx = await organiser.GetAsync($"/organise/calls/{call.Id}?handler=Export&format=xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using var book = new XLWorkbook(await xlsx.Content.ReadAsStreamAsync());
        var sheet = book.Worksheet("Proposals");
        Assert.Equal("Weighted score", sheet.Cell(1, 7).GetString());
        Assert.Equal(3.5, sheet.Cell(2, 7).GetDouble());
        Assert.Equal("=HYPERLINK(\"x\") Lisbon", sheet.Cell(2, 2).GetString());
        Assert.False(sheet.Cell(2, 2).HasFormula);

        Assert.Equal(HttpStatusCode.BadRequest, (await organiser.GetAsync($"/organise/calls/{call.Id}?handler=Export&format=pdf")).StatusCode);
        var member = await app.BrowserAs(Roles.Member);
        Assert.Equal(HttpStatusCode.Redirect, (await member.GetAsync($"/organise/calls/{call.Id}?handler=Export&format=csv")).StatusCode);
    }

    [Theory]
    [InlineData(Roles.Member)]
    [InlineData(Roles.Reviewer)]
    public async Task Members_and_reviewers_cannot_decide_or_release(string role)
    {
        var call = await app.AddCallAsync();
        var proposal = await app.AddProposalAsync(call, await app.CreateUserAsync());
        var client = await app.BrowserAs(role);

        var stage = await client.PostFormAsync($"/proposals/{proposal.Id}?handler=Stage", new() { ["decision"] = "Accept" }, role == Roles.Reviewer ? $"/proposals/{proposal.Id}" : "/account/proposals");
        Assert.True((int)stage.StatusCode is >= 300 and < 500);
        var release = await client.PostAsync($"/organise/calls/{call.Id}?handler=Release", new FormUrlEncodedContent([]));
        Assert.True((int)release.StatusCode is >= 300 and < 500);
        var stored = await app.WithDb(db => db.Proposals.AsNoTracking().SingleAsync(p => p.Id == proposal.Id));
        Assert.Equal((ProposalStatus.Submitted, StagedDecision.Pending), (stored.Status, stored.Decision));
    }
}
