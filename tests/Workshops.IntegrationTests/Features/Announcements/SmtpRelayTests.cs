using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workshops.Core.Domain.Accounts;
using Workshops.Core.Domain.Announcements;
using Workshops.Core.Email;
using Workshops.Core.Jobs;
using Workshops.IntegrationTests.Support;
using Workshops.Tests.Shared;

namespace Workshops.IntegrationTests.Features.Announcements;

/// <summary>The site sending through a real SMTP server (aiosmtpd) that answers 451 "busy" to every tenth message once.</summary>
public sealed class BusyRelayApp : SmtpAppFactory
{
    protected override int FailEvery => 10;
}

public sealed class SmtpRelayTests(BusyRelayApp app) : IClassFixture<BusyRelayApp>
{
    [Fact]
    public async Task When_the_relay_refuses_a_tenth_for_now_every_email_arrives_once_and_a_mailbox_refused_for_good_is_not_retried()
    {
        var organiser = await app.CreateUserAsync(Roles.Organiser);
        var people = Enumerable.Range(0, 60).Select(i => $"node{i:D2}-{Guid.NewGuid():N}@example.org").ToList();
        var bounce = $"nobody-{Guid.NewGuid():N}@bounce.invalid";
        var a = await app.AnnouncementAsync("Registration is open", "Dear {first_name}, registration is open.", null,
            AnnouncementData.To(pasted: string.Join("\n", people.Append(bounce))), organiser.Id);

        // As the "Send now" button does: the announcement is due, and a background job writes and sends its emails.
        await app.WithDb(async db =>
        {
            (await db.Announcements.FindAsync(a.Id))!.SendNow(AnnouncementData.Origin, a.CreatedById, DateTimeOffset.UtcNow);
            return await db.SaveChangesAsync();
        });
        app.Services.GetRequiredService<IBackgroundJobClient>().Enqueue<StartAnnouncementJob>(j => j.Run(a.Id, CancellationToken.None));

        var rows = await WaitAsync(async () =>
        {
            var r = await app.WithDb(db => db.OutboxMessages.AsNoTracking().Where(m => m.CampaignId == a.Id).ToListAsync());
            return r.Count == 61 && r.All(m => m.Status is OutboxStatus.Sent or OutboxStatus.Failed) ? r : null;
        });

        var answers = app.Smtp.Answers();
        var ids = rows.Where(r => r.To != bounce).Select(r => $"{r.Id:N}@localhost.localdomain").ToHashSet();
        var accepted = answers.Where(x => x.Code == 250).Select(x => x.MessageId).ToList();
        var refusedForNow = answers.Where(x => x.Code == 451).Select(x => x.MessageId).ToList();
        // 60 offered at least, so the relay turned away at least six, each of which was tried again and went through.
        Assert.True(refusedForNow.Count >= 6, $"The relay refused {refusedForNow.Count} for now.");
        Assert.All(refusedForNow, id => Assert.Contains(id, accepted));
        Assert.Equal(ids.Order(), accepted.Where(ids.Contains).Order());
        Assert.Equal(60, accepted.Count(ids.Contains));
        Assert.All(rows.Where(r => r.To != bounce), r =>
        {
            Assert.Equal(OutboxStatus.Sent, r.Status);
            Assert.Equal(refusedForNow.Contains($"{r.Id:N}@localhost.localdomain") ? 2 : 1, r.Attempts);
        });
        Assert.Equal(60, Directory.GetFiles(app.Smtp.MessagesDirectory).Length);
        var mail = await app.Smtp.Inbox.WaitForAsync(people[0], "Registration is open");
        Assert.Contains("Dear colleague, registration is open.", mail.TextBody);

        // 550: the mailbox does not exist. Recorded with the relay's words, tried once, never again.
        var bounced = rows.Single(r => r.To == bounce);
        Assert.Equal((OutboxStatus.Failed, 1), (bounced.Status, bounced.Attempts));
        Assert.Contains("No such mailbox", bounced.LastError);
        Assert.Single(answers, x => x.Code == 550 && x.MessageId == bounce);

        // The organiser's progress page reads the same rows: 60 sent, 1 failed, and the campaign is finished.
        var done = await WaitAsync(() => app.WithDb(async db =>
            await db.Announcements.AsNoTracking().SingleAsync(x => x.Id == a.Id) is { Status: AnnouncementStatus.Sent } s ? s : null));
        Assert.Equal(61, done.Recipients);
    }

    private static async Task<T> WaitAsync<T>(Func<Task<T?>> probe) where T : class
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (await probe() is { } found) return found;
            await Task.Delay(250);
        }
        throw new TimeoutException("The campaign did not finish within 90 s.");
    }
}
