using Microsoft.AspNetCore.Routing.Patterns;

namespace Workshops.Web.Features.SitePages;

/// <summary>
/// The first parts of addresses the site itself answers (/calls, /archive, /css…), which a site page may not take:
/// read from the routes and the static files, so a feature added later is protected without a list to keep.
/// </summary>
public sealed class ReservedAddresses(EndpointDataSource endpoints, IWebHostEnvironment environment)
{
    private HashSet<string>? _taken;

    public bool IsReserved(string slug) => (_taken ??= Read()).Contains(slug);

    private HashSet<string> Read()
    {
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var endpoint in endpoints.Endpoints.OfType<RouteEndpoint>())
        {
            var first = endpoint.RoutePattern.PathSegments.FirstOrDefault();
            if (first?.Parts is [RoutePatternLiteralPart literal]) taken.Add(literal.Content);
        }
        foreach (var entry in environment.WebRootFileProvider.GetDirectoryContents(""))
            taken.Add(Path.GetFileNameWithoutExtension(entry.Name));
        return taken;
    }
}
