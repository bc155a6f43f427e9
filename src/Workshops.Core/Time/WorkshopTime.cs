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

    /// <summary>How a zone is named beside a time: its IANA id, or "UTC".</summary>
    public static string ZoneName(TimeZoneInfo zone) => zone == TimeZoneInfo.Utc ? "UTC" : zone.Id;

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

    /// <summary>"UTC+02:00" for the offset in force at that instant.</summary>
    public static string OffsetLabel(DateTimeOffset local)
    {
        var o = local.Offset;
        var sign = o < TimeSpan.Zero ? "-" : "+";
        return $"UTC{sign}{o.Duration():hh\\:mm}";
    }

    /// <summary>"Mon 12 – Fri 16 October 2026" style range for dates in the workshop's zone.</summary>
    public static string DateRange(DateTimeOffset startLocal, DateTimeOffset endLocal)
    {
        var culture = System.Globalization.CultureInfo.InvariantCulture;
        var s = startLocal.Date;
        var e = endLocal.Date;
        if (s == e) return s.ToString("dddd d MMMM yyyy", culture);
        if (s.Year == e.Year && s.Month == e.Month)
            return $"{s.ToString("ddd d", culture)} – {e.ToString("ddd d MMMM yyyy", culture)}";
        if (s.Year == e.Year)
            return $"{s.ToString("ddd d MMMM", culture)} – {e.ToString("ddd d MMMM yyyy", culture)}";
        return $"{s.ToString("ddd d MMMM yyyy", culture)} – {e.ToString("ddd d MMMM yyyy", culture)}";
    }
}
