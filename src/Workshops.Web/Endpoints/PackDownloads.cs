using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using Workshops.Core.Data;
using Workshops.Core.Domain.Registrations;
using Workshops.Core.Domain.Packs;
using Workshops.Core.Storage;
using Workshops.Web.Features.Registrations;

namespace Workshops.Web.Endpoints;

/// <summary>
/// A participant's documents: the attendee pack, the invitation letter and the certificate of attendance. Each is
/// reached two ways: signed in (the participant or an organiser), or through the private link in the participant's
/// emails, which already shows the same check-in code the pack carries.
/// </summary>
public static class PackDownloads
{
    public static void MapPackDownloads(this WebApplication app)
    {
        foreach (var kind in new[] { "pack", "letter", "certificate" })
        {
            app.MapGet($"/registrations/{{id:guid}}/{kind}.pdf", async (Guid id, HttpContext http, RegistrationAccess access, CancellationToken ct) =>
                http.User.Identity?.IsAuthenticated != true ? Results.Challenge() : await SendAsync(kind, await access.ForAsync(id, http.User, ct), http, ct));
            app.MapGet($"/registrations/link/{{token}}/{kind}.pdf", async (string token, HttpContext http, RegistrationLinks links, RegistrationAccess access,
                CancellationToken ct) =>
            {
                http.Response.Headers["Referrer-Policy"] = "no-referrer"; // the address is the key
                return links.Read(token) is { } id ? await SendAsync(kind, await access.ForAsync(id, http.User, ct, viaLink: true), http, ct) : Results.NotFound();
            });
        }
    }

    private static async Task<IResult> SendAsync(string kind, RegistrationView? view, HttpContext http, CancellationToken ct)
    {
        if (view is null) return Results.NotFound();
        var services = http.RequestServices;
        var r = view.Registration;
        var slug = Core.Text.Slugs.From(r.Name);
        var name = $"{view.Workshop.Slug}-{kind}-{(slug.Length == 0 ? "participant" : slug)}.pdf";
        if (kind == "pack") return await PackAsync(view, http, name, services, ct);

        // Organisers may read a letter before approving it; the participant only once it is approved.
        var allowed = kind == "letter"
            ? r.WantsLetter && (r.LetterAvailable || view.IsOrganiser && RegistrationStatuses.HoldsSeat(r.Status))
            : view.CertificateReady;
        if (!allowed) return Results.NotFound();
        var content = await services.GetRequiredService<PackSource>().ContentAsync(view.Workshop.Id, ct, lettersOnly: true);
        if (content is null) return Results.NotFound();
        var pdf = kind == "letter" ? LetterDocuments.Invitation(content, r, view.TrackName) : LetterDocuments.Certificate(content, r, view.TrackName);
        return Results.File(pdf, "application/pdf", name);
    }

    private static async Task<IResult> PackAsync(RegistrationView view, HttpContext http, string name, IServiceProvider services, CancellationToken ct)
    {
        if (view.Pack is not { Available: true }) return Results.NotFound();
        var id = view.Registration.Id;
        var pack = await services.GetRequiredService<AppDbContext>().AttendeePacks.AsNoTracking().FirstOrDefaultAsync(p => p.RegistrationId == id, ct)
            // Admitted after the last run: made now, in a few milliseconds, rather than waiting for the next one.
            ?? await services.GetRequiredService<PackGenerator>().BuildOneAsync(view.Workshop.Id, id, ct);
        var stream = pack is null ? null : services.GetRequiredService<IFileStore>().OpenRead(pack.FileHash);
        if (pack is null || stream is null) return Results.NotFound();
        http.Response.Headers.CacheControl = "private, no-cache";
        return Results.Stream(stream, "application/pdf", name, pack.BuiltAt, new EntityTagHeaderValue($"\"{pack.FileHash}\""));
    }
}
