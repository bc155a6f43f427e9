using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using Workshops.Core.Data;
using Workshops.Core.Domain.Packs;
using Workshops.Core.Domain.Registrations;
using Workshops.Core.Packs;
using Workshops.Core.Storage;
using Workshops.Web.Features.Registrations;

namespace Workshops.Web.Endpoints;

public static class PackDownloads
{
    public static void MapPackDownloads(this WebApplication app) =>
        // Only the attendee (signed in) and organisers: the pack carries the check-in code, which is as good as a ticket.
        app.MapGet("/registrations/{id:guid}/pack.pdf", async (Guid id, HttpContext http, RegistrationAccess access, AppDbContext db, PackGenerator generator,
            IFileStore store, CancellationToken ct) =>
        {
            if (http.User.Identity?.IsAuthenticated != true) return Results.Challenge();
            var view = await access.ForAsync(id, http.User, ct);
            if (view is null || view.Pack is not { Available: true }) return Results.NotFound();
            var pack = await db.AttendeePacks.AsNoTracking().FirstOrDefaultAsync(p => p.RegistrationId == id, ct)
                // Admitted after the last run: made now, in a few milliseconds, rather than waiting for the next one.
                ?? await generator.BuildOneAsync(view.Workshop.Id, id, ct);
            var stream = pack is null ? null : store.OpenRead(pack.FileHash);
            if (pack is null || stream is null) return Results.NotFound();
            http.Response.Headers.CacheControl = "private, no-cache";
            var name = $"{view.Workshop.Slug}-pack-{Slug(view.Registration.Name)}.pdf";
            return Results.Stream(stream, "application/pdf", name, pack.BuiltAt, new EntityTagHeaderValue($"\"{pack.FileHash}\""));
        });

    private static string Slug(string name)
    {
        var slug = Core.Text.Slugs.From(name);
        return slug.Length == 0 ? "attendee" : slug;
    }
}
