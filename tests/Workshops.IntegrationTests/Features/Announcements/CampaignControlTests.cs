using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Workshops.Core.Domain.Accounts;
using Workshops.Core.Domain.Announcements;
using Workshops.Core.Email;
using Workshops.IntegrationTests.Support;

namespace Workshops.IntegrationTests.Features.Announcements;

/// <summary>Pause, resume, resend to the failed, and the scheduled start, through the progress page and the starter.</summary>
public sealed class CampaignControlTests(SmtpAppFactory app) : IClassFixture<SmtpAppFactory>
{
    private static string[] Addresses(int n, string tag) => Enumerable.Range(0, n).Select(i => $"{tag}-{i}-{Guid.NewGuid():N}@example.net").ToArray();

    private async Task<(Announcement A, string[] To, HttpClient Client)> StartedAsync(int n, string tag)
    {
        var organiser = await app.CreateUserAsync(Roles.Organiser);
        var to = Addresses(n, tag);
        var a = await app.AnnouncementAsync("Campaign " + tag, "Hello {first_name}", null, AnnouncementData.To(pasted: string.Join('\n', to)), organiser.Id);
        await app.WithDb(async db =>
        {
            (await db.Announcements.FindAsync(a.Id))!.SendNow(AnnouncementData.Origin, a.CreatedById, DateTimeOffset.UtcNow);
            return await db.SaveChangesAsync();
        });
        Assert.Equal(n, await app.StartAsync(a.Id));
        return (a, to, await app.SignInAsync(organiser));
    }

    private Task<List<OutboxMessage>> RowsAsync(Guid id) => app.WithDb(db => db.OutboxMessages.AsNoTracking().Where(m => m.CampaignId == id).ToListAsync());
    private Task<AnnouncementStatus> StatusAsync(Guid id) => app.WithDb(db => db.Announcements.Where(a => a.Id == id).Select(a => a.Status).SingleAsync());

    private static Task<HttpResponseMessage> Post(HttpClient client, Guid id, string handler) =>
        client.PostFormAsync($"/organise/announcements/{id}/progress?handler={handler}", new Dictionary<string, string>(), $"/organise/announcements/{id}/progress");

    [Fact]
    public async Task A_paused_campaign_holds_its_emails_until_resumed_and_then_sends_each_once()
    {
        var (a, to, client) = await StartedAsync(6, "pause");

        Assert.Equal(HttpStatusCode.Redirect, (await Post(client, a.Id, "Pause")).StatusCode);
        Assert.Equal(AnnouncementStatus.Paused, await StatusAsync(a.Id));
        // Whatever the minute sweep got to first is sent; the rest is held, none left in the queue.
        var paused = await RowsAsync(a.Id);
        Assert.DoesNotContain(paused, m => m.Status == OutboxStatus.Queued);
        var sentBefore = paused.Count(m => m.Status == OutboxStatus.Sent);
        await app.DrainOutboxAsync();
        Assert.Equal(sentBefore, (await RowsAsync(a.Id)).Count(m => m.Status == OutboxStatus.Sent));
        Assert.Contains("held until you resume", await (await client.GetAsync($"/organise/announcements/{a.Id}/progress")).BodyAsync());

        Assert.Equal(HttpStatusCode.Redirect, (await Post(client, a.Id, "Resume")).StatusCode);
        await app.DrainOutboxAsync();
        foreach (var address in to) await app.Mail.WaitForAsync(address, "Campaign pause");
        Assert.All(to, address => Assert.Equal(1, app.Mail.CountTo(address)));
        Assert.Equal(AnnouncementStatus.Sent, await StatusAsync(a.Id));

        // Sent: neither pause nor resume applies, and the page says so.
        var late = await Post(client, a.Id, "Pause");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, late.StatusCode);
        Assert.Contains("Only an announcement that is sending can be paused", await late.BodyAsync());
    }

    [Fact]
    public async Task Resending_to_the_failed_sends_only_to_them_and_the_log_shows_why_they_failed()
    {
        var (a, to, client) = await StartedAsync(4, "resend");
        await app.DrainOutboxAsync();
        var failing = to.Take(2).ToArray();
        // As the sender leaves a permanent refusal.
        await app.WithDb(db => db.OutboxMessages.Where(m => m.CampaignId == a.Id && failing.Contains(m.To))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Failed).SetProperty(m => m.LastError, "550 5.1.1 Mailbox unavailable")));
        var before = to.ToDictionary(t => t, t => app.Mail.CountTo(t));

        var page = await (await client.GetAsync($"/organise/announcements/{a.Id}/progress?status=Failed")).BodyAsync();
        Assert.Contains("550 5.1.1 Mailbox unavailable</code> (2 emails)", page);
        Assert.Contains("Resend to the 2 failed", page);
        Assert.Contains("2 emails failed, by address", page);

        Assert.Equal(HttpStatusCode.Redirect, (await Post(client, a.Id, "Resend")).StatusCode);
        var queued = await RowsAsync(a.Id);
        Assert.All(queued.Where(m => failing.Contains(m.To)), m => Assert.True(m.Status != OutboxStatus.Failed && m.Attempts <= 1));
        await app.DrainOutboxAsync();
        // The resend also wakes a background sender, which may still be writing its email when the drain ends.
        for (var i = 0; i < 100 && failing.Any(address => app.Mail.CountTo(address) < before[address] + 1); i++) await Task.Delay(100);
        await app.DrainOutboxAsync();
        foreach (var address in failing) Assert.Equal(before[address] + 1, app.Mail.CountTo(address));
        foreach (var address in to.Skip(2)) Assert.Equal(before[address], app.Mail.CountTo(address));
        Assert.Equal(AnnouncementStatus.Sent, await StatusAsync(a.Id));

        var nothing = await Post(client, a.Id, "Resend");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, nothing.StatusCode);
        Assert.Contains("nothing to resend", await nothing.BodyAsync());
    }

    [Fact]
    public async Task A_scheduled_announcement_starts_when_its_time_comes_and_not_before()
    {
        var organiser = await app.CreateUserAsync(Roles.Organiser);
        var to = Addresses(3, "scheduled");
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var a = await app.AnnouncementAsync("Scheduled", "Hello", null, AnnouncementData.To(pasted: string.Join('\n', to)), organiser.Id);
        await app.WithDb(async db =>
        {
            (await db.Announcements.FindAsync(a.Id))!.Schedule(clock.GetUtcNow().AddHours(2), AnnouncementData.Origin, a.CreatedById, clock.GetUtcNow());
            return await db.SaveChangesAsync();
        });

        async Task<(List<Guid> Due, int Started)> Sweep()
        {
            await using var scope = app.Services.CreateAsyncScope();
            var starter = ActivatorUtilities.CreateInstance<AnnouncementStarter>(scope.ServiceProvider, clock);
            return (await starter.DueAsync(default), await starter.StartAsync(a.Id, default));
        }

        clock.Advance(TimeSpan.FromMinutes(119));
        var early = await Sweep();
        Assert.DoesNotContain(a.Id, early.Due);
        Assert.Equal(0, early.Started);
        Assert.Equal(AnnouncementStatus.Scheduled, await StatusAsync(a.Id));

        clock.Advance(TimeSpan.FromMinutes(1));
        var due = await Sweep();
        Assert.Contains(a.Id, due.Due);
        Assert.Equal(3, due.Started);
        Assert.Equal(3, (await RowsAsync(a.Id)).Count);
        Assert.Equal(0, (await Sweep()).Started);
    }
}
