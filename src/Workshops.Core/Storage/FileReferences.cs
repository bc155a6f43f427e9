using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;
using Workshops.Core.Domain.Archive;

namespace Workshops.Core.Storage;

/// <summary>
/// Every row that refers to a stored file, in one place: a material's file and its earlier versions, an attendee's
/// pack, an installation's logo, a person's copy of their data until it expires, a travel receipt, and the ZIP of an import that has not finished (a failed one can run again). A new
/// kind of stored file must be added here, or the sweep removes it once its grace period is over.
/// </summary>
public sealed class FileReferences(AppDbContext db)
{
    public async Task<HashSet<string>> AllAsync(CancellationToken ct)
    {
        var all = new HashSet<string>(StringComparer.Ordinal);
        all.UnionWith(await db.Materials.Where(m => m.FileHash != null).Select(m => m.FileHash!).ToListAsync(ct));
        all.UnionWith(await db.MaterialFiles.Select(f => f.Hash).ToListAsync(ct));
        all.UnionWith(await db.AttendeePacks.Select(p => p.FileHash).ToListAsync(ct));
        all.UnionWith(await db.Installations.Where(i => i.LogoHash != null).Select(i => i.LogoHash!).ToListAsync(ct));
        all.UnionWith(await db.ArchiveImports.Where(i => i.Status != ArchiveImportStatus.Done).Select(i => i.FileHash).ToListAsync(ct));
        all.UnionWith(await db.DataExports.Where(e => e.FileHash != null).Select(e => e.FileHash!).ToListAsync(ct));
        all.UnionWith(await db.TravelReceipts.Select(r => r.FileHash).ToListAsync(ct));
        return all;
    }

    /// <summary>Asked again just before a file goes, for a row saved since the sweep read them all.</summary>
    public async Task<bool> AnyAsync(string hash, CancellationToken ct) =>
        await db.Materials.AnyAsync(m => m.FileHash == hash, ct) || await db.MaterialFiles.AnyAsync(f => f.Hash == hash, ct)
        || await db.AttendeePacks.AnyAsync(p => p.FileHash == hash, ct) || await db.Installations.AnyAsync(i => i.LogoHash == hash, ct)
        || await db.ArchiveImports.AnyAsync(i => i.FileHash == hash && i.Status != ArchiveImportStatus.Done, ct)
        || await db.DataExports.AnyAsync(e => e.FileHash == hash, ct) || await db.TravelReceipts.AnyAsync(r => r.FileHash == hash, ct);
}
