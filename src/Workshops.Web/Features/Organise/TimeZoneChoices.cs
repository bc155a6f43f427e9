using Microsoft.AspNetCore.Mvc.Rendering;
using Workshops.Core.Time;

namespace Workshops.Web.Features.Organise;

public static class TimeZoneChoices
{
    private static readonly Lazy<IReadOnlyList<string>> Ids = new(() => TimeZoneInfo.GetSystemTimeZones()
        .Select(z => z.Id)
        .Where(id => WorkshopTime.TryFindZone(id, out _))
        .Append("UTC")
        .Distinct()
        .Order(StringComparer.Ordinal)
        .ToList());

    public static IEnumerable<SelectListItem> For(string? selected, DateTimeOffset now) => Ids.Value.Select(id =>
    {
        var offset = Formats.Offset(WorkshopTime.ToLocal(now, WorkshopTime.Zone(id)));
        return new SelectListItem($"{Formats.Zone(id)} ({offset})", id, id == selected);
    });
}
