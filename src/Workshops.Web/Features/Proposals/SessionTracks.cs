using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;
using Workshops.Core.Domain.Proposals;

namespace Workshops.Web.Features.Proposals;

/// <summary>The names of the tracks a call for sessions offers, in the workshop's order.</summary>
public static class SessionTracks
{
    public static async Task<IReadOnlyDictionary<Guid, string>> NamesAsync(AppDbContext db, Call call, CancellationToken ct)
    {
        var names = new OrderedDictionary<Guid, string>();
        if (call.TrackIds.Count == 0) return names;
        var ids = call.TrackIds;
        var tracks = await db.Tracks.AsNoTracking().Where(t => ids.Contains(t.Id)).OrderBy(t => t.Position).Select(t => new { t.Id, t.Name }).ToListAsync(ct);
        foreach (var t in tracks) names.Add(t.Id, t.Name); // ordered, so the select lists them as the workshop does
        return names;
    }
}
