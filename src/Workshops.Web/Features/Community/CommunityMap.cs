using Workshops.Core.Domain.Common;
using Workshops.Core.Domain.Community;
using Workshops.Core.Domain.Community.Map;

namespace Workshops.Web.Features.Community;

/// <summary>A country of the registry's map and table: its installations and the best status among them.</summary>
public sealed record MapRow(string Country, InstallationStatus Best, IReadOnlyList<Installation> Installations);

/// <summary>The registry on the world map: each country with an installation coloured by its best status, linked to its list.</summary>
public static class CommunityMap
{
    /// <summary>The same colours as the status badges and the chart (site.css).</summary>
    public static string Colour(InstallationStatus status) => status switch
    {
        InstallationStatus.Live => "#2f6f4e",
        InstallationStatus.Degraded => "#b86e00",
        InstallationStatus.InDevelopment => "#2b6cb0",
        InstallationStatus.InDiscussion => "#7b5ea7",
        _ => "#7a817d",
    };

    /// <summary>How many there are of each status, leaving out the statuses nobody has.</summary>
    public static IReadOnlyList<(InstallationStatus Status, int Count)> ByStatus(IEnumerable<Installation> installations) =>
        installations.GroupBy(i => i.Status).OrderBy(g => g.Key).Select(g => (g.Key, g.Count())).ToList();

    public static IReadOnlyList<MapRow> Rows(IEnumerable<Installation> installations) => installations
        .Where(i => i.Country is not null)
        .GroupBy(i => i.Country!)
        .Select(g => new MapRow(g.Key, g.Min(i => i.Status), g.OrderBy(i => i.Status).ThenBy(i => i.Name, StringComparer.CurrentCulture).ToList()))
        .OrderBy(r => Countries.Name(r.Country), StringComparer.CurrentCulture)
        .ToList();

    /// <param name="origin">For map.svg, shown on other sites: links then say the whole address.</param>
    public static string Svg(IReadOnlyList<MapRow> rows, string origin = "", bool standalone = false, string? id = "community-map")
    {
        var countries = rows.Where(r => WorldMap.Knows(r.Country)).Select(r => new MapCountry(r.Country, Colour(r.Best),
            Tr.N(r.Installations.Count, "{1}: {0} installation ({2})", "{1}: {0} installations ({2})", Countries.Name(r.Country),
                string.Join("; ", r.Installations.Select(i => $"{i.Name}, {i.Status.Label().ToLowerInvariant()}"))),
            $"{origin}/community?country={r.Country}"));
        var key = InstallationStatuses.All.Select(s => new MapKey(Colour(s), s.Label())).ToList();
        return WorldMap.Render(countries, key, Tr.T("Countries with an installation, coloured by their best status"), id, standalone);
    }
}
