using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Domain.Accounts;
using Workshops.Core.Data;
using Workshops.Core.Domain.Announcements;
using Workshops.Core.Domain.Registrations;
using Workshops.Core.Domain.Workshops;
using Workshops.Core.Email;

namespace Workshops.Benchmarks;

/// <summary>
/// What the registration rush needs, written straight into the site's database after the site migrated it:
/// participants with a password, and workshops open for first-come registration.
/// </summary>
public sealed class BenchData(DatabaseOptions options, string dataDirectory)
{
    public const string Password = "a benchmark password that is long enough";

    private AppDbContext Db()
    {
        var builder = new DbContextOptionsBuilder<AppDbContext>();
        DataServices.Configure(builder, options, dataDirectory);
        return new AppDbContext(builder.Options);
    }

    /// <param name="subscribed">Members who opted in to the community's announcements.</param>
    public async Task<IReadOnlyList<string>> ParticipantsAsync(int count, bool subscribed = false)
    {
        await using var db = Db();
        var hash = new PasswordHasher<AppUser>().HashPassword(new AppUser(), Password); // one hash, its own salt inside: fine for test accounts
        var emails = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var email = $"rush{i:D4}@bench.example.org";
            db.Users.Add(new AppUser
            {
                UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(),
                EmailConfirmed = true, PasswordHash = hash, SecurityStamp = Guid.NewGuid().ToString("N"), ConcurrencyStamp = Guid.NewGuid().ToString(),
                DisplayName = $"Participant {i}", CreatedAt = DateTimeOffset.UtcNow, SubscribedToAnnouncements = subscribed,
            });
            emails.Add(email);
        }
        await db.SaveChangesAsync();
        return emails;
    }

    /// <summary>A published workshop with one track of <paramref name="seats"/> seats, open for first-come registration now.</summary>
    public async Task<(string Slug, Guid WorkshopId, Guid TrackId)> WorkshopAsync(string slug, int seats)
    {
        await using var db = Db();
        var starts = DateTime.UtcNow.Date.AddDays(60).AddHours(9);
        var workshop = new AWorkshop { Title = $"Rush {slug}", Slug = slug, Starts = starts, Days = 2, Zone = "UTC", Tracks = [AWorkshop.Track("Everyone", seats)] }.Build();
        db.Workshops.Add(workshop);
        db.RegistrationSetups.Add(new ARegistrationSetup { Opens = DateTime.UtcNow.AddDays(-1), Mode = RegistrationMode.FirstCome, AutoPromote = true }.For(workshop));
        await db.SaveChangesAsync();
        await new SeatLedger(db).EnsureCountersAsync(workshop.Id, default);
        return (slug, workshop.Id, workshop.Tracks[0].Id);
    }

    /// <summary>Registrations by status, and whether every seat counter (the track's and the workshop's) says as many are admitted.</summary>
    public async Task<(int Admitted, int Waitlisted, bool CountersAgree)> CountAsync(Guid workshopId)
    {
        await using var db = Db();
        var statuses = await db.Registrations.Where(r => r.WorkshopId == workshopId).Select(r => r.Status).ToListAsync();
        var admitted = statuses.Count(s => s == RegistrationStatus.Admitted);
        var counters = await db.SeatCounters.Where(c => c.WorkshopId == workshopId).Select(c => c.Taken).ToListAsync();
        return (admitted, statuses.Count(s => s == RegistrationStatus.Waitlisted), counters.Count > 0 && counters.All(c => c == admitted));
    }

    /// <summary>Emails not sent (yet): waits up to a minute for the outbox to drain, then counts what is left or failed.</summary>
    public async Task<int> UnsentEmailsAsync()
    {
        await using var db = Db();
        for (var i = 0; i < 60; i++)
        {
            if (!await db.OutboxMessages.AnyAsync(m => m.Status == OutboxStatus.Queued || m.Status == OutboxStatus.Sending)) break;
            await Task.Delay(1000);
        }
        return await db.OutboxMessages.CountAsync(m => m.Status != OutboxStatus.Sent);
    }

    /// <summary>An announcement of an ordinary length with placeholders, due now, written by the member with that address.</summary>
    public async Task<Guid> AnnouncementAsync(string authorEmail, Audience audience)
    {
        await using var db = Db();
        var author = await db.Users.Where(u => u.Email == authorEmail).Select(u => u.Id).SingleAsync();
        var a = Announcement.Create(new AnnouncementDetails("{first_name}, the call for sessions is open", AnnouncementBody, null, audience, false),
            author, DateTimeOffset.UtcNow);
        a.SendNow("https://workshops.example.org", a.CreatedById, DateTimeOffset.UtcNow);
        db.Announcements.Add(a);
        await db.SaveChangesAsync();
        return a.Id;
    }

    private const string AnnouncementBody = """
        Dear {first_name},

        The call for sessions of this year's workshop is **open**. We look for talks, tutorials and hands-on sessions on:

        - running and upgrading a national portal;
        - data quality, annotations and the validation of occurrence records;
        - species pages, spatial tools and the biocache;
        - outreach, training and the work of a node's managers.

        Propose a session from your account on the site before the end of next month. Reviewers from four continents will
        read every proposal, and you will hear from us within three weeks of the deadline.

        You receive this because you are a member of the community ({email}).
        """;

    public async Task<DateTimeOffset> StartedAtAsync(Guid announcement)
    {
        await using var db = Db();
        return await db.Announcements.Where(a => a.Id == announcement).Select(a => a.StartedAt).SingleAsync()
            ?? throw new InvalidOperationException("The announcement has not started.");
    }

    public async Task<List<OutboxMessage>> SentEmailsAsync(Guid announcement)
    {
        await using var db = Db();
        return await db.OutboxMessages.AsNoTracking().Where(m => m.CampaignId == announcement).OrderBy(m => m.To).ToListAsync();
    }
}
