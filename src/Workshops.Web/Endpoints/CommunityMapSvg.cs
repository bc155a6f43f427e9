using Microsoft.EntityFrameworkCore;
using Workshops.Core;
using Workshops.Core.Data;
using Workshops.Web.Features.Community;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Endpoints;

/// <summary>/community/map.svg: the registry's map as an image of its own, for other sites to embed; its links say the whole address.</summary>
public static class CommunityMapSvg
{
    public const string Path = "/community/map.svg";

    public static void MapCommunityMap(this WebApplication app) =>
        app.MapGet(Path, async (AppDbContext db, SiteAddress address, HttpContext http, CancellationToken ct) =>
        {
            var rows = CommunityMap.Rows(await db.Installations.AsNoTracking().ToListAsync(ct));
            // Other sites may show it: it is an image, not a page to frame.
            http.Response.Headers.AccessControlAllowOrigin = "*";
            return Results.Text(CommunityMap.Svg(rows, address.Origin, standalone: true, id: null), "image/svg+xml; charset=utf-8");
        }).CacheOutput(PublicPageCache.Policy);
}
