using System.Net;
using System.ServiceModel.Syndication;
using System.Xml;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workshops.Core.Domain.Accounts;
using Workshops.Core.Domain.Announcements;
using Workshops.Core.Domain.Workshops;
using Workshops.Core.Email;
using Workshops.IntegrationTests.Support;
using Workshops.Web.Infrastructure;

namespace Workshops.IntegrationTests.Features.Announcements;

public sealed class NewsTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static SyndicationFeed Feed(string xml)
    {
        using var reader = XmlReader.Create(new StringReader(xml));
        return SyndicationFeed.Load(reader);
    }

    [Fact]
    public async Task An_announcement_sent_as_news_is_on_the_news_page_its_own_page_and_the_feed_without_anyones_personal_values()
    {
        var workshop = await app.AddWorkshopAsync("news-" + Guid.NewGuid().ToString("N")[..6]);
        var organiser = await app.CreateUserAsync(Roles.Organiser);
        var news = await app.AnnouncementAsync("Call open for {workshop_title}", "Dear {first_name},\n\nThe call is **open**: {workshop_url}. <script>alert(1)</script>",
            workshop.Id, AnnouncementData.To(pasted: "Ana Souza <ana.news@example.net>"), organiser.Id, news: true);
        var quiet = await app.AnnouncementAsync("Only by email", "Hello", null, AnnouncementData.To(pasted: "ana.quiet@example.net"), organiser.Id);
        var draft = await app.AnnouncementAsync("Not yet", "Hello", null, AnnouncementData.To(pasted: "ana.draft@example.net"), organiser.Id, news: true);
        var hidden = await app.AddWorkshopAsync("hidden-" + Guid.NewGuid().ToString("N")[..6], WorkshopStatus.Draft);
        var secret = await app.AnnouncementAsync("Plans for {workshop_title}", "Soon.", hidden.Id, AnnouncementData.To(pasted: "ana.secret@example.net"), organiser.Id, news: true);
        await app.SendNowAsync(news.Id);
        await app.SendNowAsync(quiet.Id);
        await app.SendNowAsync(secret.Id);

        var visitor = app.Browser();
        var list = await (await visitor.GetAsync("/news")).BodyAsync();
        Assert.Contains($"Call open for {workshop.Title}", list);
        Assert.Contains($"href=\"/news/{news.Id}\"", list);
        Assert.DoesNotContain("Only by email", list);
        Assert.DoesNotContain("Not yet", list);
        // A workshop still in draft is not told of on a public page.
        Assert.DoesNotContain(hidden.Title, list);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/news/{secret.Id}")).StatusCode);

        var item = await visitor.GetAsync($"/news/{news.Id}");
        Assert.Equal(HttpStatusCode.OK, item.StatusCode);
        var page = await item.BodyAsync();
        Assert.Contains("Dear colleague,", page);
        Assert.DoesNotContain("Ana", page);
        Assert.Contains("<strong>open</strong>", page);
        Assert.DoesNotContain("<script>alert", page);
        Assert.Contains($"/workshops/{workshop.Slug}", page);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/news/{quiet.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/news/{draft.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/news/{Guid.NewGuid()}")).StatusCode);

        var response = await visitor.GetAsync("/news.atom");
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType!.MediaType);
        var feed = Feed(await response.BodyAsync());
        var entry = Assert.Single(feed.Items, i => i.Title.Text == $"Call open for {workshop.Title}");
        Assert.Equal($"http://localhost/news/{news.Id}", entry.Links[0].Uri.ToString());
        Assert.Contains("<strong>open</strong>", ((TextSyndicationContent)entry.Content).Text);
        Assert.DoesNotContain(feed.Items, i => i.Title.Text is "Only by email" or "Not yet");
        Assert.Contains(feed.Links, l => l.RelationshipType == "self" && l.Uri.ToString() == "http://localhost/news.atom");
    }

    [Fact]
    public async Task The_demo_has_a_sent_announcement_on_the_news_page_and_in_the_feed()
    {
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(default);
        var demo = await app.WithDb(db => db.Announcements.AsNoTracking().SingleAsync(a => a.Subject == new Workshops.Core.Localization.LocalText("Registration is open: {workshop_title}", "en")));
        Assert.Equal(AnnouncementStatus.Sent, demo.Status);
        Assert.True(demo.Recipients > 0);
        Assert.Equal(demo.Recipients, await app.WithDb(db => db.OutboxMessages.CountAsync(m => m.CampaignId == demo.Id && m.Status == OutboxStatus.Sent)));

        var visitor = app.Browser();
        Assert.Contains("Registration is open: Living Atlases Workshop", await (await visitor.GetAsync("/news")).BodyAsync());
        Assert.Contains(Feed(await (await visitor.GetAsync("/news.atom")).BodyAsync()).Items, i => i.Title.Text.StartsWith("Registration is open: Living Atlases"));
        var log = await (await app.BrowserAs(Roles.Organiser)).GetAsync($"/organise/announcements/{demo.Id}/progress");
        Assert.Contains($"{demo.Recipients} of {demo.Recipients} sent", await log.BodyAsync());
    }
}
