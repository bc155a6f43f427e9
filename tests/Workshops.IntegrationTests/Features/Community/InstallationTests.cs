using System.Net;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Domain.Accounts;
using Workshops.Core.Domain.Community;
using Workshops.IntegrationTests.Support;

namespace Workshops.IntegrationTests.Features.Community;

/// <summary>The registry of installations: organisers keep it, visitors read it at /community and on each installation's page.</summary>
public sealed class InstallationTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static string Slug(string stem) => $"{stem}-{Guid.NewGuid():N}"[..24];

    private async Task<HttpResponseMessage> AddAsync(HttpClient organiser, string slug, Action<Dictionary<string, string>>? change = null)
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.Name"] = "SBDI BioAtlas",
            ["Input.Slug"] = slug,
            ["Input.Institution"] = "Swedish Biodiversity Data Infrastructure",
            ["Input.Country"] = "SE",
            ["Input.Status"] = nameof(InstallationStatus.Live),
            ["Input.StartedYear"] = "2019",
            ["Input.WebAddress"] = "https://biodiversitydata.se",
            ["Input.Languages"] = "Swedish, English",
            ["Input.GbifNode"] = "GBIF Sweden",
            ["Input.GbifParticipation"] = "Voting participant",
            ["Input.Language"] = "en",
            ["Input.Description"] = "An **open** e-infrastructure for biodiversity data.",
            ["Input.Translations[es]"] = "Una infraestructura **abierta** de datos de biodiversidad.",
            ["Input.Modules[0].Name"] = "Biocache",
            ["Input.Modules[0].Address"] = "https://records.biodiversitydata.se",
            ["Input.Modules[1].Name"] = "Spatial portal",
            ["Input.Modules[1].Address"] = "https://spatial.biodiversitydata.se",
            ["Input.Modules[2].Name"] = "",
            ["Input.Resources[0].Title"] = "GitHub account",
            ["Input.Resources[0].Address"] = "https://github.com/biodiversitydata-se",
        };
        change?.Invoke(fields);
        return await organiser.PostFormAsync("/organise/installations/new", fields);
    }

    [Fact]
    public async Task An_organiser_adds_an_installation_and_visitors_find_it_filtered_and_on_its_own_page()
    {
        var organiser = await app.BrowserAs(Roles.Organiser);
        var slug = Slug("sbdi");
        var added = await AddAsync(organiser, slug);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var stored = await app.WithDb(db => db.Installations.AsNoTracking().SingleAsync(i => i.Slug == slug));
        Assert.Equal(["Swedish", "English"], stored.Languages);
        Assert.Equal([new InstallationModule("Biocache", "https://records.biodiversitydata.se"), new InstallationModule("Spatial portal", "https://spatial.biodiversitydata.se")],
            stored.Modules);
        Assert.Equal(["en", "es"], stored.Description!.Languages);

        var visitor = app.Browser();
        var list = WebUtility.HtmlDecode(await visitor.GetStringAsync("/community"));
        Assert.Contains($"<a href=\"/community/{slug}\">SBDI BioAtlas</a>", list);
        Assert.Contains("biodiversitydata.se", list);
        var mine = WebUtility.HtmlDecode(await organiser.GetStringAsync("/organise/installations"));
        Assert.Contains($"<a href=\"/organise/installations/{stored.Id}/edit\">SBDI BioAtlas</a>", mine);
        var form = await BrowserForm.LoadAsync(organiser, $"/organise/installations/{stored.Id}/edit");
        Assert.Contains(form.Fields, f => f.Key == "Input.Translations[es]" && f.Value == "Una infraestructura **abierta** de datos de biodiversidad.");
        Assert.Contains(form.Fields, f => f.Key == "Input.Modules[1].Address" && f.Value == "https://spatial.biodiversitydata.se");
    }

    [Fact]
    public async Task Filters_keep_only_the_installations_that_match()
    {
        var organiser = await app.BrowserAs(Roles.Organiser);
        var sweden = Slug("se");
        var benin = Slug("bj");
        Assert.Equal(HttpStatusCode.Redirect, (await AddAsync(organiser, sweden)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await AddAsync(organiser, benin, f =>
        {
            f["Input.Name"] = "GBIF Benin portal";
            f["Input.Country"] = "BJ";
            f["Input.Status"] = nameof(InstallationStatus.InDevelopment);
            f["Input.Modules[1].Name"] = "";
        })).StatusCode);

        var visitor = app.Browser();
        // The results, below the filters; the map and its table above them always show everyone.
        async Task<string> Results(string query)
        {
            var page = WebUtility.HtmlDecode(await visitor.GetStringAsync(query));
            return page[page.IndexOf("class=\"filters\"", StringComparison.Ordinal)..];
        }
        var live = await Results("/community?status=Live&country=SE&module=spatial+portal");
        Assert.Contains($"/community/{sweden}", live);
        Assert.DoesNotContain($"/community/{benin}", live);
        var inDevelopment = await Results("/community?status=InDevelopment");
        Assert.Contains($"/community/{benin}", inDevelopment);
        Assert.DoesNotContain($"/community/{sweden}", inDevelopment);
        var spatial = await Results("/community?module=Spatial+portal");
        Assert.DoesNotContain($"/community/{benin}", spatial);
        // A filter that names nothing known shows everyone, never an error.
        var nonsense = await visitor.GetAsync("/community?status=Sleeping&country=ZZ");
        Assert.Equal(HttpStatusCode.OK, nonsense.StatusCode);
        Assert.Contains($"/community/{benin}", await nonsense.BodyAsync());
        // Counted by status, with the chart's text alternative.
        Assert.Matches("role=\"img\" aria-label=\"[^\"]*Live: \\d+", WebUtility.HtmlDecode(await visitor.GetStringAsync("/community")));
    }

    [Fact]
    public async Task An_installations_page_shows_its_modules_description_and_links_in_the_readers_language()
    {
        var organiser = await app.BrowserAs(Roles.Organiser);
        var slug = Slug("page");
        await AddAsync(organiser, slug);
        var english = WebUtility.HtmlDecode(await app.Browser().GetStringAsync($"/community/{slug}"));
        Assert.Contains("<h1>SBDI BioAtlas</h1>", english);
        Assert.Matches("<td>Biocache</td><td>\\s*<a href=\"https://records.biodiversitydata.se\" rel=\"noopener\">https://records.biodiversitydata.se</a>\\s*</td>", english);
        Assert.Contains("An <strong>open</strong> e-infrastructure", english);
        Assert.Contains("<a href=\"https://github.com/biodiversitydata-se\" rel=\"noopener\">GitHub account</a>", english);
        Assert.Contains("Sweden", english);

        var spanishReader = app.Browser();
        spanishReader.DefaultRequestHeaders.AcceptLanguage.ParseAdd("es");
        var spanish = WebUtility.HtmlDecode(await spanishReader.GetStringAsync($"/community/{slug}"));
        Assert.Contains("Una infraestructura <strong>abierta</strong>", spanish);
        Assert.Contains("Suecia", spanish);
        var french = app.Browser();
        french.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr");
        var page = WebUtility.HtmlDecode(await french.GetStringAsync($"/community/{slug}"));
        Assert.Contains("<div class=\"prose\" lang=\"en\">", page);

        Assert.Equal(HttpStatusCode.NotFound, (await app.Browser().GetAsync("/community/no-such-portal")).StatusCode);
    }

    [Theory]
    [InlineData("Input.Modules[0].Address", "records.example", "The address of “Biocache” must be a full web address")]
    [InlineData("Input.Country", "ZZ", "Choose the country from the list.")]
    [InlineData("Input.WebAddress", "javascript:alert(1)", "The web address must be a full address")]
    [InlineData("Input.Slug", "Not A Slug", "The address name uses lower-case letters")]
    [InlineData("Input.Name", "", "Give the installation a name.")]
    [InlineData("Input.StartedYear", "1700", "The year it started is between 1990 and next year.")]
    public async Task Bad_input_is_refused_with_its_reason_and_nothing_is_saved(string field, string value, string message)
    {
        var organiser = await app.BrowserAs(Roles.Organiser);
        var slug = Slug("bad");
        var refused = await AddAsync(organiser, slug, f => f[field] = value);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains(message, Forms.Errors(await refused.BodyAsync()));
        Assert.False(await app.WithDb(db => db.Installations.AnyAsync(i => i.Slug == slug)));
    }

    [Fact]
    public async Task A_taken_address_name_is_refused_and_a_stale_form_does_not_overwrite_another_organisers_save()
    {
        var organiser = await app.BrowserAs(Roles.Organiser);
        var slug = Slug("twice");
        await AddAsync(organiser, slug);
        var again = await AddAsync(organiser, slug, f => f["Input.Name"] = "Another portal");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
        Assert.Contains($"Another installation uses the address name '{slug}' already", Forms.Errors(await again.BodyAsync()));
        Assert.Equal(1, await app.WithDb(db => db.Installations.CountAsync(i => i.Slug == slug)));

        var id = await app.WithDb(db => db.Installations.Where(i => i.Slug == slug).Select(i => i.Id).SingleAsync());
        var edit = $"/organise/installations/{id}/edit";
        var first = await BrowserForm.LoadAsync(organiser, edit);
        var admin = await app.BrowserAs(Roles.Admin);
        var second = await BrowserForm.LoadAsync(admin, edit);
        Assert.Equal(HttpStatusCode.Redirect, (await first.With("Input.Status", nameof(InstallationStatus.Degraded)).PostAsync(organiser)).StatusCode);
        var stale = await second.With("Input.Status", nameof(InstallationStatus.Offline)).PostAsync(admin);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(InstallationStatus.Degraded, await app.WithDb(db => db.Installations.Where(i => i.Id == id).Select(i => i.Status).SingleAsync()));
    }

    [Fact]
    public async Task An_organiser_takes_an_installation_out_of_the_registry()
    {
        var organiser = await app.BrowserAs(Roles.Organiser);
        var slug = Slug("gone");
        await AddAsync(organiser, slug);
        var id = await app.WithDb(db => db.Installations.Where(i => i.Slug == slug).Select(i => i.Id).SingleAsync());
        Assert.Contains($"/organise/installations/{id}/delete", await organiser.GetStringAsync($"/organise/installations/{id}/edit"));
        var form = await BrowserForm.LoadAsync(organiser, $"/organise/installations/{id}/delete");
        Assert.Equal(HttpStatusCode.Redirect, (await form.PostAsync(organiser)).StatusCode);
        Assert.False(await app.WithDb(db => db.Installations.AnyAsync(i => i.Id == id)));
        Assert.Equal(HttpStatusCode.NotFound, (await app.Browser().GetAsync($"/community/{slug}")).StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(Roles.Member)]
    [InlineData(Roles.Reviewer)]
    public async Task Only_organisers_and_admins_keep_the_registry(string? role)
    {
        var organiser = await app.BrowserAs(Roles.Organiser);
        var slug = Slug("kept");
        await AddAsync(organiser, slug);
        var id = await app.WithDb(db => db.Installations.Where(i => i.Slug == slug).Select(i => i.Id).SingleAsync());
        var client = await app.BrowserAs(role);
        foreach (var page in new[] { "/organise/installations", "/organise/installations/new", $"/organise/installations/{id}/edit", $"/organise/installations/{id}/delete" })
            Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync(page)).StatusCode);
        var post = await client.PostAsync("/organise/installations/new", new FormUrlEncodedContent([new("Input.Name", "Hijacked"), new("Input.Slug", Slug("hijack"))]));
        Assert.True((int)post.StatusCode is >= 300 and < 500);
        var delete = await client.PostAsync($"/organise/installations/{id}/delete", new FormUrlEncodedContent([]));
        Assert.True((int)delete.StatusCode is >= 300 and < 500);
        Assert.False(await app.WithDb(db => db.Installations.AnyAsync(i => i.Name == "Hijacked")));
        Assert.True(await app.WithDb(db => db.Installations.AnyAsync(i => i.Id == id)));
        // Admins keep it too.
        Assert.Equal(HttpStatusCode.OK, (await (await app.BrowserAs(Roles.Admin)).GetAsync("/organise/installations")).StatusCode);
    }
}
