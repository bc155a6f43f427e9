using Microsoft.Extensions.DependencyInjection;
using System.Net;
using Workshops.Core.Domain.Community;
using Workshops.IntegrationTests.Support;

namespace Workshops.IntegrationTests.Features.Community;

/// <summary>The previous website's addresses: a permanent redirect where they have a new home, a friendly page not found where not.</summary>
public sealed class OldAddressTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task An_old_address_redirects_permanently_however_it_is_spelled()
    {
        await app.WithDb(async db =>
        {
            db.OldAddresses.Add(OldAddress.Create("/events/workshop-2019/", "/archive/workshop-2019", DateTimeOffset.UtcNow));
            db.OldAddresses.Add(OldAddress.Create("/assets/presentation/workshop-2022/SBDI 2_0.pptx", "/materials/8c5e0c9e-2b7e-4f4e-9d43-2f9f1b3a1111/file", DateTimeOffset.UtcNow));
            return await db.SaveChangesAsync();
        });
        app.Services.GetRequiredService<Workshops.Core.Domain.Community.OldAddresses>().Forget();
        var client = app.Browser();
        foreach (var path in new[] { "/events/workshop-2019", "/events/workshop-2019/", "/Events/Workshop-2019/index.html" })
        {
            var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
            Assert.Equal("/archive/workshop-2019", response.Headers.Location?.OriginalString);
        }
        var file = await client.GetAsync("/assets/presentation/workshop-2022/SBDI%202_0.pptx");
        Assert.Equal(HttpStatusCode.MovedPermanently, file.StatusCode);
        Assert.StartsWith("/materials/", file.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task An_old_address_never_hides_a_page_of_this_site()
    {
        var organiser = await app.BrowserAs(Workshops.Core.Domain.Accounts.Roles.Organiser);
        var added = await organiser.PostFormAsync("/organise/projects/new", new Dictionary<string, string>
        {
            ["Input.Title"] = "A live project", ["Input.Slug"] = "live-project", ["Input.Status"] = "Active", ["Input.Language"] = "en",
        });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        await app.WithDb(async db =>
        {
            db.OldAddresses.Add(OldAddress.Create("/projects/live-project", "/projects/live-project-2", DateTimeOffset.UtcNow));
            return await db.SaveChangesAsync();
        });
        app.Services.GetRequiredService<Workshops.Core.Domain.Community.OldAddresses>().Forget();
        Assert.Equal(HttpStatusCode.OK, (await app.Browser().GetAsync("/projects/live-project")).StatusCode);
    }

    [Fact]
    public async Task An_address_with_no_new_home_gets_a_page_not_found_with_a_search_box()
    {
        var response = await app.Browser().GetAsync("/events/tdwg-2017/");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = WebUtility.HtmlDecode(await response.BodyAsync());
        Assert.Contains("Page not found", page);
        Assert.Contains("<form method=\"get\" action=\"/archive\"", page);
        Assert.Contains("<input type=\"search\" id=\"q\" name=\"q\" value=\"tdwg 2017\"", page);
    }
}
