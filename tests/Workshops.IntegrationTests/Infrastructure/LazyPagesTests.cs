using System.Net;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Workshops.IntegrationTests.Support;

namespace Workshops.IntegrationTests.Infrastructure;

/// <summary>Pages are routed from the start but prepared on their first request, with everything their full description brings.</summary>
public sealed class LazyPagesTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Every_page_is_routed_at_start_and_prepared_only_when_asked_for_with_its_rules()
    {
        var client = app.Browser();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);

        // The routes hold the light descriptions: none of the pages was prepared ahead of a request for it.
        var pages = app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .Select(e => e.Metadata.GetMetadata<PageActionDescriptor>()).OfType<PageActionDescriptor>().ToList();
        Assert.True(pages.Count > 100, $"{pages.Count} pages routed");
        Assert.DoesNotContain(pages, p => p is CompiledPageActionDescriptor);
        Assert.Contains(pages, p => p.ViewEnginePath == "/Admin/Index");

        // Prepared on request, the page brings its folder's authorization rule, its anti-forgery check and its handlers.
        var admin = await client.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.Redirect, admin.StatusCode);
        Assert.Contains("/account/signin", admin.Headers.Location!.ToString());
        var forged = await client.PostAsync("/account/signin", new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = "a@example.org" }));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/this/page/does-not-exist-anywhere")).StatusCode);
    }
}
