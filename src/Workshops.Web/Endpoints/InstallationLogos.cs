using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using Workshops.Core.Data;
using Workshops.Core.Storage;

namespace Workshops.Web.Endpoints;

/// <summary>/community/{slug}/logo: an installation's logo. Its address carries the image's hash, so browsers keep it until it changes.</summary>
public static class InstallationLogos
{
    public static string Path(string slug, string hash) => $"/community/{slug}/logo?v={hash[..12]}";

    public static void MapInstallationLogos(this WebApplication app) =>
        app.MapGet("/community/{slug}/logo", async (string slug, HttpContext http, AppDbContext db, IFileStore store, CancellationToken ct) =>
        {
            var logo = await db.Installations.AsNoTracking().Where(i => i.Slug == slug && i.LogoHash != null)
                .Select(i => new { i.LogoHash, i.LogoContentType }).FirstOrDefaultAsync(ct);
            if (logo is null || store.OpenRead(logo.LogoHash!) is not { } stream) return Results.NotFound();
            http.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
            // Only PNG and JPEG are ever stored as logos; the type is said, never guessed by the browser.
            http.Response.Headers.XContentTypeOptions = "nosniff";
            return Results.Stream(stream, logo.LogoContentType!, entityTag: new EntityTagHeaderValue($"\"{logo.LogoHash}\""));
        });
}
