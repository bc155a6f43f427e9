using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workshops.Core.Domain.Archive;
using Workshops.Core.Domain.Archive.Import;
using Workshops.Core.Domain.Community;
using Workshops.Core.Domain.Community.Projects;
using Workshops.IntegrationTests.Support;

namespace Workshops.IntegrationTests.Features.Archive;

/// <summary>A site with the old website (static-site-archive) imported, then the current one (la-website-subset) beside it.</summary>
public sealed class ImportedSitesApp : AppFactory, IAsyncLifetime
{
    public static string Fixture => Path.Combine(AppContext.BaseDirectory, "Fixtures", "la-website-subset");

    /// <summary>What the first import of the current site said.</summary>
    public ImportReport First { get; private set; } = null!;

    public new async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await ImportAsync(ArchiveImportTests.Fixture);
        First = await ImportAsync(Fixture);
    }

    public async Task<ImportReport> ImportAsync(string folder)
    {
        await using var scope = Services.CreateAsyncScope();
        using var source = ImportSource.FromFolder(folder);
        return await scope.ServiceProvider.GetRequiredService<StaticSiteImporter>().RunAsync(source, null, default);
    }
}

/// <summary>The community's current website imported beside the old one, into one site.</summary>
public sealed class CurrentSiteImportTests(ImportedSitesApp app) : IClassFixture<ImportedSitesApp>
{
    private static string Fixture => ImportedSitesApp.Fixture;

    private ImportReport _first => app.First;

    private Task<ImportReport> ImportAsync(string folder) => app.ImportAsync(folder);

    [Fact]
    public async Task Every_event_with_its_materials_and_files_is_there_and_the_report_says_what_was_missing()
    {
        Assert.Equal((4, 0, 0), (_first.EventsCreated, _first.EventsUpdated, _first.EventsSkipped));
        var events = await app.WithDb(db => db.ArchivedEvents.AsNoTracking().Where(e => e.SourceKey!.StartsWith("la-site:")).ToDictionaryAsync(e => e.Slug));
        Assert.Superset(new HashSet<string> { "tdwg-2016", "tdwg-online-conference-2020", "workshop-2019", "workshop-2022" }, events.Keys.ToHashSet());
        var workshop = events["workshop-2019"];
        Assert.Equal((new DateOnly(2019, 4, 1), new DateOnly(2019, 4, 5), ArchivedEventType.Workshop), (workshop.StartsOn, workshop.EndsOn, workshop.Type));
        Assert.Contains("National Museum of Natural History (MNHN) in Paris", workshop.Description);
        Assert.DoesNotContain("{%", workshop.Description);
        Assert.DoesNotContain("{{", workshop.Description);
        Assert.DoesNotContain("| Name |", workshop.Description);
        Assert.Equal(ArchivedEventType.Conference, events["tdwg-online-conference-2020"].Type);

        var materials = await app.WithDb(db => db.Materials.AsNoTracking().Where(m => m.ArchivedEventId == events["workshop-2022"].Id).ToListAsync());
        Assert.Equal(9, materials.Count);
        var sbdi = Assert.Single(materials, m => m.FileHash is not null);
        Assert.Equal("SBDI Deployment 2.0", sbdi.Title);
        var docker = await app.WithDb(db => db.Materials.AsNoTracking().SingleAsync(m => m.ArchivedEventId == workshop.Id && m.Title == "Intro to Docker"));
        Assert.Equal("Manash Shah & Markus Skyttner (GBIF Sweden)", docker.Speakers);
        Assert.StartsWith("https://drive.google.com/", docker.Link);

        var lines = _first.Lines().ToList();
        Assert.Contains(lines, l => l.Contains("file missing: “Species Observation System (SOS)”: assets/presentation/workshop-2022/Species Observation System (SOS) - 2022.pptx"));
        Assert.Contains(lines, l => l.Contains("file missing: “www.gbif.fr - French National Portal of GBIF”"));
    }

    [Fact]
    public async Task The_attendee_list_comes_in_private_and_counted_by_country()
    {
        var list = await app.WithDb(db => db.AttendeeLists.AsNoTracking().SingleAsync(l => l.SourceKey == "la-site:attendees:workshop-2019"));
        Assert.False(list.IsPublic);
        Assert.Equal(29, list.Attendees.Count);
        Assert.Contains(list.ByCountry(), c => c.Country == "BJ");
        Assert.DoesNotContain("Kourouma", await app.Browser().GetStringAsync("/archive/workshop-2019"));
    }

    [Fact]
    public async Task Installations_come_from_the_spreadsheet_and_their_pages_without_doubling_the_old_sites()
    {
        var all = await app.WithDb(db => db.Installations.AsNoTracking().ToListAsync());
        // GBIF Portugal, Sistema Nacional de Datos Biologicos and NBN Atlas Scotland were on the old site already.
        Assert.Single(all, i => i.Name == "GBIF Portugal");
        Assert.Single(all, i => i.WebAddress?.Contains("scotland.nbnatlas.org") == true);
        var barbados = Assert.Single(all, i => i.Name == "Living Atlas of Barbados");
        Assert.Equal(("BB", InstallationStatus.Offline, 2018, (string?)null), (barbados.Country, barbados.Status, barbados.StartedYear, barbados.WebAddress));
        Assert.Equal("la-site:installation:living-atlas-barbados", barbados.SourceKey);
        var elurikkus = Assert.Single(all, i => i.Name == "Elurikkus");
        Assert.Equal(("EE", "https://elurikkus.ee/"), (elurikkus.Country, elurikkus.WebAddress));

        // The installation pages: Sweden's fills in the old site's GBIF Sweden with its modules and description.
        var sweden = Assert.Single(all, i => i.Country == "SE");
        Assert.Contains(sweden.Modules, m => m.Name == "Biocache" && m.Address == "https://records.biodiversitydata.se");
        Assert.Contains(sweden.Modules, m => m.Name == "ASV Portal");
        Assert.Contains("SBDI BioAtlas", sweden.Description!.Default);
        Assert.Contains(sweden.Resources, r => r.Title == "GitHub account");

        // The map colours the countries the registry now has.
        var map = WebUtility.HtmlDecode(await app.Browser().GetStringAsync("/community"));
        foreach (var country in new[] { "Barbados", "Estonia", "Sweden", "Portugal", "Argentina" })
            Assert.Contains($"aria-label=\"{country}:", map);
        Assert.Contains(_first.Problems, p => p.Contains("contact addresses are not imported"));
    }

