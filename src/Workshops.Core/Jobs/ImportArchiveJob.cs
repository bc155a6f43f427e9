using Hangfire;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Domain.Archive.Import;
using Workshops.Core.Data;
using Workshops.Core.Domain.Archive;
using Workshops.Core.Storage;

namespace Workshops.Core.Jobs;

/// <summary>Runs an uploaded archive import; its progress and report go on the import's row for the admin page.</summary>
public sealed class ImportArchiveJob(AppDbContext db, IFileStore store, StaticSiteImporter importer, TimeProvider clock)
{
    // An import that failed half-way is safe to run again, but an admin should decide that after reading why.
    [AutomaticRetry(Attempts = 0)]
    public async Task Run(Guid importId, CancellationToken ct)
    {
        var import = await db.ArchiveImports.FirstOrDefaultAsync(i => i.Id == importId, ct);
        if (import is null || import.Status != ArchiveImportStatus.Queued) return;
        import.Start(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        try
        {
            await using var zip = store.OpenRead(import.FileHash) ?? throw new InvalidOperationException("The uploaded file is no longer in the store.");
            using var source = ImportSource.FromZip(zip);
            // Written straight to the row: the importer's own unit of work is left alone.
            var report = await importer.RunAsync(source, (done, total) => db.ArchiveImports.Where(i => i.Id == importId)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.Done, done).SetProperty(i => i.Total, total).SetProperty(i => i.ProgressAt, clock.GetUtcNow()), ct), ct);
            db.ChangeTracker.Clear();
            import = await db.ArchiveImports.FirstAsync(i => i.Id == importId, ct);
            var lines = report.Lines().ToList();
            import.Finish(lines[^1], string.Join('\n', lines), clock.GetUtcNow());
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            db.ChangeTracker.Clear();
            import = await db.ArchiveImports.FirstAsync(i => i.Id == importId, ct);
            import.Fail(e is System.IO.InvalidDataException ? "The upload is not a ZIP file that can be read." : "The import stopped: " + e.Message, clock.GetUtcNow());
        }
        await db.SaveChangesAsync(ct);
    }
}
