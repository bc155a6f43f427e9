using System.Net;
using Workshops.Core.Domain.Accounts;
using Workshops.IntegrationTests.Support;

namespace Workshops.IntegrationTests.Features.WorkshopPages;

/// <summary>Visitors' pages come from memory, yet never go stale after an edit and never mix with signed-in pages.</summary>
public sealed class PublicPageCacheTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task An_organisers_change_shows_to_visitors_at_once()
    {
        var w = await app.AddWorkshopAsync("cache-edit");
        var before = await app.Browser().GetAsync("/workshops/cache-edit");
        Assert.DoesNotContain("has been cancelled", await before.BodyAsync());
        Assert.True((await app.Browser().GetAsync("/workshops/cache-edit")).Headers.Contains("Age"), "the second visitor is served from the cache");

        var organiser = await app.BrowserAs(Roles.Organiser);
        var edit = $"/organise/workshops/{w.Id}/edit";
        var cancelled = await organiser.PostFormAsync(edit + "?handler=Status", new() { ["to"] = "Cancelled", ["confirmed"] = "true" }, edit);
        Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);

        Assert.Contains("This workshop has been cancelled.", await app.Browser().GetStringAsync("/workshops/cache-edit"));
    }

    [Fact]
    public async Task Signed_in_people_never_get_a_visitors_copy_and_visitors_never_get_theirs()
    {
        await app.AddWorkshopAsync("cache-roles");
        var visitorPage = await app.Browser().GetStringAsync("/workshops/cache-roles");
        Assert.Contains("Sign in", visitorPage);

        var organiser = await app.BrowserAs(Roles.Organiser);
        var organiserPage = await organiser.GetStringAsync("/workshops/cache-roles");
        Assert.Contains("Sign out", organiserPage);
        Assert.Contains("/organise/workshops", organiserPage);

        var again = await app.Browser().GetStringAsync("/workshops/cache-roles");
        Assert.DoesNotContain("Sign out", again);
    }

    [Fact]
    public async Task Signing_out_shows_its_message_on_the_cached_home_page_once()
    {
        await app.Browser().GetStringAsync("/"); // a visitor's copy of the home page is now cached
        var client = await app.BrowserAs(Roles.Member);

        var signedOut = await client.PostFormAsync("/account/signout", new(), "/");
        Assert.Equal("/", signedOut.Headers.Location!.OriginalString);

        Assert.Contains("You are signed out.", await client.GetStringAsync("/"));
        Assert.DoesNotContain("You are signed out.", await client.GetStringAsync("/"));
    }

    [Fact]
    public async Task A_visitor_with_a_waiting_message_gets_a_fresh_page()
    {
        await app.AddWorkshopAsync("cache-flash");
        var first = await app.Browser().GetAsync("/workshops/cache-flash");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);

        var request = new HttpRequestMessage(HttpMethod.Get, "/workshops/cache-flash");
        request.Headers.Add("Cookie", ".AspNetCore.Mvc.CookieTempDataProvider=not-a-valid-payload");
        var response = await app.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Age"), "served from the cache");
    }
}
