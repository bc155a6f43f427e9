using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Workshops.Core.Data;
using Workshops.Core.Domain.Archive;
using Workshops.Core.Domain.Common;
using Workshops.Core.Domain.Community;
using Workshops.Core.Domain.Materials;
using Workshops.Core.Storage;
using Workshops.Core.Text;
using YamlDotNet.Serialization;

namespace Workshops.Core.Domain.Archive.Import;

/// <summary>
/// Brings a Jekyll archive (events in _data/events/*.yml, members in _data/participants.yml, files under public/docs)
/// into the archive. Each event is saved on its own, so one bad entry never stops the rest; everything is found again
/// by where it came from, so a second run adds nothing and changes only what changed on the old site.
/// </summary>
public sealed class StaticSiteImporter(AppDbContext db, ArchiveIndex index,
    FileTextReader texts, ImportedFiles importedFiles, OldAddresses redirects, CurrentSiteImporter currentSite, TimeProvider clock)
{
    private static readonly IDeserializer Yaml = new DeserializerBuilder().Build();

    public async Task<ImportReport> RunAsync(ImportSource source, Func<int, int, Task>? progress, CancellationToken ct)
    {
        var report = new ImportReport();
        var files = source.EventFiles;
        // The current site's layout (events as _events/*.md) may come alone, or beside the old one.
        var current = CurrentSiteImporter.Finds(source);
        if (files.Count == 0 && !current)
            report.Problems.Add($"No events found: the folder needs {ImportSource.EventsFolder}*.yml, or {ImportSource.PagesEventsFolder}*.md in the current site's layout.");
        if (files.Count > ImportLimits.MaxEvents)
        {
            report.Problems.Add($"{files.Count} event files: only the first {ImportLimits.MaxEvents} are imported; the rest are refused.");
            files = files.Take(ImportLimits.MaxEvents).ToList();
        }
        importedFiles.Budget = ImportLimits.MaxTotalBytes;
        var total = files.Count + 1 + (current ? CurrentSiteImporter.Steps(source) : 0);
        for (var i = 0; i < files.Count; i++)
        {
            var eventReport = new EventReport { Source = files[i] };
            report.Events.Add(eventReport);
            try
            {
                var step = i;
                // Also said between the event's PDFs, each of which may take a while: the import stays visibly alive.
                await ImportEventAsync(source, files[i], eventReport, () => progress?.Invoke(step, total) ?? Task.CompletedTask, ct);
            }
            catch (ImportTooLargeException e)
            {
                db.ChangeTracker.Clear();
                eventReport.Outcome = EventOutcome.Skipped;
                eventReport.Skipped.Add("Refused: " + e.Message);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                db.ChangeTracker.Clear();
                eventReport.Outcome = EventOutcome.Skipped;
                eventReport.Warnings.Add("Could not be imported: " + e.Message);
            }
            if (progress is not null) await progress(i + 1, total);
        }
        try
        {
            if (files.Count > 0 || source.ReadText(ImportSource.ParticipantsFile) is not null) await ImportMembersAsync(source, report, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            db.ChangeTracker.Clear();
            report.Problems.Add($"{ImportSource.ParticipantsFile} could not be imported: {e.Message}");
        }
        var done = files.Count + 1;
        if (progress is not null) await progress(done, total);
        if (current) await currentSite.RunAsync(source, report, async () => { if (progress is not null) await progress(++done, total); }, ct);
        redirects.Forget();
        if (progress is not null) await progress(total, total);
        return report;
    }

    private async Task ImportEventAsync(ImportSource source, string file, EventReport report, Func<Task> alive, CancellationToken ct)
    {
        var data = Yaml.Deserialize<Dictionary<string, object?>>(source.ReadText(file) ?? "") ?? [];
        var notes = report.Warnings;
        var id = Text(data, "id", ImportLimits.MaxShortText, notes) ?? Path.GetFileNameWithoutExtension(file).TrimStart('0');
        if (data.TryGetValue("title", out var rawTitle) && rawTitle is string { Length: > ImportLimits.MaxTitle } longTitle)
        {
            report.Title = longTitle[..80] + "…";
            report.Outcome = EventOutcome.Skipped;
            report.Skipped.Add($"Refused: the title has {longTitle.Length:N0} characters; at most {ImportLimits.MaxTitle} are taken.");
            return;
        }
        var title = Text(data, "title", ImportLimits.MaxTitle, notes);
        report.Title = title ?? "(no title)";
        if (title is null)
        {
            report.Outcome = EventOutcome.Skipped;
            report.Skipped.Add("The event has no title.");
            return;
        }
        var dateText = Text(data, "date", ImportLimits.MaxShortText, notes);
        var dates = FreeTextDate.Parse(dateText);
        if (dates is null) report.Warnings.Add(dateText is null ? "The event has no date." : $"The date “{dateText}” could not be read; it is shown as written.");
        var (city, country, venue) = FreeTextPlace.Parse(Text(data, "place", ImportLimits.MaxShortText, notes));
        var type = ParseType(Text(data, "type", ImportLimits.MaxShortText, notes), report);
        var details = new ArchivedEventDetails(title, type, dates?.Starts, dates?.Ends, dateText, city, country, venue,
            HtmlToMarkdown.Convert(Text(data, "description", ImportLimits.MaxDescription, notes)));

        var key = "static:" + id;
        var now = clock.GetUtcNow();
        var existing = await db.ArchivedEvents.FirstOrDefaultAsync(e => e.SourceKey == key, ct);
        ArchivedEvent archived;
        if (existing is null)
        {
            archived = ArchivedEvent.Create(await FreeSlugAsync(dates?.Starts.Year, title, ct), details, key, now);
            db.ArchivedEvents.Add(archived);
            report.Outcome = EventOutcome.Created;
        }
        else
        {
            archived = existing;
            report.Outcome = existing.Update(details, now) ? EventOutcome.Updated : EventOutcome.Unchanged;
        }
        await db.SaveChangesAsync(ct);
        report.Address = "/archive/" + archived.Slug;

        var entries = data.GetValueOrDefault("materials") as List<object?> ?? [];
        if (entries.Count > ImportLimits.MaxMaterialsPerEvent)
            report.Skipped.Add($"{entries.Count} material entries: only the first {ImportLimits.MaxMaterialsPerEvent} are imported; the rest are refused.");
        var position = 0;
        var pdfs = new List<string>();
        foreach (var entry in entries.Take(ImportLimits.MaxMaterialsPerEvent).OfType<Dictionary<object, object?>>())
        {
            position++;
            var m = entry.ToDictionary(p => p.Key.ToString() ?? "", p => p.Value);
            var hash = await ImportMaterialAsync(source, archived, id, position, m, report, ct);
            if (hash is not null) pdfs.Add(hash);
        }
        await db.SaveChangesAsync(ct);
        foreach (var hash in pdfs.Distinct())
        {
            await texts.ReadAsync(hash, ct);
            await alive();
        }
        // One rebuild once the texts are in, rather than one per file.
        await index.RebuildEventAsync(archived.Id, ct);
        if (report.Outcome == EventOutcome.Unchanged && (report.MaterialsCreated > 0 || report.MaterialsUpdated > 0)) report.Outcome = EventOutcome.Updated;
    }

    /// <summary>Returns the hash of a PDF it stored, so its text can be read.</summary>
    private async Task<string?> ImportMaterialAsync(ImportSource source, ArchivedEvent archived, string eventId, int position,
        Dictionary<string, object?> entry, EventReport report, CancellationToken ct)
    {
        var notes = report.Warnings;
        var materialId = Text(entry, "id", ImportLimits.MaxShortText, notes) ?? position.ToString();
        var label = $"entry {materialId}";
        if (entry.TryGetValue("title", out var rawTitle) && rawTitle is string { Length: > ImportLimits.MaxTitle } longTitle)
        {
            report.Skipped.Add($"{label}: refused, its title has {longTitle.Length:N0} characters; at most {ImportLimits.MaxTitle} are taken.");
            return null;
        }
        var title = Text(entry, "title", ImportLimits.MaxTitle, notes);
        var link = Text(entry, "link", ImportLimits.MaxShortText, notes);
        if (title is null)
        {
            report.Skipped.Add($"{label}: no title{(link is null ? " and no link" : $" (link {link})")}.");
            return null;
        }
        label = $"entry {materialId} “{title}”";
        var external = string.Equals(Text(entry, "ext", ImportLimits.MaxShortText, notes), "true", StringComparison.OrdinalIgnoreCase);
        if (external && (link is null || !MaterialDetails.IsWebAddress(link)))
        {
            report.Skipped.Add($"{label}: the link “{link}” is not a web address.");
            return null;
        }
        if (!external && link is not null && !ImportSource.IsPlainName(link))
        {
            report.Skipped.Add($"{label}: the file name “{link}” is not a plain file name under public/docs.");
            return null;
        }
        var speakers = HtmlToMarkdown.Text(Text(entry, "speaker", ImportLimits.MaxShortText, notes));
        var details = new MaterialDetails(title, ParseMaterialType(Text(entry, "type", ImportLimits.MaxShortText, notes), external), speakers.Length == 0 ? null : speakers,
            MaterialVisibility.Public, external ? link : null);
        var key = $"static:{eventId}/{materialId}";
        var now = clock.GetUtcNow();
        var material = await db.Materials.FirstOrDefaultAsync(x => x.SourceKey == key, ct);
        try
        {
            if (material is null)
            {
                material = Material.ForEvent(archived.Id, details, key, position, now);
                db.Materials.Add(material);
                report.MaterialsCreated++;
                if (external) report.LinksKept++;
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
        if (external) return null;
        if (link is null)
        {
            report.Warnings.Add($"{label}: no file or link is given; the title is kept.");
            return null;
        }
        await using var content = source.OpenDoc(link);
        if (content is null)
        {
            report.MissingFiles.Add($"{label}: {ImportSource.DocsFolder}{link}");
            return null;
        }
        // The old site linked its files as /public/docs/{name}: that address now leads to the material's file.
        return await importedFiles.AttachAsync(material, content, link, "/public/docs/" + link, keepAddress: false, label, report, now, ct);
    }

    private async Task ImportMembersAsync(ImportSource source, ImportReport report, CancellationToken ct)
    {
        var text = source.ReadText(ImportSource.ParticipantsFile);
        if (text is null)
        {
            report.Problems.Add($"No {ImportSource.ParticipantsFile}: the community directory is left as it is.");
            return;
        }
        var entries = Yaml.Deserialize<List<Dictionary<string, object?>>>(text) ?? [];
        var now = clock.GetUtcNow();
        var n = 0;
        foreach (var e in entries)
        {
            n++;
            var notes = report.MembersSkipped;
            var institution = Text(e, "institution", ImportLimits.MaxShortText, notes);
            var country = Text(e, "country", ImportLimits.MaxShortText, notes);
            if (institution is null && country is null)
            {
                report.MembersSkipped.Add($"entry {n}: neither an institution nor a country.");
                continue;
            }
            var key = "static:" + (institution is null ? "country:" + country : institution).ToLowerInvariant();
            var status = Text(e, "status", ImportLimits.MaxShortText, notes);
            var gbifPage = Web(Text(e, "gbif-page", ImportLimits.MaxShortText, notes));
            var name = institution ?? Countries.Name(Countries.Find(country) ?? country);
            var installation = await db.Installations.FirstOrDefaultAsync(m => m.SourceKey == key, ct)
                ?? db.Installations.Local.FirstOrDefault(m => m.SourceKey == key);
            // What the old site says; what it does not (modules, a description, the year) stays as organisers wrote it.
            var portal = Web(Text(e, "data-portal", ImportLimits.MaxShortText, notes));
            var code = Countries.Find(country);
            var said = InstallationStatuses.FromText(status) ?? InstallationStatus.InDiscussion; // the old site said nothing of portals only talked about
            try
            {
                if (installation is null)
                {
                    db.Installations.Add(Installation.Create(new InstallationDetails(name, await FreeSlugAsync(name, ct), institution, code, code is null ? country : null,
                        null, null, Text(e, "language", ImportLimits.MaxShortText, notes), portal, said, null, [],
                        gbifPage is null ? [] : [new InstallationResource("GBIF", gbifPage)], null), now, key));
                    report.MembersCreated++;
                }
                else
                {
                    var resources = gbifPage is null || installation.Resources.Any(r => r.Address == gbifPage)
                        ? installation.Resources : [.. installation.Resources, new InstallationResource("GBIF", gbifPage)];
                    // What the old site leaves blank stays as the current site or an organiser filled it in, so imports never undo each other.
                    var had = InstallationDetails.Of(installation);
                    var details = had with
                    {
                        Name = name, Institution = institution ?? had.Institution, Country = code ?? had.Country, Area = code is null ? country : null,
                        Languages = Text(e, "language", ImportLimits.MaxShortText, notes) ?? had.Languages, WebAddress = portal ?? had.WebAddress,
                        Status = said, Resources = resources,
                    };
                    if (installation.Update(details, now)) report.MembersUpdated++;
                    else report.MembersUnchanged++;
                }
            }
            catch (DomainException ex)
            {
                report.MembersSkipped.Add($"{name}: {ex.Message}");
            }
            if (status is not null && InstallationStatuses.FromText(status) is null) notes.Add($"{name}: the status “{status}” is not one the registry knows; it is listed as in discussion.");
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>An address name from the name, made unique with -2, -3 … among the registry's and this import's.</summary>
    private async Task<string> FreeSlugAsync(string name, CancellationToken ct)
    {
        var stem = Slugs.From(name) is { Length: > 0 } s ? s[..Math.Min(s.Length, 70)].Trim('-') : "installation";
        for (var n = 1; ; n++)
        {
            var slug = n == 1 ? stem : $"{stem}-{n}";
            if (!db.Installations.Local.Any(i => i.Slug == slug) && !await db.Installations.AnyAsync(i => i.Slug == slug, ct)) return slug;
        }
    }

    private static string? Web(string? link) => link is not null && MaterialDetails.IsWebAddress(link) ? link : null;

    /// <summary>
    /// A field's text. A list or a map where text belongs, or text longer than <paramref name="max"/>, is left out
    /// and said in <paramref name="notes"/>, rather than printed as a type name or stored whatever its size.
    /// </summary>
    private static string? Text(IReadOnlyDictionary<string, object?> data, string key, int max, List<string> notes)
    {
        if (!data.TryGetValue(key, out var v) || v is null) return null;
        if (v is not string s)
        {
            notes.Add($"“{key}” is {(v is System.Collections.IDictionary ? "a map" : "a list")}, not text: it is left out.");
            return null;
        }
        if (string.IsNullOrWhiteSpace(s)) return null;
        if (s.Length > max)
        {
            notes.Add($"“{key}” has {s.Length:N0} characters, more than the {max:N0} taken: it is left out.");
            return null;
        }
        return s.Trim();
    }


    private static ArchivedEventType ParseType(string? type, EventReport report)
    {
        if (Enum.TryParse<ArchivedEventType>(type, ignoreCase: true, out var t) && Enum.IsDefined(t)) return t;
        report.Warnings.Add($"The kind “{type}” is not one of Workshop, Portal, Conference or Meeting; it is kept as a meeting.");
        return ArchivedEventType.Meeting;
    }

    private static MaterialType ParseMaterialType(string? type, bool link) => type?.Trim().ToLowerInvariant() switch
    {
        "talk" or "slides" or "presentation" => MaterialType.Slides,
        "video" or "recording" => MaterialType.Recording,
        "poster" => MaterialType.Poster,
        "paper" or "report" => MaterialType.Paper,
        "portal" => MaterialType.Portal,
        "dataset" or "data" => MaterialType.Dataset,
        _ => link ? MaterialType.Other : MaterialType.Slides,
    };

    private async Task<string> FreeSlugAsync(int? year, string title, CancellationToken ct)
    {
        var stem = $"{(year is null ? "undated" : year.ToString())}-{Slugs.From(title, 72)}".TrimEnd('-');
        var slug = stem;
        for (var n = 2; await db.ArchivedEvents.AnyAsync(e => e.Slug == slug, ct) || db.ArchivedEvents.Local.Any(e => e.Slug == slug); n++) slug = $"{stem}-{n}";
        return slug;
    }

}
