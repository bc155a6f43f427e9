using Workshops.Core.Text;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;
using Workshops.Core.Domain.Agenda;
using Workshops.Core.Domain.Archive;
using Workshops.Core.Domain.Materials;
using Workshops.Core.Domain.Workshops;

namespace Workshops.Core.Domain.Archive;

/// <summary>
/// Keeps the archive's search rows in step with what they describe. The rows are derived, so each workshop or event
/// is rewritten whole after any change to it, its agenda or its materials, in one transaction.
/// </summary>
public sealed class ArchiveIndex(AppDbContext db)
{
    public async Task RebuildWorkshopAsync(Guid workshopId, CancellationToken ct)
    {
        var workshop = await db.Workshops.AsNoTracking().FirstOrDefaultAsync(w => w.Id == workshopId, ct);
        var docs = workshop is { IsPublic: true } ? await WorkshopDocumentsAsync(workshop, ct) : [];
        await ReplaceAsync(SearchDocument.WorkshopScope(workshopId), docs, ct);
    }

    public async Task RebuildEventAsync(Guid eventId, CancellationToken ct)
    {
        var e = await db.ArchivedEvents.AsNoTracking().FirstOrDefaultAsync(x => x.Id == eventId, ct);
        var docs = e is null ? [] : await EventDocumentsAsync(e, ct);
        await ReplaceAsync(SearchDocument.EventScope(eventId), docs, ct);
    }

    /// <summary>Rebuilds whatever holds a material with this file, once its text is known.</summary>
    public async Task RebuildHoldersOfAsync(string hash, CancellationToken ct)
    {
        var holders = await db.Materials.Where(m => m.FileHash == hash).Select(m => new { m.WorkshopId, m.ArchivedEventId }).Distinct().ToListAsync(ct);
        foreach (var h in holders)
        {
            if (h.WorkshopId is { } w) await RebuildWorkshopAsync(w, ct);
            if (h.ArchivedEventId is { } e) await RebuildEventAsync(e, ct);
        }
    }

