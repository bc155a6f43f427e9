using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;
using Workshops.Core.Privacy;

namespace Workshops.Web.Features.Organise.Data;

/// <summary>Who did each erasure, by name, as the log promises: an organiser, or the retention job.</summary>
public sealed record ErasedBy(IReadOnlyDictionary<string, string> Names)
{
    public static async Task<ErasedBy> OfAsync(AppDbContext db, IEnumerable<ErasureRecord> records, CancellationToken ct)
    {
        var ids = records.Where(r => !string.IsNullOrEmpty(r.ByUserId)).Select(r => r.ByUserId!).Distinct().ToList();
        return new ErasedBy(await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct));
    }

    /// <summary>The organiser's name; null for the job, or for an organiser whose account is gone.</summary>
    public string? Name(ErasureRecord record) => record.ByUserId is { Length: > 0 } id ? Names.GetValueOrDefault(id) : null;
}
