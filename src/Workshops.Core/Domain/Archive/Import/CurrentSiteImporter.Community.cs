using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Domain.Archive.Import.Jekyll;
using Workshops.Core.Domain.Common;
using Workshops.Core.Domain.Community;
using Workshops.Core.Localization;
using Workshops.Core.Text;

namespace Workshops.Core.Domain.Archive.Import;

public sealed partial class CurrentSiteImporter
{
    /// <summary>
    /// The registry's spreadsheet, one installation a row. An installation this spreadsheet brought in follows it; one
    /// that came from elsewhere (the old site, an organiser) and has the same name or portal only gets what it lacks.
    /// Contact addresses are not taken: they are shown only with the person's consent.
    /// </summary>
    private async Task ImportInstallationsAsync(ImportSource source, ImportReport report, CancellationToken ct)
    {
        var text = source.ReadText(ImportSource.InstallationsFile);
        if (text is null) return;
        using var csv = CsvReader.Create(new StringReader(text.TrimStart('\uFEFF')), new CsvReaderOptions { TrimWhitespace = true });
        var headers = csv.Headers.Select(h => h.Trim()).ToList();
        int Column(string name) => headers.FindIndex(h => h.Equals(name, StringComparison.OrdinalIgnoreCase));
        var (nameAt, areaAt, nodeAt, participationAt, languageAt, declaredAt, urlAt, yearAt, statusAt, pageAt) = (Column("Installation"), Column("Area"),
            Column("GBIF Node"), Column("GBIF Status"), Column("Language"), Column("Declared status"), Column("URL"), Column("Year"), Column("Status_abrev"), Column("Web_page"));
        if (nameAt < 0) throw new FormatException("it has no “Installation” column.");
        var contactsSeen = false;
        var row = 0;
        while (csv.Read())
        {
            row++;
            string? Cell(int i) => i < 0 || i >= csv.FieldCount || string.IsNullOrWhiteSpace(csv.GetString(i)) ? null : csv.GetString(i).Trim();
            var name = Cell(nameAt);
            var item = report.Item("Installation", $"{ImportSource.InstallationsFile} row {row + 1}");
            if (name is null)
            {
                item.Skip("The row names no installation.");
                continue;
            }
            item.Title = name;
            contactsSeen |= Column("Admin_contact") >= 0 || Column("Support") >= 0;
            var area = Cell(areaAt);
            var code = Countries.Find(area);
            var status = InstallationStatuses.FromText(Cell(statusAt)) ?? InstallationStatuses.FromText(Cell(declaredAt));
            if (status is null) item.Notes.Add($"The status “{Cell(statusAt) ?? Cell(declaredAt)}” is not one the registry knows; it is listed as in discussion.");
            var url = Web(Cell(urlAt));
            if (url is null && Cell(urlAt) is { } notUrl) item.Notes.Add($"“{notUrl}” is not a web address; the portal's address is left empty.");
            var year = int.TryParse(Cell(yearAt), out var y) && y is >= 1990 && y <= DateTime.UtcNow.Year + 1 ? y : (int?)null;
            var page = Cell(pageAt);
            var key = Key("la-site:installation:", page ?? Slugs.From(name, 80));
            var details = new InstallationDetails(name, Slugs.From(page ?? name, 70) is { Length: > 0 } s ? s : "installation", null, code, code is null ? area : null,
                Cell(nodeAt) is { } node ? "GBIF " + node : null, Participation(Cell(participationAt)), Cell(languageAt), url, status ?? InstallationStatus.InDiscussion,
                year, [], [], null);
            // Each row saves on its own: one the database refuses leaves the others.
            await GuardAsync(async () =>
            {
                await SaveInstallationAsync(key, details, item, ct);
                if (page is not null && item.Address is not null) await addresses.PointAsync("/participants/" + page, item.Address, ct);
                await db.SaveChangesAsync(ct);
            }, e => item.Skip(e));
        }
        if (contactsSeen) report.Problems.Add($"{ImportSource.InstallationsFile}: the contact addresses are not imported; each person adds theirs, with their consent to show it.");
    }

    private async Task SaveInstallationAsync(string key, InstallationDetails details, ItemReport item, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var own = await db.Installations.FirstOrDefaultAsync(i => i.SourceKey == key, ct);
        try
        {
            if (own is not null)
            {
                item.Outcome = own.Update(InstallationDetails.Of(own) with
                {
                    Name = details.Name, Country = details.Country, Area = details.Area, GbifNode = details.GbifNode, GbifParticipation = details.GbifParticipation,
                    Languages = details.Languages, WebAddress = details.WebAddress ?? own.WebAddress, Status = details.Status, StartedYear = details.StartedYear,
                }, now) ? EventOutcome.Updated : EventOutcome.Unchanged;
                item.Address = "/community/" + own.Slug;
                return;
            }
            if (await SameInstallationAsync(details.Name, details.WebAddress, ct) is { } other)
            {
                // Another source keeps it: only what it lacks is filled in, so neither import undoes the other.
                var had = InstallationDetails.Of(other);
                var filled = had with
                {
                    Country = had.Country ?? details.Country, Area = had.Country is null && had.Area is null ? details.Area : had.Area,
                    GbifNode = had.GbifNode ?? details.GbifNode, GbifParticipation = had.GbifParticipation ?? details.GbifParticipation,
                    Languages = string.IsNullOrWhiteSpace(had.Languages) ? details.Languages : had.Languages, WebAddress = had.WebAddress ?? details.WebAddress,
                    StartedYear = had.StartedYear ?? details.StartedYear,
                };
                item.Outcome = other.Update(filled, now) ? EventOutcome.Updated : EventOutcome.Unchanged;
                item.Address = "/community/" + other.Slug;
                item.Notes.Add("Already in the registry (from the old site or an organiser): only what it lacked is filled in.");
                return;
            }
            var slug = await FreeInstallationSlugAsync(details.Slug, ct);
            var created = Installation.Create(details with { Slug = slug }, now, key);
            db.Installations.Add(created);
            item.Outcome = EventOutcome.Created;
            item.Address = "/community/" + slug;
        }
        catch (DomainException e)
        {
            item.Skip(e.Message);
        }
    }

