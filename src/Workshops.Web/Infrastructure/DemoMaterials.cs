using Microsoft.EntityFrameworkCore;
using Workshops.Core.Domain.Archive;
using Workshops.Core.Data;
using Workshops.Core.Domain.Agenda;
using Workshops.Core.Domain.Materials;
using Workshops.Core.Domain.Workshops;
using Workshops.Core.Pdf;
using Workshops.Core.Storage;
using Workshops.Core.Text;

namespace Workshops.Web.Infrastructure;

/// <summary>
/// Slides (generated PDFs with real words inside), a recording link and participants' exercises for the past demo
/// workshops' sessions, so the archive and its search work on a fresh demo. Running it again adds nothing.
/// </summary>
public sealed class DemoMaterials(AppDbContext db, IFileStore store, FileTextReader texts, TimeProvider clock)
{
    public async Task<int> SeedAsync(Workshop workshop, CancellationToken ct)
    {
        if (workshop.EndsAt >= clock.GetUtcNow() || await db.Materials.AnyAsync(m => m.WorkshopId == workshop.Id, ct)) return 0;
        var now = clock.GetUtcNow();
        var sessions = (await db.AgendaItems.AsNoTracking().Where(i => i.WorkshopId == workshop.Id && i.StartsAt != null).ToListAsync(ct))
            .Where(i => i.Type is AgendaItemType.Session or AgendaItemType.Keynote).OrderBy(i => i.StartsAt).Take(8).ToList();
        var hashes = new List<string>();
        foreach (var s in sessions)
        {
            var speakers = string.Join(", ", s.Speakers.OrderBy(x => x.Position).Select(x => x.Name));
            var pdf = new PdfDocumentBuilder(s.Title, speakers)
                .Heading(s.Title).Paragraph(speakers + " · " + workshop.Title)
                .Paragraph(s.Description ?? "")
                .Paragraph($"These slides were shown in {workshop.City}. They cover what the node learned about {s.Title.ToLowerInvariant()}, " +
                    "the steps that worked, and the questions still open for the next workshop.")
                .ToBytes();
            var (stored, kind) = await FileIntake.StoreAsync(store, new MemoryStream(pdf), Slug(s.Title) + ".pdf", long.MaxValue, ct);
            var material = Material.ForWorkshop(workshop.Id, s.Id, new MaterialDetails(s.Title, MaterialType.Slides, speakers, MaterialVisibility.Public), null, now);
            material.AttachFile(stored.Hash, stored.Length, Slug(s.Title) + ".pdf", kind.ContentType, null, now);
            db.Materials.Add(material);
            hashes.Add(stored.Hash);
        }
        if (sessions.Count > 0)
        {
            db.Materials.Add(Material.ForWorkshop(workshop.Id, sessions[0].Id,
                new MaterialDetails("Recording of the keynote", MaterialType.Recording, null, MaterialVisibility.Public, "https://www.youtube.com/@gbif"), null, now));
            var exercises = System.Text.Encoding.UTF8.GetBytes($"Hands-on exercises, {workshop.Title}\n\n1. Load a dataset into the biocache.\n2. Index it and search it.\n");
            var (file, textKind) = await FileIntake.StoreAsync(store, new MemoryStream(exercises), "exercises.txt", long.MaxValue, ct);
            var material = Material.ForWorkshop(workshop.Id, null, new MaterialDetails("Hands-on exercises", MaterialType.Other, null, MaterialVisibility.Participants), null, now);
            material.AttachFile(file.Hash, file.Length, "exercises.txt", textKind.ContentType, null, now);
            db.Materials.Add(material);
        }
        await db.SaveChangesAsync(ct);
        // The seeder re-indexes each demo workshop once everything is in.
        foreach (var hash in hashes) await texts.ReadAsync(hash, ct);
        return sessions.Count == 0 ? 0 : sessions.Count + 2;
    }

    private static string Slug(string title) => Slugs.From(title) is { Length: > 0 } s ? s : "slides";
}
