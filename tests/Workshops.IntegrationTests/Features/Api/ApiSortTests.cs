using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Workshops.IntegrationTests.Support;
using Workshops.Web.Infrastructure;

namespace Workshops.IntegrationTests.Features.Api;

/// <summary>Every list sorts as its sort parameter says, on the demo's data, and a sort it does not know is a 400.</summary>
public sealed class ApiSortTests(AppFactory app) : IClassFixture<AppFactory>
{
    private async Task<List<JsonNode>> ItemsAsync(HttpClient client, string path)
    {
        var (response, page) = await client.ApiGetAsync(path + (path.Contains('?') ? "&" : "?") + "limit=100");
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode}");
        return page!["items"]!.AsArray().Select(i => i!).ToList();
    }

    private static void InOrder<T>(IReadOnlyList<T> values, IComparer<T> order, string what)
    {
        Assert.True(values.Count > 1, $"{what}: too few to tell an order");
        for (var i = 1; i < values.Count; i++) Assert.True(order.Compare(values[i - 1], values[i]) <= 0, $"{what}: {values[i - 1]} before {values[i]}");
    }

    [Fact]
    public async Task Each_list_follows_its_sort_parameter()
    {
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(default);
        // The demo has one project; two more, so an order can be seen.
        await app.WithDb(db =>
        {
            foreach (var (title, slug, year) in new[] { ("Biodiversity portals for Africa", "bpa-sort", 2019), ("Open data for Andean nodes", "odan-sort", 2024) })
                db.Projects.Add(Workshops.Core.Domain.Community.Projects.Project.Create(new(title, slug, "BID", null, null, null, [], year, year + 2,
                    Workshops.Core.Domain.Community.Projects.ProjectStatus.Closed, [], [], null), DateTimeOffset.UtcNow));
            return db.SaveChangesAsync();
        });
        var client = app.Browser();
        var words = StringComparer.Create(CultureInfo.GetCultureInfo("en"), ignoreCase: false);
        var numbers = Comparer<int>.Default;

        InOrder((await ItemsAsync(client, "/api/v1/installations?sort=Country")).Select(i => (string?)i["country"] ?? "").ToList(), StringComparer.Ordinal, "installations by country");
        InOrder((await ItemsAsync(client, "/api/v1/installations")).Select(i => (string)i["name"]!).ToList(), words, "installations by name");
        InOrder((await ItemsAsync(client, "/api/v1/projects?sort=Title")).Select(p => (string)p["title"]!).ToList(), words, "projects by title");
        InOrder((await ItemsAsync(client, "/api/v1/projects?sort=Starts")).Select(p => (int?)p["startYear"] ?? int.MaxValue).ToList(), numbers, "projects, oldest first");
        InOrder((await ItemsAsync(client, "/api/v1/projects")).Select(p => -((int?)p["startYear"] ?? int.MinValue)).ToList(), numbers, "projects, newest first");
        InOrder((await ItemsAsync(client, "/api/v1/archive?sort=Oldest")).Select(e => (int?)e["year"] ?? int.MaxValue).ToList(), numbers, "archive, oldest first");
        InOrder((await ItemsAsync(client, "/api/v1/archive?sort=Title")).Select(e => (string)e["title"]!).ToList(), words, "archive by title");
        InOrder((await ItemsAsync(client, "/api/v1/materials?sort=Title")).Select(m => (string)m["title"]!).ToList(), words, "materials by title");
        InOrder((await ItemsAsync(client, "/api/v1/calls?sort=ClosesDescending")).Select(c => -DateTimeOffset.Parse((string)c["closesAt"]!, CultureInfo.InvariantCulture).ToUnixTimeSeconds()).ToList(),
            Comparer<long>.Default, "calls, latest deadline first");
        InOrder((await ItemsAsync(client, "/api/v1/workshops?sort=Title")).Select(w => (string)w["title"]!).ToList(), words, "workshops by title");

        foreach (var list in new[] { "installations", "projects", "archive", "materials", "calls", "workshops" })
        {
            var (bad, problem) = await client.ApiGetAsync($"/api/v1/{list}?sort=Size");
            Assert.Equal(System.Net.HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.NotNull(problem!["errors"]!["sort"]);
        }
    }
}
