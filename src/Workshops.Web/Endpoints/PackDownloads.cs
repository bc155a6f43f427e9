using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using Workshops.Core.Data;
using Workshops.Core.Packs;
using Workshops.Core.Storage;
using Workshops.Web.Features.Registrations;

namespace Workshops.Web.Endpoints;

public static class PackDownloads
{
    public static void MapPackDownloads(this WebApplication app)
    {
        // The attendee (signed in) and organisers: the pack carries the check-in code, which is as good as a ticket.
        app.MapGet("/registrations/{id:guid}/pack.pdf", async (Guid id, HttpContext http, RegistrationAccess access, AppDbContext db, PackGenerator generator,
            IFileStore store, CancellationToken ct) =>
        {
            if (http.User.Identity?.IsAuthenticated != true) return Results.Challenge();
            return await SendAsync(await access.ForAsync(id, http.User, ct), http, db, generator, store, ct);
        });

        // Through the private link in the attendee's emails, which already shows the same check-in code.
        app.MapGet("/registrations/link/{token}/pack.pdf", async (string token, HttpContext http, RegistrationLinks links, RegistrationAccess access, AppDbContext db,
            PackGenerator generator, IFileStore store, CancellationToken ct) =>
        {
            http.Response.Headers["Referrer-Policy"] = "no-referrer";
            if (links.Read(token) is not { } id) return Results.NotFound();
            return await SendAsync(await access.ForAsync(id, http.User, ct, viaLink: true), http, db, generator, store, ct);
        });
    }

    private static async Task<IResult> SendAsync(RegistrationView? view, HttpContext http, AppDbContext db, PackGenerator generator, IFileStore store, CancellationToken ct)
    {
        if (view is null || view.Pack is not { Available: true }) return Results.NotFound();
        var id = view.Registration.Id;
        var pack = await db.AttendeePacks.AsNoTracking().FirstOrDefaultAsync(p => p.RegistrationId == id, ct)
            // Admitted after the last run: made now, in a few milliseconds, rather than waiting for the next one.
            ?? await generator.BuildOneAsync(view.Workshop.Id, id, ct);
        var stream = pack is null ? null : store.OpenRead(pack.FileHash);
        if (pack is null || stream is null) return Results.NotFound();
        http.Response.Headers.CacheControl = "private, no-cache";
        var slug = Core.Text.Slugs.From(view.Registration.Name);
        var name = $"{view.Workshop.Slug}-pack-{(slug.Length == 0 ? "attendee" : slug)}.pdf";
        return Results.Stream(stream, "application/pdf", name, pack.BuiltAt, new EntityTagHeaderValue($"\"{pack.FileHash}\""));
    }
}
