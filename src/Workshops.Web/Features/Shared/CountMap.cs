using Workshops.Core.Domain.Common;
using Workshops.Core.Domain.Community.Map;

namespace Workshops.Web.Features.Shared;

/// <summary>
/// Counts by country on the world map, in three shades of one colour (1, 2 to 4, 5 or more): where past workshops were
/// held, where an event's attendees came from, where a workshop's registrants come from.
/// </summary>
public static class CountMap
{
    private static readonly (int From, string Fill)[] Shades = [(5, "#08519c"), (2, "#3182bd"), (1, "#6baed6")];

    /// <param name="label">What a country's count says to a screen reader: "Spain: 3 workshops".</param>
    /// <param name="link">Where a country leads, or null for no link.</param>
    public static string Svg(IEnumerable<(string Country, int Count)> counts, Func<string, int, string> label, Func<string, string?> link, string title, string id) =>
        WorldMap.Render(
            counts.Where(c => c.Count > 0 && WorldMap.Knows(c.Country))
                .Select(c => new MapCountry(c.Country, Shades.First(s => c.Count >= s.From).Fill, label(Countries.Name(c.Country), c.Count), link(c.Country))),
            [new(Shades[2].Fill, "1"), new(Shades[1].Fill, Tr.T("2 to 4")), new(Shades[0].Fill, Tr.T("5 or more"))],
            title, id);
}
