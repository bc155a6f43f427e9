using System.Net;
using Workshops.Core.Domain.Accounts;
using Workshops.Core.Domain.Community;
using Workshops.IntegrationTests.Support;

namespace Workshops.IntegrationTests.Features.Community;

/// <summary>The home page tells the community's story (the About page's opening), with the open calls, the latest news, the registry's counts and map, and its links.</summary>
public sealed class HomePageTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task The_home_page_gathers_the_story_calls_news_map_and_links()
    {
        var organiser = await app.BrowserAs(Roles.Organiser);
        var about = await organiser.PostFormAsync("/organise/pages/new", new Dictionary<string, string>
        {
            ["Input.Title"] = "About",
            ["Input.Slug"] = "about",
            ["Input.Body"] = "# About us\n\nThe **Living Atlases** community builds biodiversity portals.\n\n## History\n\nStarted in 2013.",
            ["Input.Placement"] = "Footer",
            ["Input.Position"] = "0",
            ["Input.Language"] = "en",
        });
        Assert.Equal(HttpStatusCode.Redirect, about.StatusCode);
        foreach (var (name, country, status) in new[] { ("Portal A", "ES", InstallationStatus.Live), ("Portal B", "BR", InstallationStatus.InDevelopment) })
        {
            var added = await organiser.PostFormAsync("/organise/installations/new", new Dictionary<string, string>
            {
                ["Input.Name"] = name, ["Input.Slug"] = name.ToLowerInvariant().Replace(' ', '-'), ["Input.Country"] = country,
                ["Input.Status"] = status.ToString(), ["Input.Language"] = "en",
            });
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        }
        var call = await app.AddCallAsync();
        var user = await app.CreateUserAsync(Roles.Organiser);
        var news = await app.AnnouncementAsync("Registration is open", "Come to **Madrid**.", null, AnnouncementData.To(pasted: "ana.home@example.net"), user.Id, news: true);
        await app.SendNowAsync(news.Id);

        var home = WebUtility.HtmlDecode(await app.Browser().GetStringAsync("/"));
        Assert.Contains("<h1 id=\"intro-title\">", home);
        Assert.Contains("The <strong>Living Atlases</strong> community builds biodiversity portals.", home);
        Assert.DoesNotContain("Started in 2013", home);
        Assert.Contains("<a href=\"/about\">More about the community</a>", home);
        Assert.Contains($"<a href=\"/calls/{call.Id}\">{call.Title}</a>", home);
        Assert.Contains($"<a href=\"/news/{news.Id}\">Registration is open</a>", home);
        Assert.Contains("2 installations of the community's tools, by status:", home);
        Assert.Matches("role=\"img\" aria-label=\"Live: 1, In development: 1\"", home);
        Assert.Contains("<svg", home);
        Assert.Contains("aria-label=\"Spain: 1 installation (Portal A, live)\"", home);
        Assert.Contains("<a href=\"https://github.com/AtlasOfLivingAustralia\" rel=\"noopener\">The code</a>", home);
        // One main heading: the community's name; the next workshop comes under it.
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(home, "<h1[ >]"));
        Assert.Contains("Started in 2013", await app.Browser().GetStringAsync("/about"));
    }
}
