using System.Text.RegularExpressions;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Domain.Archive.Import.Jekyll;
using Workshops.Core.Domain.Common;
using Workshops.Core.Domain.Community.Projects;
using Workshops.Core.Text;

namespace Workshops.Core.Domain.Archive.Import;

public sealed partial class CurrentSiteImporter
{
    /// <summary>
    /// A funded project's page with its partners (the data file its table's loop reads, under _data/projects/), linked to
    /// the events its text names. Organisers' later changes to a project the import brought in are overwritten by the page,
    /// as for events: the old site stays the source until it is switched off.
    /// </summary>
    private async Task ImportProjectAsync(ImportSource source, string file, ItemReport item, HashSet<string> partnerFiles, CancellationToken ct)
    {
        var page = Page(source, file);
        var stem = Stem(file);
        var title = page.Text("title", ProjectDetails.MaxTitle);
        item.Title = title ?? stem;
        if (title is null)
        {
            item.Skip("The page has no title.");
            return;
        }
        var partners = new List<ProjectPartner>();
        var data = Liquid.LoopData(page.Body, "projects");
        var partnerFile = data is null ? null : partnerFiles.FirstOrDefault(f => Stem(f).Equals(data, StringComparison.OrdinalIgnoreCase));
        partnerFile ??= partnerFiles.FirstOrDefault(f => Stem(f).Equals(stem, StringComparison.OrdinalIgnoreCase));
        if (partnerFile is not null)
        {
            partnerFiles.Remove(partnerFile);
            partners = Partners(source.ReadText(partnerFile) ?? "");
        }
        else if (data is not null) item.Notes.Add($"Its partners are in {ImportSource.ProjectDataFolder}{data}.csv, which is not in the site; the project has no partners listed.");

        var body = Liquid.Strip(page.Body);
        var events = new List<Guid>();
        foreach (var href in PageSections.Hrefs(body).Where(h => h.StartsWith("/events/", StringComparison.OrdinalIgnoreCase)).Distinct())
        {
            var key = EventKey(href["/events/".Length..].Trim('/'));
            var found = await db.ArchivedEvents.Where(e => e.SourceKey == key).Select(e => (Guid?)e.Id).FirstOrDefaultAsync(ct);
            if (found is { } id) events.Add(id);
            else item.Notes.Add($"It links to {href}, which is not among the imported events.");
        }
        var year = int.TryParse(page.Text("year", 10), out var y) && y is >= 1990 and <= 2200 ? y : (int?)null;
        var description = body.Length > ProjectDetails.MaxDescription ? body[..ProjectDetails.MaxDescription] : body;
        var reference = Reference().Match(body) is { Success: true } r ? r.Value : null;
        var type = page.Text("type", ProjectDetails.MaxShort);
        var details = new ProjectDetails(title, Slugs.From(stem, ProjectDetails.MaxSlug) is { Length: > 0 } s ? s : "project",
            reference is not null || body.Contains("Capacity Enhancement Support Programme", StringComparison.OrdinalIgnoreCase) ? "GBIF Capacity Enhancement Support Programme (CESP)" : type,
            reference, page.Text("funding", ProjectDetails.MaxShort), page.Text("lead", ProjectDetails.MaxShort), partners, year, null,
            page.Text("status", 40)?.ToLowerInvariant() switch
            {
                "closed" or "finished" or "done" or "completed" => ProjectStatus.Closed,
                "planned" or "proposed" => ProjectStatus.Planned,
                _ => ProjectStatus.Active,
            },
            [], events, description.Length == 0 ? null : description);

        var sourceKey = Key("la-site:project:", stem);
        var now = clock.GetUtcNow();
        var project = await db.Projects.FirstOrDefaultAsync(p => p.SourceKey == sourceKey, ct);
        try
        {
            if (project is null)
            {
                var slug = details.Slug;
                for (var n = 2; await db.Projects.AnyAsync(p => p.Slug == slug, ct); n++) slug = $"{details.Slug}-{n}";
                project = Project.Create(details with { Slug = slug }, now, sourceKey);
                db.Projects.Add(project);
                item.Outcome = EventOutcome.Created;
            }
            else
            {
                // Workshops an organiser linked it to here stay; what the page says replaces the rest.
                var kept = ProjectDetails.Of(project);
                item.Outcome = project.Update(details with { Slug = project.Slug, WorkshopIds = kept.WorkshopIds, Translations = kept.Translations }, now)
                    ? EventOutcome.Updated : EventOutcome.Unchanged;
            }
        }
        catch (DomainException e)
        {
            item.Skip(e.Message);
            return;
        }
        item.Address = "/projects/" + project.Slug;
        await addresses.PointAsync("/projects/" + stem, item.Address, ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A project's partners: organisation,role with a header row.</summary>
    private static List<ProjectPartner> Partners(string text)
    {
        using var csv = CsvReader.Create(new StringReader(text.TrimStart('\uFEFF')), new CsvReaderOptions { TrimWhitespace = true });
        var headers = csv.Headers.Select(h => h.Trim().ToLowerInvariant()).ToList();
        var organisation = Math.Max(0, headers.FindIndex(h => h is "organisation" or "organization" or "name"));
        var role = headers.FindIndex(h => h == "role");
        var partners = new List<ProjectPartner>();
        while (csv.Read() && partners.Count < ProjectDetails.MaxPartners)
        {
            var name = organisation < csv.FieldCount ? csv.GetString(organisation).Trim() : "";
            if (name.Length is 0 or > ProjectDetails.MaxShort) continue;
            var what = role >= 0 && role < csv.FieldCount ? csv.GetString(role).Trim() : null;
            partners.Add(new ProjectPartner(name, string.IsNullOrWhiteSpace(what) || what.Length > ProjectDetails.MaxShort ? null : what));
        }
        return partners;
    }

    /// <summary>A GBIF grant's reference as its reports write it: CESP2018-004.</summary>
    [GeneratedRegex(@"\b[A-Z]{3,6}\d{4}-\d{2,4}(?!\d)")]
    private static partial Regex Reference();
}
