using System.Net;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Domain.Accounts;
using Workshops.Core.Domain.Proposals;
using Workshops.IntegrationTests.Support;

namespace Workshops.IntegrationTests.Features.Proposals;

public sealed class ReviewingTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static Dictionary<string, string> Scores(Call call, int relevance, int feasibility, string comment) => new()
    {
        [$"Scores[{call.Criteria.Single(c => c.Name == "Relevance").Id}]"] = relevance.ToString(),
        [$"Scores[{call.Criteria.Single(c => c.Name == "Feasibility").Id}]"] = feasibility.ToString(),
        ["Comment"] = comment,
    };

    [Fact]
    public async Task The_review_form_shows_the_proposal_beside_the_criteria_and_what_each_means()
    {
        var call = await app.AddCallAsync();
        var proposal = await app.AddProposalAsync(call, await app.CreateUserAsync(), title: "Bogotá 2029");
        var reviewer = await app.BrowserAs(Roles.Reviewer);
        var page = System.Net.WebUtility.HtmlDecode(await reviewer.GetStringAsync($"/proposals/{proposal.Id}/review"));

        Assert.Contains("The workshop offered", page);
        Assert.Contains("We offer <strong>two</strong> rooms.", page); // the proposal's own text, rendered
        Assert.Contains("Does the programme answer what the nodes asked for?", page);
        Assert.True(page.IndexOf("The workshop offered", StringComparison.Ordinal) < page.IndexOf("Your scores", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_reviewer_sees_others_scores_only_after_giving_their_own()
    {
        var call = await app.AddCallAsync();
        var proposal = await app.AddProposalAsync(call, await app.CreateUserAsync());
        var first = await app.BrowserAs(Roles.Reviewer);
        var second = await app.BrowserAs(Roles.Reviewer);

        Assert.Equal(HttpStatusCode.Redirect, (await first.PostFormAsync($"/proposals/{proposal.Id}/review", Scores(call, 5, 4, "Great venue, first reviewer."))).StatusCode);
        Assert.Contains("Great venue, first reviewer.", await (await first.GetAsync($"/proposals/{proposal.Id}")).BodyAsync());

        var before = WebUtility.HtmlDecode(await (await second.GetAsync($"/proposals/{proposal.Id}")).BodyAsync());
        Assert.DoesNotContain("Great venue, first reviewer.", before);
        Assert.DoesNotContain("Weighted score", before);
        Assert.Contains("Other reviewers' scores appear here once you have given yours.", before);

        Assert.Equal(HttpStatusCode.Redirect, (await second.PostFormAsync($"/proposals/{proposal.Id}/review", Scores(call, 3, 2, "Costly flights."))).StatusCode);
        var after = await (await second.GetAsync($"/proposals/{proposal.Id}")).BodyAsync();
        Assert.Contains("Great venue, first reviewer.", after);
        // (5×3 + 4×1)/4 = 4.75 and (3×3 + 2×1)/4 = 2.75: mean 3.75, spread 1.00
        Assert.Contains("Weighted score <strong>3.75</strong> out of 5, spread ± 1.00, from 2 reviews", after);
    }

    [Fact]
    public async Task A_reviewer_changes_their_review_instead_of_adding_a_second()
    {
        var call = await app.AddCallAsync();
        var proposal = await app.AddProposalAsync(call, await app.CreateUserAsync());
        var reviewer = await app.BrowserAs(Roles.Reviewer);
        await reviewer.PostFormAsync($"/proposals/{proposal.Id}/review", Scores(call, 2, 2, "First thoughts."));
        await reviewer.PostFormAsync($"/proposals/{proposal.Id}/review", Scores(call, 4, 5, "Second thoughts."));

        var review = await app.WithDb(db => db.Reviews.AsNoTracking().SingleAsync(r => r.ProposalId == proposal.Id));
        Assert.Equal("Second thoughts.", review.Comment);
        Assert.Equal([4, 5], review.Scores.OrderByDescending(s => s.CriterionId == call.Criteria.Single(c => c.Name == "Relevance").Id).Select(s => s.Score));
    }

    [Theory]
    [InlineData(7, "Score “Relevance” from 1 to 5.")]
    [InlineData(0, "Score “Relevance” from 1 to 5.")]
    public async Task Scores_outside_one_to_five_are_refused_and_nothing_is_saved(int score, string message)
    {
        var call = await app.AddCallAsync();
        var proposal = await app.AddProposalAsync(call, await app.CreateUserAsync());
        var reviewer = await app.BrowserAs(Roles.Reviewer);

        var response = await reviewer.PostFormAsync($"/proposals/{proposal.Id}/review", Scores(call, score, 3, "Hmm."));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains(message, await response.BodyAsync());
        Assert.False(await app.WithDb(db => db.Reviews.AnyAsync(r => r.ProposalId == proposal.Id)));
    }

    [Fact]
    public async Task A_missing_score_is_named()
    {
        var call = await app.AddCallAsync();
        var proposal = await app.AddProposalAsync(call, await app.CreateUserAsync());
        var reviewer = await app.BrowserAs(Roles.Reviewer);
        var fields = Scores(call, 4, 4, "");
        fields.Remove($"Scores[{call.Criteria.Single(c => c.Name == "Feasibility").Id}]");

        var response = await reviewer.PostFormAsync($"/proposals/{proposal.Id}/review", fields);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Score “Feasibility”.", await response.BodyAsync());
    }

    [Fact]
    public async Task A_reviewer_cannot_review_their_own_proposal()
    {
        var call = await app.AddCallAsync();
        var reviewer = await app.CreateUserAsync(Roles.Reviewer);
        var proposal = await app.AddProposalAsync(call, reviewer);
        var client = await app.SignInAsync(reviewer);

        var page = await client.GetAsync($"/proposals/{proposal.Id}/review");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("/account/access-denied", page.Headers.Location!.ToString());
        var post = await client.PostFormAsync($"/proposals/{proposal.Id}/review", Scores(call, 5, 5, "Mine is best."), $"/proposals/{proposal.Id}");
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.False(await app.WithDb(db => db.Reviews.AnyAsync(r => r.ProposalId == proposal.Id)));
        Assert.DoesNotContain(proposal.Title, await (await client.GetAsync("/review")).BodyAsync());
    }

    [Fact]
    public async Task With_assigned_reviewers_only_those_assigned_review()
    {
        var call = await app.AddCallAsync(pool: ReviewerPool.Assigned);
        var proposal = await app.AddProposalAsync(call, await app.CreateUserAsync());
        var chosen = await app.CreateUserAsync(Roles.Reviewer);
        var other = await app.BrowserAs(Roles.Reviewer);
        var organiser = await app.BrowserAs(Roles.Organiser);

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/proposals/{proposal.Id}")).StatusCode);
        var assign = await organiser.PostFormAsync($"/proposals/{proposal.Id}?handler=Assign", [new("reviewerIds", chosen.Id)], $"/proposals/{proposal.Id}");
        Assert.Equal(HttpStatusCode.Redirect, assign.StatusCode);

        var client = await app.SignInAsync(chosen);
        Assert.Contains(proposal.Title, await (await client.GetAsync("/review")).BodyAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync($"/proposals/{proposal.Id}/review", Scores(call, 4, 4, "Assigned and done."))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/proposals/{proposal.Id}/review")).StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(Roles.Member)]
    [InlineData(Roles.Organiser)]
    public async Task Only_reviewers_review(string? role)
    {
        var call = await app.AddCallAsync();
        var proposal = await app.AddProposalAsync(call, await app.CreateUserAsync());
        var client = await app.BrowserAs(role);
        foreach (var url in new[] { "/review", $"/proposals/{proposal.Id}/review" })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains(role is null ? "/account/signin" : "/account/access-denied", response.Headers.Location!.ToString());
        }
    }
}
