using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Domain.Archive.Import.Jekyll;
using Workshops.Core.Domain.Common;
using Workshops.Core.Domain.Community.Attendees;
using Workshops.Core.Domain.Materials;
using Workshops.Core.Storage;
using Workshops.Core.Text;

namespace Workshops.Core.Domain.Archive.Import;

public sealed partial class CurrentSiteImporter
{
    public static string EventKey(string stem) => Key("la-site:event:", stem);

    private async Task ImportEventAsync(ImportSource source, string file, EventReport report, CancellationToken ct)
    {
        var page = Page(source, file);
        var stem = Stem(file);
        var title = page.Text("title", ImportLimits.MaxTitle);
        report.Title = title ?? "(no title)";
        if (title is null)
        {
            report.Outcome = EventOutcome.Skipped;
            report.Skipped.Add("The page has no title.");
            return;
        }
        var (starts, ends) = Dates(page, report);
        var type = page.Text("type", ImportLimits.MaxShortText)?.ToLowerInvariant() switch
        {
            "workshop" or "training" or "hackathon" => ArchivedEventType.Workshop,
            { } t when t.Contains("conference") || t.Contains("symposium") => ArchivedEventType.Conference,
            { } t when t.Contains("portal") || t.Contains("launch") => ArchivedEventType.Portal,
            _ => ArchivedEventType.Meeting,
        };
        var (description, links) = PageSections.SplitResources(Liquid.Strip(page.Body));
        if (description.Length > ImportLimits.MaxDescription)
        {
            report.Warnings.Add($"The description has {description.Length:N0} characters; the first {ImportLimits.MaxDescription:N0} are kept.");
            description = description[..ImportLimits.MaxDescription];
        }
        var key = EventKey(stem);
        var now = clock.GetUtcNow();
        var archived = await db.ArchivedEvents.FirstOrDefaultAsync(e => e.SourceKey == key, ct);
        // The page says nothing of where it was: what an organiser wrote here since stays.
        var details = new ArchivedEventDetails(title, type, starts, ends, page.Text("date_shown", ImportLimits.MaxShortText) ?? page.Text("date", ImportLimits.MaxShortText),
            archived?.City, archived?.Country, archived?.Venue, description.Length == 0 ? null : description);
        if (archived is null)
        {
            archived = ArchivedEvent.Create(await FreeEventSlugAsync(stem, starts?.Year, title, ct), details, key, now);
            db.ArchivedEvents.Add(archived);
            report.Outcome = EventOutcome.Created;
        }
        else report.Outcome = archived.Update(details, now) ? EventOutcome.Updated : EventOutcome.Unchanged;
        await db.SaveChangesAsync(ct);
        report.Address = "/archive/" + archived.Slug;
        await addresses.PointAsync("/events/" + stem, report.Address, ct);

        var readable = new List<string>();
        var position = 0;
        foreach (var link in links.Take(ImportLimits.MaxMaterialsPerEvent))
        {
            if (!link.IsSiteFile && !link.IsWeb) continue; // a link to another page of the old site, not a material
            position++;
            if (await ImportLinkAsync(source, archived, stem, position, link, report, ct) is { } hash) readable.Add(hash);
        }
        if (links.Count > ImportLimits.MaxMaterialsPerEvent)
            report.Skipped.Add($"{links.Count} links: only the first {ImportLimits.MaxMaterialsPerEvent} are imported; the rest are refused.");
        await db.SaveChangesAsync(ct);
        foreach (var hash in readable.Distinct()) await texts.ReadAsync(hash, ct);
        await index.RebuildEventAsync(archived.Id, ct);
        if (report.Outcome == EventOutcome.Unchanged && (report.MaterialsCreated > 0 || report.MaterialsUpdated > 0 || report.FilesStored > 0))
            report.Outcome = EventOutcome.Updated;
    }

    /// <summary>"date: 2019-04-01" with "date_shown: 2019-04-01 to 2019-04-05", or dates written as text.</summary>
    private static (DateOnly? Starts, DateOnly? Ends) Dates(FrontMatter page, EventReport report)
    {
        var shown = page.Text("date_shown", ImportLimits.MaxShortText);
        if (shown is not null && IsoRange().Match(shown) is { Success: true } range
            && DateOnly.TryParseExact(range.Groups[1].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from)
            && DateOnly.TryParseExact(range.Groups[2].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var to) && to >= from)
            return (from, to);
        var date = page.Text("date", ImportLimits.MaxShortText);
        if (date is not null && DateOnly.TryParse(date.Split(' ')[0].Replace('/', '-'), CultureInfo.InvariantCulture, out var day)) return (day, day);
        if (FreeTextDate.Parse(shown ?? date) is { } parsed) return (parsed.Starts, parsed.Ends);
        report.Warnings.Add(date is null ? "The page has no date." : $"The date “{date}” could not be read; it is shown as written.");
        return (null, null);
    }

