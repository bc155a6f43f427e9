using System.Net;
using Workshops.Core.Domain.Archive;
using Workshops.Core.Domain.Materials;
using Workshops.Core.Domain.Workshops;
using Workshops.IntegrationTests.Support;

namespace Workshops.IntegrationTests.Features.Archive;

public sealed class ArchivePagesTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task The_archive_lists_past_workshops_and_events_by_year_with_their_materials()
    {
        var past = await app.AddWorkshopAsync($"p-{Guid.NewGuid():N}"[..20], startsLocal: new DateTime(2019, 10, 7, 9, 0, 0));
        var upcoming = await app.AddWorkshopAsync($"u-{Guid.NewGuid():N}"[..20]);
        var e = ArchivedEvent.Create($"launch-{Guid.NewGuid():N}"[..20], new ArchivedEventDetails("Launch of the NBN Atlas", ArchivedEventType.Portal,
            new DateOnly(2017, 3, 1), new DateOnly(2017, 3, 31), "March, 2017", null, "UK", null, "The **NBN Atlas** was launched."), null, DateTimeOffset.UtcNow);
        await app.WithDb(async db =>
        {
            db.ArchivedEvents.Add(e);
            return await db.SaveChangesAsync();
        });
        await app.AddMaterialAsync(null, null, "NBN Atlas", link: "https://nbnatlas.org/", eventId: e.Id);
        await app.AddMaterialAsync(null, null, "Launch budget", MaterialVisibility.Organisers, eventId: e.Id);

        var archive = await (await app.Browser().GetAsync("/archive")).BodyAsync();
        Assert.Contains($"/workshops/{past.Slug}", archive);
        Assert.DoesNotContain($"/workshops/{upcoming.Slug}", archive);
        Assert.Contains($"/archive/{e.Slug}", archive);
        Assert.Contains("March 2017", archive);
        Assert.Contains("<h2 id=\"year-2017\">2017</h2>", archive);

        var page = await app.Browser().GetAsync($"/archive/{e.Slug}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.BodyAsync();
        Assert.Contains("<strong>NBN Atlas</strong>", html);
        Assert.Contains("https://nbnatlas.org/", html);
        Assert.DoesNotContain("Launch budget", html);
    }

    [Fact]
    public async Task Unknown_events_are_not_found_and_drafts_stay_out_of_the_archive()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await app.Browser().GetAsync("/archive/no-such-event")).StatusCode);
        var draft = await app.AddWorkshopAsync($"d-{Guid.NewGuid():N}"[..20], WorkshopStatus.Draft, new DateTime(2018, 5, 1, 9, 0, 0));
        Assert.DoesNotContain(draft.Slug, await (await app.Browser().GetAsync("/archive")).BodyAsync());
    }
}
