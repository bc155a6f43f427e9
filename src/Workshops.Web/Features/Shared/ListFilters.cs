namespace Workshops.Web.Features.Shared;

/// <summary>A list page's filters as route values and as a query string, so an action on the list comes back to the same list.</summary>
public static class ListFilters
{
    public static Dictionary<string, string> Route(params (string Key, string? Value)[] filters) =>
        filters.Where(f => !string.IsNullOrWhiteSpace(f.Value)).ToDictionary(f => f.Key, f => f.Value!);

    /// <summary>"?status=Admitted&amp;country=CO", or nothing when no filter is set.</summary>
    public static string Query(IReadOnlyDictionary<string, string> route) =>
        route.Count == 0 ? "" : "?" + string.Join("&", route.Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value)}"));
}
