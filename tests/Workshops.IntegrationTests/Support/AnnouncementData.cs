using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workshops.Core.Domain.Accounts;
using Workshops.Core.Domain.Announcements;
using Workshops.Core.Domain.Registrations;
using Workshops.Core.Domain.Workshops;
using Workshops.Core.Jobs;
using Workshops.IntegrationTests.Support;

namespace Workshops.IntegrationTests.Support;

public static class AnnouncementData
{
    public const string Origin = "https://workshops.example.org";

    public static async Task<AppUser> SubscriberAsync(this AppFactory app, string? email = null, string? name = null)
    {
        var user = await app.CreateUserAsync(email: email);
        await app.WithDb(async db =>
        {
            var u = await db.Users.FindAsync(user.Id);
            u!.SubscribedToAnnouncements = true;
            if (name is not null) u.DisplayName = name;
            return await db.SaveChangesAsync();
        });
        return user;
    }

    /// <summary>A registration as the participant would submit it, straight into the database.</summary>
    public static async Task<Registration> RegistrantAsync(this AppFactory app, Workshop workshop, RegistrationSetup setup, AppUser user, string name, string track = "Developers",
        string language = "en")
    {
        var registration = Registration.Submit(setup, workshop, user.Id,
            new ARegistration { Name = name, Email = user.Email!, Institution = "Museo de La Plata", Country = "Argentina", Track = track, ListPublicly = false }.Details(workshop),
            new Dictionary<Guid, IReadOnlyList<string>> { [setup.Questions[0].Id] = ["Biocache"] }, DateTimeOffset.UtcNow, language);
        await app.WithDb(async db =>
        {
            db.Registrations.Add(registration);
            return await db.SaveChangesAsync();
        });
        return registration;
    }

    public static async Task<Announcement> AnnouncementAsync(this AppFactory app, string subject, string body, Guid? workshopId, Audience audience, string byUserId,
        bool news = false)
    {
        var a = Announcement.Create(new AnnouncementDetails(subject, body, workshopId, audience, news), byUserId, DateTimeOffset.UtcNow);
        await app.WithDb(async db =>
        {
            db.Announcements.Add(a);
            return await db.SaveChangesAsync();
        });
        return a;
    }

    /// <summary>Sends it now as the "Send now" button does, then runs the job that writes its emails and the sender until the queue is empty.</summary>
    public static async Task<int> SendNowAsync(this AppFactory app, Guid id)
    {
        await app.WithDb(async db =>
        {
            var a = await db.Announcements.FindAsync(id);
            a!.SendNow(Origin, a.CreatedById, DateTimeOffset.UtcNow);
            return await db.SaveChangesAsync();
        });
        var queued = await app.StartAsync(id);
        await app.DrainOutboxAsync();
        return queued;
    }

    /// <summary>
    /// Runs the starter on a due announcement and returns how many emails it has queued, whoever started it: the test
    /// host's minute sweep may start it first, and then this start loses on the outbox's unique index or the
    /// announcement's concurrency token, as a second node's would (the job treats that as done).
    /// </summary>
    public static async Task<int> StartAsync(this AppFactory app, Guid id)
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            try { await scope.ServiceProvider.GetRequiredService<AnnouncementStarter>().StartAsync(id, default); }
            catch (DbUpdateException) { }
        }
        return await app.WithDb(db => db.OutboxMessages.CountAsync(m => m.CampaignId == id));
    }

    public static async Task DrainOutboxAsync(this AppFactory app)
    {
        for (var i = 0; i < 100; i++)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<Core.Email.OutboxSender>().Run(null, default);
            if (result.Sent + result.Failed + result.Retrying == 0) break;
        }
        await using var last = app.Services.CreateAsyncScope();
        await last.ServiceProvider.GetRequiredService<CampaignProgress>().FinishDoneAsync(default);
    }

    public static Audience To(bool subscribers = false, RegistrationStatus[]? statuses = null, Guid[]? tracks = null, bool speakers = false, bool reviewers = false,
        string? pasted = null) => new(subscribers, statuses ?? [], tracks ?? [], speakers, reviewers, pasted);
}
