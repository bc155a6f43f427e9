using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Workshops.Core.Data;
using Workshops.Core.Domain.Packs;
using Workshops.Core.Email;
using Workshops.Core.Email.Editable;
using Workshops.Core.Storage;
using Workshops.Core.Time;
using Workshops.Core.Localization;

namespace Workshops.Core.Domain.Packs;

/// <summary>
/// Builds a workshop's attendee packs: every admitted attendee's PDF, made in parallel on every core, stored in the
/// file store, and counted on the run's row as it goes. An attendee whose pack is made for the first time is emailed.
/// </summary>
public sealed class PackGenerator(AppDbContext db, PackSource source, IFileStore store, TemplateMail mail, Outbox outbox,
    SiteAddress site, IRegistrationTokens tokens, TimeProvider clock, ILogger<PackGenerator> log)
{
    private const long MaxPackBytes = 20 * 1024 * 1024;
    private static readonly TimeSpan ProgressEvery = TimeSpan.FromMilliseconds(500);

    public async Task RunAsync(Guid runId, CancellationToken ct)
    {
        var run = await db.PackRuns.FirstOrDefaultAsync(r => r.Id == runId, ct);
        // Running: Hangfire gave the job again after the site stopped in the middle; it starts over.
        if (run is null || !run.IsActive) return;
        try
        {
            await BuildAsync(run, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(e, "Pack run {Run} failed", runId);
            db.ChangeTracker.Clear();
            run = await db.PackRuns.FirstAsync(r => r.Id == runId, ct);
            run.Fail("The packs could not be made: " + e.Message, clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
        }
    }

    /// <summary>Builds one attendee's pack now, when they ask for it and none was made yet (admitted after the last run).</summary>
    public async Task<AttendeePack?> BuildOneAsync(Guid workshopId, Guid registrationId, CancellationToken ct)
    {
        var content = await source.ContentAsync(workshopId, ct);
        if (content is null) return null;
        var attendee = (await source.AttendeesAsync(content, ct, registrationId)).SingleOrDefault();
        if (attendee is null) return null;
        var file = await StoreAsync(AttendeePackDocument.Build(content, attendee), ct);
        SiteMetrics.PacksBuilt.Add(1);
        var pack = await db.AttendeePacks.FirstOrDefaultAsync(p => p.RegistrationId == registrationId, ct);
        if (pack is null) db.AttendeePacks.Add(pack = AttendeePack.For(registrationId, workshopId));
        var lastRun = await db.PackRuns.Where(r => r.WorkshopId == workshopId).OrderByDescending(r => r.CreatedAt).Select(r => r.Id).FirstOrDefaultAsync(ct);
        pack.Built(file.Hash, file.Length, content.AgendaVersion == 0 ? null : content.AgendaVersion, lastRun, clock.GetUtcNow());
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A double click, or a run finishing meanwhile: the other one's pack is as good.
            db.ChangeTracker.Clear();
            return await db.AttendeePacks.AsNoTracking().FirstOrDefaultAsync(p => p.RegistrationId == registrationId, ct);
        }
        return pack;
    }

    private async Task BuildAsync(PackRun run, CancellationToken ct)
    {
        var content = await source.ContentAsync(run.WorkshopId, ct) ?? throw new InvalidOperationException("The workshop no longer exists.");
        var attendees = await source.AttendeesAsync(content, ct);
        var version = content.AgendaVersion == 0 ? (int?)null : content.AgendaVersion;
        run.Start(attendees.Count, version, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);

        var built = new System.Collections.Concurrent.ConcurrentBag<(PackAttendee Attendee, StoredFile File)>();
        var failed = 0;
        string? lastError = null;
        var work = Parallel.ForEachAsync(attendees, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = ct },
            async (attendee, token) =>
            {
                try
                {
                    built.Add((attendee, await StoreAsync(AttendeePackDocument.Build(content, attendee), token)));
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    log.LogWarning(e, "The pack of registration {Registration} could not be made", attendee.RegistrationId);
                    Interlocked.Increment(ref failed);
                    lastError = $"{attendee.Name}: {e.Message}";
                }
            });
        // The page reads the counts from the row; they are written twice a second, not once per pack.
        while (!work.IsCompleted)
        {
            await Task.WhenAny(work, Task.Delay(ProgressEvery, ct));
            var done = built.Count;
            var failures = Volatile.Read(ref failed);
            await db.PackRuns.Where(r => r.Id == run.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.Done, done).SetProperty(r => r.Failed, failures), ct);
        }
        await work;

        try
        {
            await SaveBuiltAsync(run, content, built, failed, lastError, version, ct);
        }
        catch (DbUpdateException)
        {
            // A pack made on demand (or by a second run) between reading and saving: read again and save once more.
            db.ChangeTracker.Clear();
            run = await db.PackRuns.FirstAsync(r => r.Id == run.Id, ct);
            await SaveBuiltAsync(run, content, built, failed, lastError, version, ct);
        }
    }

    /// <summary>Records every pack built, emails those whose first pack it is, and closes the run, in one save.</summary>
    private async Task SaveBuiltAsync(PackRun run, PackContent content, IReadOnlyCollection<(PackAttendee Attendee, StoredFile File)> built, int failed,
        string? lastError, int? version, CancellationToken ct)
    {
        var existing = await db.AttendeePacks.Where(p => p.WorkshopId == run.WorkshopId).ToDictionaryAsync(p => p.RegistrationId, ct);
        var newcomers = built.Where(b => !existing.ContainsKey(b.Attendee.RegistrationId)).Select(b => b.Attendee.RegistrationId).ToList();
        var addresses = await db.Registrations.AsNoTracking().Where(r => newcomers.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Email, ct);
        // A pack made again after it was erased (its letter's nationality, say) is not news: its email went already.
        var references = newcomers.Select(id => id.ToString()).ToList();
        var told = (await db.OutboxMessages.AsNoTracking().Where(m => m.Kind == PackEmails.Ready.Key && references.Contains(m.Reference))
            .Select(m => m.Reference).ToListAsync(ct)).ToHashSet();
        // One reading of the organisers' wording per language for every email of the run.
        var wordings = new Dictionary<string, (string Subject, string Body)>();
        foreach (var language in built.Select(b => b.Attendee.Language).Distinct())
            using (Tr.Use(language)) wordings[language] = await mail.WordingAsync(PackEmails.Ready, ct);
        var now = clock.GetUtcNow();
        var messages = new List<OutboxMessage>();
        foreach (var (attendee, file) in built)
        {
            if (!existing.TryGetValue(attendee.RegistrationId, out var pack))
            {
                // Gone meanwhile (its registration deleted): nothing to record.
                if (!addresses.TryGetValue(attendee.RegistrationId, out var address)) continue;
                db.AttendeePacks.Add(pack = AttendeePack.For(attendee.RegistrationId, run.WorkshopId));
                var (subject, body) = wordings[attendee.Language];
                if (!told.Contains(attendee.RegistrationId.ToString())) messages.Add(ReadyEmail(content, attendee, address, subject, body));
            }
            pack.Built(file.Hash, file.Length, version, run.Id, now);
        }
        run.Finish(built.Count, failed, lastError, now);
        await db.SaveChangesAsync(ct);
        SiteMetrics.PacksBuilt.Add(built.Count);
        foreach (var message in messages) outbox.Kick(message);
    }

    private async Task<StoredFile> StoreAsync(byte[] pdf, CancellationToken ct)
    {
        using var stream = new MemoryStream(pdf, writable: false);
        return await store.PutAsync(stream, MaxPackBytes, ct);
    }

    private OutboxMessage ReadyEmail(PackContent content, PackAttendee attendee, string address, string subject, string body)
    {
        using var language = Tr.Use(attendee.Language);
        var w = content.Workshop;
        var email = mail.Render(subject, body, new PackReadyValues
        {
            Name = attendee.Name,
            WorkshopTitle = w.Title,
            WorkshopDates = Formats.DateRange(w.StartsLocal, w.EndsLocal),
            // The private address, as in every email to a participant: it opens their page without signing in.
            PackLink = $"{site.Origin}/registrations/link/{tokens.Token(attendee.RegistrationId)}",
        });
        return outbox.Queue(PackEmails.Ready.Key, attendee.RegistrationId.ToString(), address, attendee.Name, email);
    }
}
