using System.Net;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Domain.Accounts;
using Workshops.Core.Domain.Registrations;
using Workshops.Core.Domain.Travel;
using Workshops.IntegrationTests.Support;

namespace Workshops.IntegrationTests.Features.Travel;

public sealed class TravelReviewTests(AppFactory app) : IClassFixture<AppFactory>
{
    private async Task<(TravelFund Fund, TravelApplication Application, Core.Domain.Workshops.Workshop Workshop, RegistrationSetup Setup)> SubmittedAsync()
    {
        var workshop = await app.AddWorkshopAsync($"tw-{Guid.NewGuid():N}"[..20]);
        var setup = await app.AddRegistrationAsync(workshop, RegistrationMode.FirstCome);
        var fund = await app.AddTravelFundAsync(workshop);
        var (_, _, id) = await app.AdmitAsync(workshop, setup, "Ana Souza");
        return (fund, await app.ApplyAsync(fund, id), workshop, setup);
    }

    private static Dictionary<string, string> Scores(TravelFund fund, int first = 4, int second = 2) => new()
    {
        [$"Scores[{fund.Criteria.OrderBy(c => c.Position).First().Id}]"] = first.ToString(),
        [$"Scores[{fund.Criteria.OrderBy(c => c.Position).Last().Id}]"] = second.ToString(),
        ["Comment"] = "Runs the node's portal alone.",
    };

    private async Task<HttpClient> ReviewerAsync(string? institution = null)
    {
        var user = await app.CreateUserAsync(Roles.Reviewer);
        if (institution is not null)
            await app.WithDb(async db =>
            {
                var stored = await db.Users.SingleAsync(u => u.Id == user.Id);
                stored.Institution = institution;
                return await db.SaveChangesAsync();
            });
        return await app.SignInAsync(user);
    }

    [Fact]
    public async Task Reviewers_score_blind_then_see_each_others_scores()
    {
        var (fund, application, _, _) = await SubmittedAsync();
        var url = $"/review/travel/{application.Id}";
        var first = await ReviewerAsync();
        var list = WebUtility.HtmlDecode(await (await first.GetAsync("/review")).BodyAsync());
        Assert.Contains("Applications for travel support", list);
        Assert.Contains("Ana Souza", list);
        Assert.Equal(HttpStatusCode.Redirect, (await first.PostFormAsync(url, Scores(fund, 4, 2), url)).StatusCode);

        var second = await ReviewerAsync();
        var before = WebUtility.HtmlDecode(await (await second.GetAsync(url)).BodyAsync());
        Assert.Contains("I run the node's portal.", before);
        Assert.DoesNotContain("Runs the node's portal alone.", before);
        Assert.Equal(HttpStatusCode.Redirect, (await second.PostFormAsync(url, Scores(fund, 2, 2), url)).StatusCode);
        var after = WebUtility.HtmlDecode(await (await second.GetAsync(url)).BodyAsync());
        Assert.Contains("Runs the node's portal alone.", after);
        // (4×3 + 2×2) / 5 = 3.2 and 2: a mean of 2.6 from two reviews.
        Assert.Contains("Weighted score 2.6 from 2 reviews.", after);

        // A second save changes the same review.
        Assert.Equal(HttpStatusCode.Redirect, (await first.PostFormAsync(url, Scores(fund, 5, 5), url)).StatusCode);
        var reviews = await app.WithDb(db => db.TravelReviews.AsNoTracking().Where(r => r.ApplicationId == application.Id).ToListAsync());
        Assert.Equal(2, reviews.Count);
        Assert.Contains(reviews, r => r.Scores.All(s => s.Score == 5));
    }

