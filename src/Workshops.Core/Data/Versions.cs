using Microsoft.EntityFrameworkCore;

namespace Workshops.Core.Data;

/// <summary>
/// Optimistic concurrency for what two organisers may edit at once. A form carries the version (UpdatedAt, as UTC
/// ticks) it was drawn from; the save then succeeds only if the row still has it, and a second save from the same
/// stale form fails instead of silently overwriting the first.
/// </summary>
public static class Versions
{
    public const string Property = "UpdatedAt";

    public static long Of(DateTimeOffset updatedAt) => updatedAt.UtcTicks;

    /// <summary>Tells EF that the row must still be at <paramref name="version"/> when it is saved; no version, no check.</summary>
    public static void Expect<T>(this AppDbContext db, T entity, long? version) where T : class
    {
        if (version is { } ticks) db.Entry(entity).Property(Property).OriginalValue = new DateTimeOffset(ticks, TimeSpan.Zero);
    }

    /// <summary>Saves, or answers false when someone else saved the row since the form was drawn (and forgets this attempt).</summary>
    public static async Task<bool> TrySaveAsync(this AppDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

    /// <summary>The refusal of a stale form; <paramref name="what"/> is already in the reader's language ("the pack settings").</summary>
    public static string Conflict(string what) =>
        Localization.Tr.T("Someone else saved {0} while you were editing it. Your changes are below but not saved: check them against the current version and save again.", what);
}
