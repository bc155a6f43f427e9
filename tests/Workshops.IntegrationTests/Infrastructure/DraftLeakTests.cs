using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Workshops.Core.Domain.Accounts;
using Workshops.Core.Domain.Workshops;
using Workshops.IntegrationTests.Support;
using Workshops.Web.Infrastructure;

namespace Workshops.IntegrationTests.Infrastructure;

/// <summary>
/// A workshop being prepared is nobody's business but its organisers': with one in draft, with its call for
/// sessions open, every public page and feed is walked, as a stranger and as a member, and its name is nowhere.
/// </summary>
public sealed class DraftLeakTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task A_draft_workshop_appears_on_no_public_page_or_feed()
    {
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(default);
        var draft = await app.AddWorkshopAsync("zanzibar-quokka", WorkshopStatus.Draft);
        var call = await app.AddSessionCallAsync(draft);
        var secret = draft.Title; // "Workshop zanzibar-quokka"

        foreach (var client in new[] { app.Browser(), await app.BrowserAs(Roles.Member) })
        {
            var crawler = new SiteCrawler(client);
            await crawler.CrawlAsync([
                "/", "/calls", $"/calls/{call.Id}", $"/calls/{call.Id}/propose", "/archive", "/archive?q=zanzibar", "/news", "/news.atom",
                "/community", "/workshops/zanzibar-quokka", "/workshops/zanzibar-quokka/agenda", "/workshops/zanzibar-quokka/agenda.ics",
                "/workshops/zanzibar-quokka/agenda.json", "/workshops/zanzibar-quokka/agenda.xml", "/workshops/zanzibar-quokka/register", "/workshops/zanzibar-quokka/materials",
                "/workshops/zanzibar-quokka/materials.zip", "/workshops/zanzibar-quokka/factsheet.pdf", "/account/proposals", "/account/registrations",
            ]);

            Assert.True(crawler.Pages.Count > 50, $"only {crawler.Pages.Count} pages were walked");
            var leaks = crawler.Pages.Where(p => p.Value.Contains("zanzibar", StringComparison.OrdinalIgnoreCase)
                && !p.Key.Contains("zanzibar") && !p.Key.Contains("q=zanzibar")
                || p.Value.Contains(secret)).Select(p => p.Key).ToList();
            Assert.True(leaks.Count == 0, "The draft shows on: " + string.Join(", ", leaks));
            foreach (var path in crawler.Statuses.Keys.Where(k => k.StartsWith("/workshops/zanzibar-quokka") || k.StartsWith($"/calls/{call.Id}")))
                Assert.True(crawler.Statuses[path] is (int)HttpStatusCode.NotFound or (int)HttpStatusCode.Redirect, $"{path} answered {crawler.Statuses[path]}");
        }
    }
}
