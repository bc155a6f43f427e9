using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Workshops.Core.Data;
using Workshops.Core.Domain.Archive;
using Workshops.Core.Domain.Materials;
using Workshops.Core.Jobs;
using Workshops.Core.Storage;

namespace Workshops.Web.Features.Admin;

/// <summary>Imports of the old website into the archive: each upload is stored, then a job reads it while its page shows how far it is.</summary>
public sealed class ArchiveDesk(AppDbContext db, IFileStore store, IOptions<StorageOptions> storage, IBackgroundJobClient jobs, TimeProvider clock)
{
    public async Task<EditResult> StartAsync(IFormFile? upload, string userId, CancellationToken ct)
    {
        if (upload is null || upload.Length == 0) return EditResult.Fail(null, Tr.T("Choose the ZIP of the site's folder."));
        if (!upload.FileName.EndsWith(".zip", StringComparison.OrdinalIgnoreCase)) return EditResult.Fail(null, Tr.T("The upload must be a ZIP (.zip) of the site's folder."));
        StoredFile stored;
        try
        {
            await using var content = upload.OpenReadStream();
            (stored, _) = await FileIntake.StoreAsync(store, content, upload.FileName, storage.Value.MaxUploadBytes, ct);
        }
        catch (UnacceptedFileException)
        {
            return EditResult.Fail(null, Tr.T("That file is not a ZIP archive."));
        }
        catch (FileTooLargeException e)
        {
            return EditResult.Fail(null, e.Message) with { TooLarge = true };
        }
        return await QueueAsync(ArchiveImport.Queue(stored.Hash, SafeFileName.From(upload.FileName), userId, clock.GetUtcNow()), ct);
    }

    /// <summary>An import as it stands; one left "Running" by a process that was killed or restarted is marked failed, so it can run again.</summary>
    public async Task<ArchiveImport?> FindAsync(Guid id, CancellationToken ct)
    {
        var import = await db.ArchiveImports.FirstOrDefaultAsync(i => i.Id == id, ct);
        if (import is null || !import.IsLost(clock.GetUtcNow())) return import;
        import.Fail(Tr.T("The import stopped reporting for more than {0:0} minutes (the site was restarted or stopped): run it again.", ArchiveImport.LostAfter.TotalMinutes), clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return import;
    }

    /// <summary>Runs a failed (or lost) import again from the same upload; refused for one that did not fail.</summary>
    public async Task<EditResult> AgainAsync(Guid id, string userId, CancellationToken ct)
    {
        var import = await db.ArchiveImports.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct);
        if (import is null) return EditResult.Fail(null, Tr.T("This import does not exist."));
        if (import.Status != ArchiveImportStatus.Failed && !import.IsLost(clock.GetUtcNow())) return EditResult.Fail(null, Tr.T("This import has not failed: nothing to run again."));
        return await QueueAsync(import.Again(userId, clock.GetUtcNow()), ct);
    }

    private async Task<EditResult> QueueAsync(ArchiveImport import, CancellationToken ct)
    {
        db.ArchiveImports.Add(import);
        await db.SaveChangesAsync(ct);
        jobs.Enqueue<ImportArchiveJob>(j => j.Run(import.Id, CancellationToken.None));
        return EditResult.Ok(import.Id);
    }
}