    /// <summary>An installation of the registry with this name, or this portal, whatever its source.</summary>
    private async Task<Installation?> SameInstallationAsync(string name, string? web, CancellationToken ct)
    {
        var all = await db.Installations.ToListAsync(ct);
        var host = Host(web);
        return all.FirstOrDefault(i => string.Equals(Folded(i.Name), Folded(name), StringComparison.Ordinal))
            ?? (host is null ? null : all.FirstOrDefault(i => Host(i.WebAddress) == host));
    }

    /// <summary>An installation's page of the old site: its description, resources and module tables, for the installation it is about.</summary>
    private async Task ImportInstallationPageAsync(ImportSource source, string file, ItemReport item, CancellationToken ct)
    {
        var page = Page(source, file);
        var stem = Stem(file);
        var institution = page.Text("institution", 200);
        var body = Liquid.Strip(page.Body);
        var description = PageSections.Section(body, "Description");
        item.Title = institution ?? stem;
        var resources = PageSections.Section(body, "Resources") is { } r ? PageSections.ListedLinks(r).Where(l => Web(l.Href) is not null).ToList() : [];
        var modules = PageSections.Modules(body).Where(m => m.Address is null || Web(m.Address) is not null).ToList();
        var firstLink = description is null ? null : PageSections.Hrefs(description).Select(Web).FirstOrDefault(h => h is not null);
        var pageKey = Key("la-site:installation:", stem);
        var installation = await db.Installations.FirstOrDefaultAsync(i => i.SourceKey == pageKey, ct)
            ?? (institution is null ? null : (await db.Installations.ToListAsync(ct)).FirstOrDefault(i =>
                Folded(i.Institution ?? "") == Folded(institution) || Folded(i.Name) == Folded(institution)))
            ?? (firstLink is null ? null : await SameInstallationAsync("", firstLink, ct))
            ?? await OnlyOneInAsync(CountryHint().Match(page.Body) is { Success: true } hint ? hint.Groups[1].Value.ToUpperInvariant() : null, ct);
        if (installation is null)
        {
            item.Skip($"No installation of the registry matches “{institution ?? stem}” by name or web page; add it, then import again.");
            return;
        }
        item.Address = "/community/" + installation.Slug;
        var had = InstallationDetails.Of(installation);
        // What organisers wrote since stays: the page fills in only what the installation does not have yet.
        var filled = had with
        {
            Institution = had.Institution ?? institution,
            Description = string.IsNullOrWhiteSpace(had.Description) && had.Translations is not { Count: > 0 } ? description : had.Description,
            Modules = had.Modules.Count == 0 ? modules.Take(InstallationDetails.MaxModules).Select(m => new InstallationModule(m.Name, m.Address)).ToList() : had.Modules,
            Resources = had.Resources.Count == 0 ? resources.Take(InstallationDetails.MaxResources).Select(l => new InstallationResource(l.Title, l.Href)).ToList() : had.Resources,
            WebAddress = had.WebAddress ?? firstLink,
        };
        try
        {
            item.Outcome = installation.Update(filled, clock.GetUtcNow()) ? EventOutcome.Updated : EventOutcome.Unchanged;
        }
        catch (DomainException e)
        {
            item.Skip(e.Message);
            return;
        }
        if (had.Modules.Count > 0 && modules.Count > 0 && !had.Modules.Select(m => m.Name).SequenceEqual(modules.Select(m => m.Name)))
            item.Notes.Add("The installation has modules already; the page's table is left aside.");
        await addresses.PointAsync("/participants/" + stem, item.Address, ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The one installation of a country, when the page's map frame names the country ("country=\"se\"") and there is just one.</summary>
    private async Task<Installation?> OnlyOneInAsync(string? country, CancellationToken ct)
    {
        if (!Countries.IsCode(country)) return null;
        var there = await db.Installations.Where(i => i.Country == country).Take(2).ToListAsync(ct);
        return there.Count == 1 ? there[0] : null;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"country=""([a-zA-Z]{2})""")]
    private static partial System.Text.RegularExpressions.Regex CountryHint();

    private async Task<string> FreeInstallationSlugAsync(string wanted, CancellationToken ct)
    {
        var slug = wanted;
        for (var n = 2; await db.Installations.AnyAsync(i => i.Slug == slug, ct) || db.Installations.Local.Any(i => i.Slug == slug); n++) slug = $"{wanted}-{n}";
        return slug;
    }

    private static string? Participation(string? status) => status?.ToLowerInvariant() switch
    {
        null => null,
        "voting" => "Voting participant",
        "associate" => "Associate participant",
        _ => status,
    };

    private static string? Host(string? web) =>
        web is not null && Uri.TryCreate(web, UriKind.Absolute, out var uri) ? uri.Host.ToLowerInvariant().Replace("www.", "") : null;

    private static string Folded(string text) => Slugs.From(text, 200);
}
