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

    /// <summary>The invitation letter (once approved) and the certificate (once checked in and the workshop is over), made when asked for.</summary>
    public static void MapLetterDownloads(this WebApplication app)
    {
        foreach (var kind in new[] { "letter", "certificate" })
        {
            app.MapGet($"/registrations/{{id:guid}}/{kind}.pdf", async (Guid id, HttpContext http, RegistrationAccess access, PackSource source, CancellationToken ct) =>
            {
                if (http.User.Identity?.IsAuthenticated != true) return Results.Challenge();
                return await LetterAsync(kind, await access.ForAsync(id, http.User, ct), source, ct);
            });
            app.MapGet($"/registrations/link/{{token}}/{kind}.pdf", async (string token, HttpContext http, RegistrationLinks links, RegistrationAccess access, PackSource source,
                CancellationToken ct) =>
            {
                http.Response.Headers["Referrer-Policy"] = "no-referrer";
                if (links.Read(token) is not { } id) return Results.NotFound();
                return await LetterAsync(kind, await access.ForAsync(id, http.User, ct, viaLink: true), source, ct);
            });
        }
    }

    private static async Task<IResult> LetterAsync(string kind, RegistrationView? view, PackSource source, CancellationToken ct)
    {
        if (view is null) return Results.NotFound();
        var r = view.Registration;
        // Organisers may read a letter before approving it; the participant only once it is approved.
        var allowed = kind == "letter"
            ? r.WantsLetter && (r.LetterAvailable || view.IsOrganiser && Core.Domain.Registrations.RegistrationStatuses.HoldsSeat(r.Status))
            : view.CertificateReady;
        if (!allowed) return Results.NotFound();
        var content = await source.ContentAsync(view.Workshop.Id, ct);
        if (content is null) return Results.NotFound();
        var pdf = kind == "letter" ? LetterDocuments.Invitation(content, r, view.TrackName) : LetterDocuments.Certificate(content, r, view.TrackName);
        var slug = Core.Text.Slugs.From(r.Name);
        return Results.File(pdf, "application/pdf", $"{view.Workshop.Slug}-{kind}-{(slug.Length == 0 ? "participant" : slug)}.pdf");
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
