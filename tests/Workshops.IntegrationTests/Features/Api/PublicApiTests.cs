using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workshops.Web.Infrastructure;
using Workshops.Core.Domain.Accounts;
using Workshops.Core.Domain.Workshops;
using Workshops.IntegrationTests.Support;

namespace Workshops.IntegrationTests.Features.Api;

/// <summary>What a client of the read API relies on: filters, order, cursors, conditional requests, languages and problem documents.</summary>
public sealed class PublicApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static string[] Slugs(JsonNode? page) => page!["items"]!.AsArray().Select(i => (string)i!["slug"]!).ToArray();

    [Fact]
    public async Task Workshops_are_filtered_sorted_and_paged_with_cursors_and_drafts_never_show()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var soon = await app.AddWorkshopAsync($"api-a-{tag}", startsLocal: new DateTime(2031, 5, 4, 9, 0, 0));
        var later = await app.AddWorkshopAsync($"api-b-{tag}", startsLocal: new DateTime(2031, 9, 1, 9, 0, 0));
        var cancelled = await app.AddWorkshopAsync($"api-c-{tag}", WorkshopStatus.Cancelled, startsLocal: new DateTime(2031, 7, 1, 9, 0, 0));
        var draft = await app.AddWorkshopAsync($"api-d-{tag}", WorkshopStatus.Draft, startsLocal: new DateTime(2031, 6, 1, 9, 0, 0));
        var client = app.Browser();

        var (_, year) = await client.ApiGetAsync("/api/v1/workshops?year=2031");
        Assert.Equal([soon.Slug, cancelled.Slug, later.Slug], Slugs(year));
        Assert.Equal(3, (int)year!["total"]!);
        Assert.DoesNotContain(draft.Slug, Slugs(year));
        var (_, upcoming) = await client.ApiGetAsync("/api/v1/workshops?year=2031&status=Upcoming&sort=StartsDescending");
        Assert.Equal([later.Slug, soon.Slug], Slugs(upcoming));
        var (_, gone) = await client.ApiGetAsync("/api/v1/workshops?year=2031&status=Cancelled");
        Assert.Equal([cancelled.Slug], Slugs(gone));
        Assert.Equal("Cancelled", (string?)gone!["items"]![0]!["state"]);
        var (_, elsewhere) = await client.ApiGetAsync("/api/v1/workshops?year=2031&country=PT");
        Assert.Empty(Slugs(elsewhere));

        // A page at a time, each cursor leading to the next, the last with none.
        var (_, first) = await client.ApiGetAsync("/api/v1/workshops?year=2031&limit=2");
        Assert.Equal([soon.Slug, cancelled.Slug], Slugs(first));
        var (_, second) = await client.ApiGetAsync($"/api/v1/workshops?year=2031&limit=2&cursor={first!["next"]}");
        Assert.Equal([later.Slug], Slugs(second));
        Assert.Null(second!["next"]);

        // A cursor carried to another query, a forged one and a page size out of range are refused, naming the parameter.
        var (wrong, problem) = await client.ApiGetAsync($"/api/v1/workshops?year=2030&limit=2&cursor={first["next"]}");
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal("application/problem+json", wrong.Content.Headers.ContentType!.MediaType);
        Assert.Contains("cursor", problem!["errors"]!.AsObject().Select(e => e.Key));
        var (forged, _) = await client.ApiGetAsync("/api/v1/workshops?cursor=MTAwOmZmZmY");
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        var (tooMany, limit) = await client.ApiGetAsync("/api/v1/workshops?limit=1000");
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.Equal("A page holds 1 to 100 items.", (string?)limit!["errors"]!["cursor"]![0]);

        // Values that cannot be read are 400 with the field, not 500.
        var (bad, badProblem) = await client.ApiGetAsync("/api/v1/workshops?year=soon&status=Someday&sort=Size");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(["sort", "status", "year"], badProblem!["errors"]!.AsObject().Select(e => e.Key).Order().ToArray());
        Assert.Equal("The value 'soon' is not valid for year.", (string?)badProblem["errors"]!["year"]![0]);
    }

    [Fact]
    public async Task A_workshop_gives_its_tracks_calls_and_registration_and_unknown_or_draft_ones_are_404_problems()
    {
        var workshop = await app.AddWorkshopAsync($"api-w-{Guid.NewGuid():N}"[..20]);
        var setup = await app.AddRegistrationAsync(workshop);
        var draft = await app.AddWorkshopAsync($"api-x-{Guid.NewGuid():N}"[..20], WorkshopStatus.Draft);
        var client = app.Browser();

        var (ok, detail) = await client.ApiGetAsync($"/api/v1/workshops/{workshop.Slug}");
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(["Developers", "Managers"], detail!["tracks"]!.AsArray().Select(t => (string)t!["name"]!).ToArray());
        Assert.Equal(25, (int)detail["tracks"]![0]!["seats"]!);
        Assert.Equal(setup.IsOpen(DateTimeOffset.UtcNow), (bool)detail["registration"]!["open"]!);
        Assert.Equal("A **week** of work.", (string?)detail["description"]);
        Assert.Null(detail["agenda"]);
        Assert.Equal($"http://localhost/workshops/{workshop.Slug}", (string?)detail["url"]);

        foreach (var path in new[] { $"/api/v1/workshops/{draft.Slug}", "/api/v1/workshops/nothing-here", $"/api/v1/workshops/{workshop.Slug}/agenda" })
        {
            var (missing, problem) = await client.ApiGetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
            Assert.Equal("application/problem+json", missing.Content.Headers.ContentType!.MediaType);
            Assert.Equal(404, (int)problem!["status"]!);
            Assert.False(string.IsNullOrEmpty((string?)problem["detail"]));
        }
        // An address under /api that is no endpoint is a problem document too, not the site's HTML error page.
        var nowhere = await client.GetAsync("/api/v1/nowhere");
        Assert.Equal(HttpStatusCode.NotFound, nowhere.StatusCode);
        Assert.Equal("application/problem+json", nowhere.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Answers_carry_an_etag_and_last_modified_and_a_client_holding_the_current_copy_gets_304_until_it_changes()
    {
        var workshop = await app.AddWorkshopAsync($"api-e-{Guid.NewGuid():N}"[..20]);
        var client = app.Browser();
        var path = $"/api/v1/workshops/{workshop.Slug}";
        var (first, _) = await client.ApiGetAsync(path);
        var etag = first.Headers.ETag!;
        Assert.NotNull(first.Content.Headers.LastModified);
        Assert.Contains("Accept-Language", first.Headers.Vary);

        foreach (var conditional in new Func<HttpRequestMessage, HttpRequestMessage>[]
        {
            r => { r.Headers.IfNoneMatch.Add(etag); return r; },
            r => { r.Headers.IfModifiedSince = first.Content.Headers.LastModified; return r; },
        })
        {
            var (again, body) = await client.ApiAsync(conditional(new HttpRequestMessage(HttpMethod.Get, path)));
            Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
            Assert.Null(body);
        }

        await app.WithDb(async db =>
        {
            var moved = await db.Workshops.Where(w => w.Id == workshop.Id)
                .ExecuteUpdateAsync(u => u.SetProperty(w => w.Venue, "Auditório").SetProperty(w => w.UpdatedAt, DateTimeOffset.UtcNow.AddSeconds(2)));
            await app.Services.GetRequiredService<Microsoft.AspNetCore.OutputCaching.IOutputCacheStore>().EvictAsync(default);
            return moved;
        });
        var changed = new HttpRequestMessage(HttpMethod.Get, path);
        changed.Headers.IfNoneMatch.Add(etag);
        var (fresh, renamed) = await client.ApiAsync(changed);
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        Assert.Equal("Auditório", (string?)renamed!["venue"]);
        Assert.NotEqual(etag, fresh.Headers.ETag);
    }
}
