using Workshops.Core.Domain.Workshops;
using Workshops.Core.Localization;

namespace Workshops.Core.Domain.Registrations;

/// <summary>
/// How many people a workshop seats: each track's seats, held to the registration settings' total when one is set
/// and smaller. The one definition visitors, organisers and the seat counters share, so no two pages disagree.
/// </summary>
public sealed record SeatPlan(IReadOnlyList<TrackPlan> Tracks, int? Cap)
{
    public static SeatPlan For(Workshop workshop, int? totalSeats) =>
        new(workshop.Tracks.OrderBy(t => t.Position).Select(t => new TrackPlan(t.Id, t.Name, t.Capacity)).ToList(), totalSeats);

    public int TrackSum => Tracks.Sum(t => t.Capacity);

    /// <summary>A workshop without tracks and without a total takes everyone.</summary>
    public bool IsUnlimited => Tracks.Count == 0 && Cap is null;

    /// <summary>The most people who can hold a seat at once (int.MaxValue when unlimited).</summary>
    public int Total => Tracks.Count == 0 ? Cap ?? int.MaxValue : Cap is { } cap ? Math.Min(cap, TrackSum) : TrackSum;

    /// <summary>Whether the total, not the tracks, is what runs out first.</summary>
    public bool IsCapped => Tracks.Count > 0 && Cap is { } cap && cap < TrackSum;

    /// <summary>Said the same on the public page, the organisers' pages and the fact sheet.</summary>
    public string Describe()
    {
        if (IsUnlimited) return Tr.T("No seat limit");
        var seats = Tr.N(Total, "{0} seat", "{0:N0} seats");
        if (Tracks.Count <= 1) return seats;
        var each = string.Join(", ", Tracks.Select(t => IsCapped ? Tr.T("{0} up to {1:N0}", t.Name, t.Capacity) : $"{t.Name} {t.Capacity:N0}"));
        return IsCapped ? Tr.T("{0} in all ({1})", seats, each) : $"{seats} ({each})";
    }

    /// <summary>Seats still free in a track (or, without tracks, in the workshop): never more than the total leaves.</summary>
    public int FreeIn(Guid? trackId, int takenInTrack, int takenInAll)
    {
        var left = Total == int.MaxValue ? int.MaxValue : Math.Max(0, Total - takenInAll);
        if (trackId is null) return Tracks.Count == 0 ? left : 0;
        var track = Tracks.FirstOrDefault(t => t.Id == trackId);
        return track is null ? 0 : Math.Max(0, Math.Min(track.Capacity - takenInTrack, left));
    }
}

public sealed record TrackPlan(Guid Id, string Name, int Capacity);
