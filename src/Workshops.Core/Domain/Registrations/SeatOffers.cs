namespace Workshops.Core.Domain.Registrations;

/// <summary>
/// Who gets a seat when the organisers offer the free ones to the waiting lists: track by track in the workshop's
/// order, each list in its own order, as long as the track and the workshop's total both have a seat left.
/// </summary>
public static class SeatOffers
{
    /// <summary>The people to admit, from each track's waiting list (already in order) and the seats each track holds.</summary>
    public static IReadOnlyList<T> Pick<T>(SeatPlan plan, IReadOnlyDictionary<Guid, int> takenByTrack, IReadOnlyDictionary<Guid, IReadOnlyList<T>> waitingByTrack)
    {
        var takenInAll = takenByTrack.Values.Sum();
        var picked = new List<T>();
        IEnumerable<Guid?> tracks = plan.Tracks.Count == 0 ? [null] : plan.Tracks.Select(t => (Guid?)t.Id);
        foreach (var track in tracks)
        {
            var key = track ?? Guid.Empty;
            if (!waitingByTrack.TryGetValue(key, out var waiting)) continue;
            var free = plan.FreeIn(track, takenByTrack.GetValueOrDefault(key), takenInAll);
            var offered = waiting.Take(free).ToList();
            picked.AddRange(offered);
            takenInAll += offered.Count;
        }
        return picked;
    }

    /// <summary>How many seats an offer would fill now, from counts alone.</summary>
    public static int Count(SeatPlan plan, IReadOnlyDictionary<Guid, int> takenByTrack, IReadOnlyDictionary<Guid, int> waitingByTrack)
    {
        var takenInAll = takenByTrack.Values.Sum();
        var offered = 0;
        IEnumerable<Guid?> tracks = plan.Tracks.Count == 0 ? [null] : plan.Tracks.Select(t => (Guid?)t.Id);
        foreach (var track in tracks)
        {
            var key = track ?? Guid.Empty;
            var here = Math.Min(waitingByTrack.GetValueOrDefault(key), plan.FreeIn(track, takenByTrack.GetValueOrDefault(key), takenInAll + offered));
            offered += here;
        }
        return offered;
    }
}
