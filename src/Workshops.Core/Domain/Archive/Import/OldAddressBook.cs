using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;
using Workshops.Core.Domain.Community;

namespace Workshops.Core.Domain.Archive.Import;

/// <summary>Where an import writes down the old site's addresses and their new homes (saved with the item they belong to).</summary>
public sealed class OldAddressBook(AppDbContext db, TimeProvider clock)
{
    /// <summary>Points an old address at its new home; true when that changed anything.</summary>
    /// <param name="keep">An address that leads somewhere already keeps its target (a file several events link to).</param>
    public async Task<bool> PointAsync(string oldPath, string target, CancellationToken ct, bool keep = false)
    {
        var path = OldAddress.Normalise(oldPath);
        if (path == OldAddress.Normalise(target) || path.Length > OldAddress.MaxPath) return false;
        var existing = db.OldAddresses.Local.FirstOrDefault(a => a.Path == path) ?? await db.OldAddresses.FirstOrDefaultAsync(a => a.Path == path, ct);
        if (existing is null)
        {
            db.OldAddresses.Add(OldAddress.Create(path, target, clock.GetUtcNow()));
            return true;
        }
        return !keep && existing.PointTo(target, clock.GetUtcNow());
    }
}
