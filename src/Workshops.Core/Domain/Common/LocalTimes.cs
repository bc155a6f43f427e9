using Workshops.Core.Time;

namespace Workshops.Core.Domain.Common;

/// <summary>Turns what a person typed (a zone id, a wall-clock time) into instants, or says which field is wrong.</summary>
public static class LocalTimes
{
    public static TimeZoneInfo Zone(string id, string field) =>
        WorkshopTime.TryFindZone(id, out var zone) ? zone : throw new DomainException("Choose a time zone from the list, like Europe/Madrid.", field);

    /// <param name="what">"start", "opening"... as in "That start time does not exist".</param>
    public static DateTimeOffset ToUtc(DateTime local, TimeZoneInfo zone, string what, string field) =>
        WorkshopTime.ToUtc(local, zone)
        ?? throw new DomainException($"That {what} time does not exist in this time zone (the clocks change then).", field);
}
