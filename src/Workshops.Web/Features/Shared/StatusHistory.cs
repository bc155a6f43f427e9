using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;

namespace Workshops.Web.Features.Shared;

public sealed record HistoryEntry(string From, string To, string By, DateTimeOffset At);

/// <summary>
/// A status history as its page shows it (the partial _History): <paramref name="When"/> writes a moment in the page's
/// own zone, and <paramref name="Created"/> names the first entry from the status it started in.
/// </summary>
/// <param name="Label">Each stored status in the words the rest of the site uses ("awaiting a decision", not "Submitted").</param>
public sealed record HistoryTable(string Caption, string WhenHeading, IReadOnlyList<HistoryEntry> Entries,
    Func<DateTimeOffset, string> When, Func<string, string> Created, Func<string, string>? Label = null)
{
    public string Words(string status) => Label?.Invoke(status) ?? status;

    /// <summary>The words of a status stored by its enum's name, or the name itself when it is not one.</summary>
    public static Func<string, string> Labels<T>(Func<T, string> label) where T : struct, Enum =>
        s => Enum.TryParse<T>(s, out var value) ? label(value) : s;
}

/// <summary>Every status change of one aggregate, oldest first, with the names of who made them.</summary>
public sealed class StatusHistory(AppDbContext db)
{
    public async Task<IReadOnlyList<HistoryEntry>> ForAsync(string entity, Guid id, CancellationToken ct)
    {
        var changes = await db.StatusChanges.AsNoTracking()
            .Where(s => s.Entity == entity && s.EntityId == id)
            .OrderBy(s => s.Id).ToListAsync(ct);
        var ids = changes.Select(c => c.ByUserId).OfType<string>().Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        return changes.Select(c => new HistoryEntry(c.From, c.To, c.ByUserId is null ? Tr.T("the site") : names.GetValueOrDefault(c.ByUserId, Tr.T("a removed account")), c.At)).ToList();
    }
}
