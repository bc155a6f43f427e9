namespace Workshops.Core.Time;

/// <summary>Conversions between UTC instants and a workshop's own wall-clock time.</summary>
public static class WorkshopTime
{
    public static bool TryFindZone(string? id, out TimeZoneInfo zone)
    {
        zone = TimeZoneInfo.Utc;
        if (string.IsNullOrWhiteSpace(id)) return false;
        // Windows ids would also resolve on Linux; only IANA ids (Area/City, or UTC) are stored so every feed agrees.
        if (!id.Contains('/') && id != "UTC") return false;
        return TimeZoneInfo.TryFindSystemTimeZoneById(id, out zone!);
    }

    /// <summary>The zone by its id, or UTC where there is none (an announcement to the whole community).</summary>
    public static TimeZoneInfo ZoneOrUtc(string? id) => TryFindZone(id, out var zone) ? zone : TimeZoneInfo.Utc;

    public static TimeZoneInfo Zone(string id) =>
        TryFindZone(id, out var zone) ? zone : throw new ArgumentException($"Unknown time zone '{id}'.", nameof(id));

    /// <summary>Wall-clock time in the zone to a UTC instant; null when the clock skips that time (a DST gap).</summary>
    public static DateTimeOffset? ToUtc(DateTime local, TimeZoneInfo zone)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(unspecified)) return null;
        var utc = TimeZoneInfo.ConvertTimeToUtc(unspecified, zone);
        return new DateTimeOffset(utc, TimeSpan.Zero);
    }

    public static DateTimeOffset ToLocal(DateTimeOffset instant, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(instant, zone);
}
