using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Workshops.Core.Data;
using Workshops.Core.Storage;

namespace Workshops.Core.Jobs;

/// <summary>What a sweep of the file store did.</summary>
public sealed record FileSweepResult(int Kept, int Removed, long BytesFreed, int Temporary);

/// <summary>
/// Daily: removes stored files no row refers to any more (a pack rebuilt, a material's file replaced or deleted, an
/// import's ZIP once imported, a person's expired copy of their data), and what interrupted uploads left behind, each once its grace period is over. A file is
/// checked again just before it goes, and one stored again meanwhile is renewed, so nothing a row refers to is removed.
/// </summary>
public sealed class FileSweepJob(AppDbContext db, IFileStore store, FileReferences references, IOptions<StorageOptions> options, TimeProvider clock,
    ILogger<FileSweepJob> log)
{
    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    public async Task<FileSweepResult> Run(CancellationToken ct)
    {
        var before = clock.GetUtcNow().AddHours(-options.Value.SweepGraceHours);
        // A person's copy of their data is theirs for a few days; once it expires the row goes, and the file with it below.
        var now = clock.GetUtcNow();
        await db.DataExports.Where(e => e.ExpiresAt < now).ExecuteDeleteAsync(ct);
        var temporary = store.ClearTemporary(before);
        // Listed first, then the references read: a file stored after the listing is not a candidate at all.
        var old = store.List().Where(f => f.StoredAt < before).ToList();
        var referenced = await references.AllAsync(ct);
        var (removed, freed) = (0, 0L);
        foreach (var file in old.Where(f => !referenced.Contains(f.Hash)))
        {
            // Stored again, or referred to, since the listing: it stays.
            if (store.StoredAt(file.Hash) is not { } storedAt || storedAt >= before) continue;
            if (await references.AnyAsync(file.Hash, ct)) continue;
            if (!store.Delete(file.Hash)) continue;
            removed++;
            freed += file.Length;
            // The words read from it only served search for the file.
            await db.FileTexts.Where(t => t.Hash == file.Hash).ExecuteDeleteAsync(ct);
        }
        var result = new FileSweepResult(old.Count - removed, removed, freed, temporary);
        log.LogInformation("File sweep: {Removed} unreferenced files removed ({Bytes} bytes), {Temporary} temporary files, {Kept} older files kept",
            removed, freed, temporary, result.Kept);
        return result;
    }
}
