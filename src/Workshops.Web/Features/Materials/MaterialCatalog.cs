using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;
using Workshops.Core.Domain.Materials;
using Workshops.Core.Domain.Workshops;
using Workshops.Web.Features.AgendaPages;

namespace Workshops.Web.Features.Materials;

/// <summary>A session (or the workshop itself) with the materials the viewer may see.</summary>
public sealed record MaterialSession(Guid? ItemId, string Title, string? Time, string? Speakers, IReadOnlyList<Material> Materials);

/// <summary>A heading of the materials page and of the ZIP: the workshop's own materials, a day, or sessions not on the agenda.</summary>
public sealed record MaterialSection(string Heading, string Folder, IReadOnlyList<MaterialSession> Sessions);

/// <summary>
/// A workshop's materials as its materials page and its ZIP show them: the workshop's own first, then day by day and
/// session by session in agenda order, then sessions not on the published agenda. Only what the viewer may see.
/// </summary>
public sealed class MaterialCatalog(AppDbContext db, PublishedAgendas agendas)
{
    public async Task<IReadOnlyList<MaterialSection>> ForWorkshopAsync(Workshop workshop, MaterialViewer viewer, CancellationToken ct)
    {
        var materials = (await db.Materials.AsNoTracking().Where(m => m.WorkshopId == workshop.Id).ToListAsync(ct))
            .Where(m => viewer.CanSee(m.Visibility, m.WorkshopId))
            .OrderBy(m => m.Position).ThenBy(m => m.CreatedAt).ThenBy(m => m.Title)
            .ToLookup(m => m.AgendaItemId);
        var sections = new List<MaterialSection>();
        if (materials[null].Any())
            sections.Add(new MaterialSection(Tr.T("The workshop"), "Workshop", [new MaterialSession(null, workshop.Title, null, null, materials[null].ToList())]));
        var (_, agenda) = await agendas.FindAsync(workshop.Slug, ct);
        var placed = new HashSet<Guid>();
        if (agenda is not null)
        {
            var dayNumber = 0;
            foreach (var day in agenda.Days)
            {
                dayNumber++;
                var sessions = day.Items.Where(i => materials[i.Id].Any()).Select(i =>
                {
                    placed.Add(i.Id);
                    var time = Formats.Time(agenda.Local(i.StartsAt));
                    return new MaterialSession(i.Id, i.Title, time, Speakers(i.Speakers.Select(s => s.Name)), materials[i.Id].ToList());
                }).ToList();
                if (sessions.Count > 0) sections.Add(new MaterialSection(day.Label, $"Day {dayNumber} {day.Key}", sessions));
            }
        }
        var others = materials.Where(g => g.Key is { } id && !placed.Contains(id)).ToList();
        if (others.Count > 0)
        {
            var ids = others.Select(g => g.Key!.Value).ToList();
            var items = await db.AgendaItems.AsNoTracking().Where(i => ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id, ct);
            sections.Add(new MaterialSection(Tr.T("Other sessions"), "Other sessions", others
                .Select(g => items.TryGetValue(g.Key!.Value, out var i)
                    ? new MaterialSession(i.Id, i.Title, null, Speakers(i.Speakers.OrderBy(s => s.Position).Select(s => s.Name)), g.ToList())
                    : new MaterialSession(g.Key, Tr.T("Session"), null, null, g.ToList()))
                .OrderBy(s => s.Title).ThenBy(s => s.ItemId).ToList()));
        }
        return sections;
    }

    private static string? Speakers(IEnumerable<string> names)
    {
        var s = string.Join(", ", names);
        return s.Length == 0 ? null : s;
    }
}
