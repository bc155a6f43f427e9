using Workshops.Core.Time;
using Workshops.Core.Localization;

namespace Workshops.Core.Domain.Common;

/// <summary>Turns what a person typed (a zone id, a wall-clock time) into instants, or says which field is wrong.</summary>
public static class LocalTimes
{
    public static TimeZoneInfo Zone(string id, string field) =>
        WorkshopTime.TryFindZone(id, out var zone) ? zone : throw new DomainException(Tr.T("Choose a time zone from the list, like Europe/Madrid."), field);

    /// <param name="what">"start", "opening"... as in "That start time does not exist".</param>
    public static DateTimeOffset ToUtc(DateTime local, TimeZoneInfo zone, string what, string field) =>
        WorkshopTime.ToUtc(local, zone)
        ?? throw new DomainException(Missing(what), field);

    // A sentence each, so every language words it whole.
    private static string Missing(string what) => what switch
    {
        "start" => Tr.T("That start time does not exist in this time zone (the clocks change then)."),
        "end" => Tr.T("That end time does not exist in this time zone (the clocks change then)."),
        "opening" => Tr.T("That opening time does not exist in this time zone (the clocks change then)."),
        "closing" => Tr.T("That closing time does not exist in this time zone (the clocks change then)."),
        _ => Tr.T("That {0} time does not exist in this time zone (the clocks change then).", what),
    };
}