    [Fact]
    public async Task The_project_comes_with_its_reference_and_the_event_it_funded()
    {
        var project = await app.WithDb(db => db.Projects.AsNoTracking().SingleAsync(p => p.SourceKey == "la-site:project:1-cesp-2019"));
        Assert.Equal(("1-cesp-2019", "CESP2018-004", "GBIF France", 2018, ProjectStatus.Closed), (project.Slug, project.Reference, project.Lead, project.StartYear, project.Status));
        var workshop = await app.WithDb(db => db.ArchivedEvents.AsNoTracking().SingleAsync(e => e.Slug == "workshop-2019"));
        Assert.Equal([workshop.Id], project.EventIds);
        Assert.Contains(_first.Items, i => i.Kind == "Project" && i.Notes.Any(n => n.Contains("CESP2018-04.csv")));
        Assert.Contains(_first.Problems, p => p.Contains("cesp-2015.csv") && p.Contains("no project page reads"));
        Assert.Contains($"/projects/1-cesp-2019", await app.Browser().GetStringAsync("/archive/workshop-2019"));
    }

    [Fact]
    public async Task A_word_from_inside_the_slides_finds_their_event()
    {
        var results = WebUtility.HtmlDecode(await app.Browser().GetStringAsync("/archive?q=glusterfs"));
        Assert.Contains("/archive/workshop-2022", results);
    }

    [Fact]
    public async Task The_old_addresses_redirect_to_their_new_homes()
    {
        var client = app.Browser();
        foreach (var (path, target) in new[]
        {
            ("/events/workshop-2019/", "/archive/workshop-2019"),
            ("/events/tdwg-2016", "/archive/tdwg-2016"),
            ("/participants/living-atlas-barbados/", "/community/living-atlas-barbados"),
            ("/participants/bioatlas_sweden/", null),
        })
        {
            var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
            if (target is not null) Assert.Equal(target, response.Headers.Location?.OriginalString);
        }
        var file = await client.GetAsync("/assets/presentation/workshop-2022/SBDI-2_0.pptx");
        Assert.Equal(HttpStatusCode.MovedPermanently, file.StatusCode);
        var download = await client.GetAsync(file.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        var old = await client.GetAsync("/public/docs/10-ala-gbif-sweden.pdf");
        Assert.Equal(HttpStatusCode.MovedPermanently, old.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/projects/1-cesp-2019/")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/events/no-such-event/")).StatusCode);
    }

    [Fact]
    public async Task A_second_import_changes_nothing()
    {
        var second = await ImportAsync(Fixture);
        Assert.Equal((0, 0, 4), (second.EventsCreated, second.EventsUpdated, second.EventsUnchanged));
        Assert.Equal((0, 0, 0), (second.MaterialsCreated, second.MaterialsUpdated, second.FilesStored));
        Assert.All(second.Items.Where(i => i.Outcome != EventOutcome.Skipped), i => Assert.Equal(EventOutcome.Unchanged, i.Outcome));
        var old = await ImportAsync(ArchiveImportTests.Fixture);
        Assert.Equal((0, 0), (old.EventsCreated, old.EventsUpdated));
        Assert.Equal((0, 0), (old.MembersCreated, old.MembersUpdated));
    }

    [Fact]
    public async Task A_page_with_malformed_front_matter_is_reported_and_skipped_and_the_rest_comes_in()
    {
        var folder = Path.Combine(Path.GetTempPath(), "workshops-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(folder, "_events"));
        File.WriteAllText(Path.Combine(folder, "_events", "broken.md"), "---\ntitle: [unclosed\ndate: 2021-01-01\n---\n\nBody");
        File.WriteAllText(Path.Combine(folder, "_events", "no-end.md"), "---\ntitle: Never closed\n\nBody");
        File.WriteAllText(Path.Combine(folder, "_events", "fine-2021.md"), "---\ntitle: A fine meeting\ndate: 2021-03-04\ntype: Meeting\n---\n\nWe met.");
        var report = await ImportAsync(folder);
        Assert.Equal(1, report.EventsCreated);
        Assert.Equal(2, report.EventsSkipped);
        var lines = report.Lines().ToList();
        Assert.Contains(lines, l => l.Contains("broken.md") && l.Contains("skipped"));
        Assert.Contains(lines, l => l.Contains("front matter is not valid YAML"));
        Assert.Contains(lines, l => l.Contains("not closed by a line of ---"));
        Assert.True(await app.WithDb(db => db.ArchivedEvents.AnyAsync(e => e.Slug == "fine-2021")));
    }
}
