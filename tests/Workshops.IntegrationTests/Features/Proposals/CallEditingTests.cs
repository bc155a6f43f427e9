using System.Net;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Domain.Accounts;
using Workshops.Core.Domain.Proposals;
using Workshops.IntegrationTests.Support;

namespace Workshops.IntegrationTests.Features.Proposals;

public sealed class CallEditingTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static Dictionary<string, string> CallFields(string title, string opens = "2027-01-10T09:00", string closes = "2027-03-31T23:59") => new()
    {
        ["Input.Title"] = title,
        ["Input.Year"] = "2028",
        ["Input.Description"] = "Offer to host the **2028** workshop.",
        ["Input.OpensLocal"] = opens,
        ["Input.ClosesLocal"] = closes,
        ["Input.TimeZoneId"] = "Europe/Madrid",
        ["Input.Reviewers"] = "Assigned",
        ["Input.LateAccessCode"] = "",
        ["Input.Questions[0].Text"] = "How will remote participants join?",
        ["Input.Questions[0].Required"] = "true",
        ["Input.Criteria[0].Name"] = "Relevance",
        ["Input.Criteria[0].Weight"] = "3",
        ["Input.Criteria[1].Name"] = "Feasibility",
        ["Input.Criteria[1].Weight"] = "1",
    };

    [Fact]
    public async Task An_organiser_opens_a_call_with_questions_and_weighted_criteria_and_edits_it()
    {
        var client = await app.BrowserAs(Roles.Organiser);
        var response = await client.PostFormAsync("/organise/calls/new", CallFields("Host the 2028 workshop, Madrid time"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var call = await app.WithDb(db => db.Calls.AsNoTracking().SingleAsync(c => c.Title == new Workshops.Core.Localization.LocalText("Host the 2028 workshop, Madrid time", "en")));
        Assert.Equal(new DateTimeOffset(2027, 3, 31, 21, 59, 0, TimeSpan.Zero), call.ClosesAt); // Madrid is UTC+2 on 31 March 2027
        Assert.Equal(ReviewerPool.Assigned, call.Reviewers);
        Assert.Equal(["Relevance 3", "Feasibility 1"], call.Criteria.OrderBy(c => c.Position).Select(c => $"{c.Name} {c.Weight}"));
        Assert.True(call.Questions.Single().Required);

        var board = await client.GetAsync(response.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.OK, board.StatusCode);
        Assert.Contains("31 March 2027, 23:59 (Europe/Madrid, UTC+02:00)", WebUtility.HtmlDecode(await board.BodyAsync()));

        var criterion = call.Criteria.Single(c => c.Name == "Relevance");
        var edit = CallFields("Host the 2028 workshop, Madrid time");
        edit["Input.Criteria[0].Id"] = criterion.Id.ToString();
        edit["Input.Criteria[0].Weight"] = "5";
        edit.Remove("Input.Criteria[1].Name");
        edit.Remove("Input.Criteria[1].Weight");
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync($"/organise/calls/{call.Id}/edit", edit)).StatusCode);

        var saved = await app.WithDb(db => db.Calls.AsNoTracking().SingleAsync(c => c.Id == call.Id));
        var kept = Assert.Single(saved.Criteria);
        Assert.Equal((criterion.Id, 5), (kept.Id, kept.Weight));
    }

    [Theory]
    [InlineData("2027-03-31T23:59", "2027-01-10T09:00", "Input.ClosesLocal", "The call must close after it opens.")]
    [InlineData("2027-03-28T02:30", "2027-04-10T09:00", "Input.OpensLocal", "does not exist in this time zone")]
    public async Task A_call_with_an_impossible_window_is_refused_and_not_saved(string opens, string closes, string field, string message)
    {
        var client = await app.BrowserAs(Roles.Organiser);
        var title = $"Refused {Guid.NewGuid():N}";
        var response = await client.PostFormAsync("/organise/calls/new", CallFields(title, opens, closes));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var body = await response.BodyAsync();
        Assert.Contains(message, body);
        Assert.Contains($"id=\"{field.Replace('.', '_')}-error\"", body);
        Assert.False(await app.WithDb(db => db.Calls.AnyAsync(c => c.Title == new Workshops.Core.Localization.LocalText(title, "en"))));
    }

    [Fact]
    public async Task A_call_without_criteria_is_refused()
    {
        var client = await app.BrowserAs(Roles.Organiser);
        var fields = CallFields("No criteria at all");
        foreach (var key in fields.Keys.Where(k => k.StartsWith("Input.Criteria")).ToList()) fields.Remove(key);
        var response = await client.PostFormAsync("/organise/calls/new", fields);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Give reviewers at least one criterion to score.", await response.BodyAsync());
    }

    [Theory]
    [InlineData(null)]
    [InlineData(Roles.Member)]
    [InlineData(Roles.Reviewer)]
    public async Task Only_organisers_open_calls(string? role)
    {
        var client = await app.BrowserAs(role);
        var call = await app.AddCallAsync();
        foreach (var url in new[] { "/organise/calls", "/organise/calls/new", $"/organise/calls/{call.Id}", $"/organise/calls/{call.Id}/edit", "/organise/emails" })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains(role is null ? "/account/signin" : "/account/access-denied", response.Headers.Location!.ToString());
        }
        var post = await client.PostAsync("/organise/calls/new", new FormUrlEncodedContent(CallFields("Sneaky")));
        Assert.True((int)post.StatusCode is >= 300 and < 500);
        Assert.False(await app.WithDb(db => db.Calls.AnyAsync(c => c.Title == new Workshops.Core.Localization.LocalText("Sneaky", "en"))));
    }

    [Fact]
    public async Task Anyone_reads_an_open_call_and_unknown_calls_are_404()
    {
        var call = await app.AddCallAsync();
        var visitor = app.Browser();
        var page = await visitor.GetAsync($"/calls/{call.Id}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var body = await page.BodyAsync();
        Assert.Contains("How will remote participants join? (required)", body);
        Assert.Contains("<strong>where</strong>", body);
        Assert.Contains(call.Title, await (await visitor.GetAsync("/calls")).BodyAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/calls/{Guid.NewGuid()}")).StatusCode);
        var organiser = await app.BrowserAs(Roles.Organiser);
        Assert.Equal(HttpStatusCode.NotFound, (await organiser.GetAsync($"/organise/calls/{Guid.NewGuid()}")).StatusCode);
    }
}