    [Fact]
    public async Task Nobody_reviews_their_own_application_or_one_from_their_institution()
    {
        var (fund, application, workshop, setup) = await SubmittedAsync();
        // A reviewer who also applied: their own application is neither listed nor open to their scores.
        var reviewer = await app.CreateUserAsync(Roles.Reviewer);
        var client = await app.SignInAsync(reviewer);
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync($"/workshops/{workshop.Slug}/register",
            RegistrationData.RegistrationFields(setup, workshop, reviewer))).StatusCode);
        var mine = await app.WithDb(db => db.Registrations.Where(r => r.UserId == reviewer.Id).Select(r => r.Id).SingleAsync());
        var own = await app.ApplyAsync(fund, mine);
        var ownPage = await client.GetAsync($"/review/travel/{own.Id}");
        Assert.Equal(HttpStatusCode.Forbidden, ownPage.StatusCode);
        Assert.Contains("You cannot review your own application.", WebUtility.HtmlDecode(await ownPage.BodyAsync()));
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostFormAsync($"/review/travel/{own.Id}", Scores(fund), "/review")).StatusCode);
        // They registered with "SiB Colombia", as Ana did: hers is from their institution too.
        var theirs = await client.GetAsync($"/review/travel/{application.Id}");
        Assert.Equal(HttpStatusCode.Forbidden, theirs.StatusCode);
        Assert.DoesNotContain("Ana Souza", WebUtility.HtmlDecode(await (await client.GetAsync("/review")).BodyAsync()));

        // An account's institution counts as people write it.
        var colleague = await ReviewerAsync("sib-colombia ");
        var refused = await colleague.PostFormAsync($"/review/travel/{application.Id}", Scores(fund), "/review");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("You cannot review an application from your own institution.", WebUtility.HtmlDecode(await refused.BodyAsync()));
        Assert.False(await app.WithDb(db => db.TravelReviews.AnyAsync(r => r.ApplicationId == application.Id || r.ApplicationId == own.Id)));
    }

    [Fact]
    public async Task Incomplete_or_out_of_range_scores_are_refused_and_nothing_is_saved()
    {
        var (fund, application, _, _) = await SubmittedAsync();
        var url = $"/review/travel/{application.Id}";
        var reviewer = await ReviewerAsync();
        var missing = Scores(fund);
        missing.Remove(missing.Keys.First());
        var response = await reviewer.PostFormAsync(url, missing, url);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Score “Benefit to their node”.", Forms.Errors(await response.BodyAsync()));
        var tooHigh = await reviewer.PostFormAsync(url, Scores(fund, 7), url);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooHigh.StatusCode);
        Assert.Contains("from 1 to 5", Forms.Errors(await tooHigh.BodyAsync()));
        Assert.False(await app.WithDb(db => db.TravelReviews.AnyAsync(r => r.ApplicationId == application.Id)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(Roles.Member)]
    [InlineData(Roles.Organiser)]
    public async Task Only_reviewers_score_applications(string? role)
    {
        var (fund, application, _, _) = await SubmittedAsync();
        var client = await app.BrowserAs(role);
        var page = await client.GetAsync($"/review/travel/{application.Id}");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains(role is null ? "/account/signin" : "/account/access-denied", page.Headers.Location!.ToString());
        var post = await client.PostFormAsync($"/review/travel/{application.Id}", Scores(fund), role is null ? "/account/signin" : "/account");
        Assert.True((int)post.StatusCode is >= 300 and < 500);
        Assert.False(await app.WithDb(db => db.TravelReviews.AnyAsync(r => r.ApplicationId == application.Id)));
    }

    [Fact]
    public async Task A_draft_is_the_applicants_own()
    {
        var workshop = await app.AddWorkshopAsync($"td-{Guid.NewGuid():N}"[..20]);
        var setup = await app.AddRegistrationAsync(workshop, RegistrationMode.FirstCome);
        var fund = await app.AddTravelFundAsync(workshop);
        var (_, client, id) = await app.AdmitAsync(workshop, setup, "Ana Souza");
        var url = $"/registrations/{id}/travel";
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync(url, TravelData.ApplicationFields(fund).Append(new("submit", "false")), url)).StatusCode);
        var draft = (await app.ApplicationOfAsync(id))!;

        Assert.Equal(HttpStatusCode.NotFound, (await (await ReviewerAsync()).GetAsync($"/review/travel/{draft.Id}")).StatusCode);
        Assert.DoesNotContain("Ana Souza", WebUtility.HtmlDecode(await (await (await app.BrowserAs(Roles.Organiser)).GetAsync($"/organise/workshops/{workshop.Id}/travel")).BodyAsync()));
    }

    [Fact]
    public async Task Organisers_see_applications_ranked_by_weighted_score_with_a_running_total_in_the_budgets_currency()
    {
        var (fund, ana, workshop, setup) = await SubmittedAsync();
        var (_, _, id) = await app.AdmitAsync(workshop, setup, "Bruno Costa");
        // Bruno asks in Colombian pesos: 4,000,000 + 2,000,000 COP at 0.00023 is 1,380.00 EUR.
        var bruno = await app.ApplyAsync(fund, id, travel: 4_000_000m, lodging: 2_000_000m, currency: "COP");
        var reviewer = await ReviewerAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await reviewer.PostFormAsync($"/review/travel/{ana.Id}", Scores(fund, 2, 2), "/review")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await reviewer.PostFormAsync($"/review/travel/{bruno.Id}", Scores(fund, 5, 4), "/review")).StatusCode);

        var board = WebUtility.HtmlDecode(await (await (await app.BrowserAs(Roles.Organiser)).GetAsync($"/organise/workshops/{workshop.Id}/travel")).BodyAsync());

        Assert.True(board.IndexOf("Bruno Costa", StringComparison.Ordinal) < board.IndexOf("Ana Souza", StringComparison.Ordinal), "ranked by score");
        Assert.Contains("6,000,000.00\u00A0COP", board);
        Assert.Contains("1,380.00\u00A0EUR", board);
        // Ana's 1,300.00 EUR comes after Bruno's: 2,680.00 EUR down to her.
        Assert.Contains("2,680.00\u00A0EUR", board);
        Assert.Contains("4.6", board);
    }
}
