using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Accounts;
using Workshops.Core.Data;
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

    public async Task<IReadOnlyList<string>> ParticipantsAsync(int count)
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
                DisplayName = $"Participant {i}", CreatedAt = DateTimeOffset.UtcNow,
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
        var workshop = Workshop.Create(
            new WorkshopDetails($"Rush {slug}", slug, starts.Year, starts, starts.AddDays(1).Date.AddHours(17), "UTC", WorkshopFormat.InPerson,
                null, null, null, null, null),
            [new TrackDetails(null, "Everyone", null, seats)], DateTimeOffset.UtcNow);
        workshop.MoveTo(WorkshopStatus.Published, null, DateTimeOffset.UtcNow);
        db.Workshops.Add(workshop);
        db.RegistrationSetups.Add(RegistrationSetup.For(workshop,
            new RegistrationSetupDetails(DateTime.UtcNow.AddDays(-1), DateTime.UtcNow.AddDays(30), RegistrationMode.FirstCome, null, true, null, null),
            [], DateTimeOffset.UtcNow));
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
}
