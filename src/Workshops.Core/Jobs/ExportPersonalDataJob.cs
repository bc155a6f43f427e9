using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Workshops.Core.Data;
using Workshops.Core.Email;
using Workshops.Core.Localization;
using Workshops.Core.Privacy;
using Workshops.Core.Storage;

namespace Workshops.Core.Jobs;

/// <summary>
/// Builds a person's copy of their data part by part, counting each on the export's row for their account page, then
/// stores the ZIP and emails them the link to it. Written in the person's language, like their other emails.
/// </summary>
public sealed class ExportPersonalDataJob(AppDbContext db, PersonalRecord record, IFileStore store, Outbox outbox, SiteAddress address,
    IOptions<SiteOptions> site, TimeProvider clock)
{
    public const string ReadyKind = "account.data-ready";

    /// <summary>A copy larger than this is refused rather than filling the disk; a person's data is a few hundred kilobytes.</summary>
    private const long MaxBytes = 200L * 1024 * 1024;

    [AutomaticRetry(Attempts = 1)]
    public async Task Run(Guid exportId, CancellationToken ct)
    {
        var export = await db.DataExports.FirstOrDefaultAsync(e => e.Id == exportId, ct);
        if (export is null || export.Status is DataExportStatus.Ready) return;
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == export.UserId, ct);
        if (user is null) return;
        export.Start(ExportPlan.Parts.Count + 1);
        await db.SaveChangesAsync(ct);
        try
        {
            using var language = Tr.Use(user.Language);
            var subject = await record.SubjectAsync(user.Id, ct);
            var sections = new List<ExportSection>();
            foreach (var part in ExportPlan.Parts)
            {
                sections.Add(await record.ReadAsync(part, subject, ct));
                export.Progress(sections.Count);
                await db.SaveChangesAsync(ct);
            }
            using var zip = new MemoryStream();
            var now = clock.GetUtcNow();
            ExportFile.Write(zip, site.Value.Name, user.DisplayName, now, sections);
            zip.Position = 0;
            var stored = await store.PutAsync(zip, MaxBytes, ct);
            export.Finish(stored.Hash, stored.Length, clock.GetUtcNow());
            var email = new DataExportReadyEmail(user.DisplayName, address.Absolute("/account/data"),
                export.ExpiresAt.UtcDateTime.ToString("D", System.Globalization.CultureInfo.CurrentCulture));
            var message = outbox.Queue(ReadyKind, export.Id.ToString(), user.Email!, user.DisplayName, email);
            await db.SaveChangesAsync(ct);
            outbox.Kick(message);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            db.ChangeTracker.Clear();
            export = await db.DataExports.FirstAsync(x => x.Id == exportId, ct);
            export.Fail(clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
            throw;
        }
    }
}