    /// <summary>The old page's name when it is free ("workshop-2019", so its address reads the same), else year and title.</summary>
    private async Task<string> FreeEventSlugAsync(string stem, int? year, string title, CancellationToken ct)
    {
        var wanted = Slugs.From(stem, 80);
        if (wanted.Length == 0) wanted = $"{(year is null ? "undated" : year.ToString())}-{Slugs.From(title, 72)}".TrimEnd('-');
        var slug = wanted;
        for (var n = 2; await db.ArchivedEvents.AnyAsync(e => e.Slug == slug, ct) || db.ArchivedEvents.Local.Any(e => e.Slug == slug); n++) slug = $"{wanted}-{n}";
        return slug;
    }

    /// <summary>A link of the page's resources as a material: a link kept as it is, or a file of the old site stored here. Returns the hash of a file whose words can be read.</summary>
    private async Task<string?> ImportLinkAsync(ImportSource source, ArchivedEvent archived, string stem, int position, PageLink link, EventReport report, CancellationToken ct)
    {
        var label = $"“{link.Title}”";
        var fileName = link.IsSiteFile ? Uri.UnescapeDataString(link.Href.Split('?', '#')[0].Split('/')[^1]) : null;
        var details = new MaterialDetails(link.Title.Length > MaterialDetails.MaxTitle ? link.Title[..MaterialDetails.MaxTitle] : link.Title, link.Type,
            link.Speakers, MaterialVisibility.Public, link.IsSiteFile ? null : link.Href);
        var key = MaterialKey(stem, link.Href);
        var now = clock.GetUtcNow();
        var material = await db.Materials.FirstOrDefaultAsync(m => m.SourceKey == key, ct) ?? db.Materials.Local.FirstOrDefault(m => m.SourceKey == key);
        try
        {
            if (material is null)
            {
                material = Material.ForEvent(archived.Id, details, key, position, now);
                db.Materials.Add(material);
                report.MaterialsCreated++;
                if (!link.IsSiteFile) report.LinksKept++;
            }
            else if ((material.Title, material.Type, material.Speakers, material.Link) != (details.Title.Trim(), details.Type, details.Speakers?.Trim(), details.Link?.Trim()))
            {
                material.Edit(details, now);
                report.MaterialsUpdated++;
            }
        }
        catch (DomainException e)
        {
            report.Skipped.Add($"{label}: {e.Message}");
            return null;
        }
        if (!link.IsSiteFile) return null;
        var path = "/" + Uri.UnescapeDataString(link.Href.TrimStart('/').Split('?', '#')[0]);
        await using var content = source.OpenSiteFile(path);
        if (content is null)
        {
            report.MissingFiles.Add($"{label}: {path.TrimStart('/')}");
            return null;
        }
        // A file two events link to leads to the first one's material, and stays so on every run.
        return await files.AttachAsync(material, content, fileName!, path, keepAddress: true, label, report, now, ct);
    }

    /// <summary>An event's attendee list, _data/events/{event}.csv, for the event of _events/{event}.md. It comes in private.</summary>
    private async Task ImportAttendeesAsync(ImportSource source, string file, ItemReport item, CancellationToken ct)
    {
        var stem = Stem(file);
        var key = EventKey(stem);
        var archived = await db.ArchivedEvents.AsNoTracking().FirstOrDefaultAsync(e => e.SourceKey == key, ct);
        if (archived is null)
        {
            item.Skip($"There is no event page _events/{stem}.md for this list.");
            return;
        }
        item.Title = archived.Title;
        item.Address = "/archive/" + archived.Slug;
        IReadOnlyList<PastAttendeeDetails> rows;
        try
        {
            rows = AttendeeCsv.Read(source.ReadText(file) ?? "");
        }
        catch (DomainException e)
        {
            item.Skip(e.Message);
            return;
        }
        var list = await db.AttendeeLists.FirstOrDefaultAsync(l => l.ArchivedEventId == archived.Id, ct);
        var now = clock.GetUtcNow();
        try
        {
            if (list is null)
            {
                list = AttendeeList.For(archived.Id, now, Key("la-site:attendees:", stem));
                list.Replace(rows, now);
                db.AttendeeLists.Add(list);
                item.Outcome = EventOutcome.Created;
                item.Notes.Add($"{rows.Count} people, kept private: an organiser makes the names public on the event's page.");
            }
            else if (list.SourceKey is null)
            {
                item.Skip("An organiser uploaded this event's list here; the import leaves it as it is.");
                return;
            }
            else if (list.Replace(rows, now))
            {
                item.Outcome = EventOutcome.Updated;
                // New names are not shown before an organiser looks at them again.
                if (list.Publish(false, now)) item.Notes.Add("The list changed, so it is private again until an organiser makes it public.");
            }
            else item.Outcome = EventOutcome.Unchanged;
        }
        catch (DomainException e)
        {
            item.Skip(e.Message);
            return;
        }
        foreach (var unknown in AttendeeCsv.UnknownCountries(rows)) item.Notes.Add($"The country “{unknown}” could not be read; it is left blank.");
        await db.SaveChangesAsync(ct);
    }
}