    private async Task ReplaceAsync(string scope, List<SearchDocument> docs, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Two rebuilds of one scope at once (an upload and its text job) would each miss the other's new rows under
        // PostgreSQL's read committed: they take turns. SQLite's writers already do.
        if (db.Database.IsNpgsql()) await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtext({scope}))", ct);
        await db.SearchDocuments.Where(d => d.Scope == scope).ExecuteDeleteAsync(ct);
        foreach (var d in docs)
        {
            d.Scope = scope;
            // The columns are bounded; a long session title with a long workshop title must not fail the save.
            (d.Title, d.Speakers, d.Context) = (Cut(d.Title, 300)!, Cut(d.Speakers, 1000), Cut(d.Context, 300));
        }
        db.SearchDocuments.AddRange(docs);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        foreach (var d in docs) db.Entry(d).State = EntityState.Detached;
    }

    private async Task<List<SearchDocument>> WorkshopDocumentsAsync(Workshop w, CancellationToken ct)
    {
        var docs = new List<SearchDocument>
        {
            new()
            {
                Kind = SearchKind.Event, Title = w.Title.Default,
                // Every language's words are found: the other titles and every description are searched too.
                Body = Join([.. w.Title.Values.Skip(1).Select(v => v.Value), .. (w.Description?.Values ?? []).Select(v => MarkdownText.ToPlainText(v.Value))], "\n"),
                Url = $"/workshops/{w.Slug}", Year = w.Year, StartsLocal = SearchDocument.Local(w.StartsLocal.DateTime),
                EventType = ArchivedEventType.Workshop, Country = w.Country, Visibility = MaterialVisibility.Public, WorkshopId = w.Id,
            },
        };
        var snapshot = await db.AgendaVersions.Where(v => v.WorkshopId == w.Id).OrderByDescending(v => v.Number).Select(v => v.Snapshot).FirstOrDefaultAsync(ct);
        var sessions = snapshot is null ? [] : AgendaSnapshot.FromJson(snapshot).Items.Where(i => i.Type.HasSpeakers()).ToList();
        docs.AddRange(sessions.Select(i => new SearchDocument
        {
            Kind = SearchKind.Session, Title = i.Title, Speakers = Join(i.Speakers.Select(s => s.Name)), Body = MarkdownText.ToPlainText(i.Description),
            Url = $"/workshops/{w.Slug}/agenda/{i.Id}", Context = w.Title.Default, Year = w.Year, EventType = ArchivedEventType.Workshop,
            StartsLocal = SearchDocument.Local(TimeZoneInfo.ConvertTime(i.StartsAt, w.Zone).DateTime),
            Country = w.Country, Visibility = MaterialVisibility.Public, WorkshopId = w.Id,
        }));
        var titles = sessions.ToDictionary(i => i.Id, i => i.Title);
        var materials = await db.Materials.AsNoTracking().Where(m => m.WorkshopId == w.Id).ToListAsync(ct);
        docs.AddRange(await MaterialDocumentsAsync(materials, m => $"/workshops/{w.Slug}/materials#material-{m.Id}",
            m => m.AgendaItemId is { } s && titles.TryGetValue(s, out var t) ? $"{t} · {w.Title.Default}" : w.Title.Default,
            w.Year, ArchivedEventType.Workshop, w.Country, w.Id, ct));
        return docs;
    }

    private async Task<List<SearchDocument>> EventDocumentsAsync(ArchivedEvent e, CancellationToken ct)
    {
        var docs = new List<SearchDocument>
        {
            new()
            {
                Kind = SearchKind.Event, Title = e.Title, Body = Join([MarkdownText.ToPlainText(e.Description), e.City, e.Venue], "\n"), Url = $"/archive/{e.Slug}", Year = e.Year,
                StartsLocal = SearchDocument.Local(e.StartsOn?.ToDateTime(TimeOnly.MinValue)),
                EventType = e.Type, Country = e.Country, Visibility = MaterialVisibility.Public,
            },
        };
        var materials = await db.Materials.AsNoTracking().Where(m => m.ArchivedEventId == e.Id).ToListAsync(ct);
        docs.AddRange(await MaterialDocumentsAsync(materials, m => $"/archive/{e.Slug}#material-{m.Id}", _ => e.Title, e.Year, e.Type, e.Country, null, ct));
        return docs;
    }

    private async Task<IEnumerable<SearchDocument>> MaterialDocumentsAsync(List<Material> materials, Func<Material, string> url, Func<Material, string> context,
        int? year, ArchivedEventType type, string? country, Guid? workshopId, CancellationToken ct)
    {
        var hashes = materials.Where(m => m.FileHash is not null).Select(m => m.FileHash!).Distinct().ToList();
        var texts = hashes.Count == 0 ? [] : await db.FileTexts.Where(t => hashes.Contains(t.Hash)).ToDictionaryAsync(t => t.Hash, t => t.Text, ct);
        return materials.Select(m => new SearchDocument
        {
            Kind = SearchKind.Material, Title = m.Title, Speakers = m.Speakers,
            Body = m.FileHash is { } h && texts.TryGetValue(h, out var text) ? text : null,
            Url = url(m), Context = context(m), Year = year, EventType = type, Country = country, MaterialType = m.Type,
            Visibility = m.Visibility, WorkshopId = workshopId, MaterialId = m.FileHash is null ? null : m.Id,
        });
    }

    private static string? Cut(string? s, int max) => s is null || s.Length <= max ? s : s[..(max - 1)] + "…";

    private static string? Join(IEnumerable<string?> parts, string separator = ", ")
    {
        var s = string.Join(separator, parts.Where(p => !string.IsNullOrWhiteSpace(p)));
        return s.Length == 0 ? null : s;
    }
}
