using System.Net;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Domain.Accounts;
using Workshops.Core.Domain.Archive;
using Workshops.Core.Domain.Community.Projects;
using Workshops.Core.Domain.Workshops;
using Workshops.IntegrationTests.Support;

namespace Workshops.IntegrationTests.Features.Community;

/// <summary>Funded projects: organisers keep them with their partners and the events they funded, shown on both sides.</summary>
public sealed class ProjectTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static string Slug(string stem) => $"{stem}-{Guid.NewGuid():N}"[..20];

    private async Task<ArchivedEvent> EventAsync(string title)
    {
        var e = ArchivedEvent.Create(Slug("event"), new ArchivedEventDetails(title, ArchivedEventType.Workshop, new DateOnly(2019, 4, 1), new DateOnly(2019, 4, 5),
            null, "Paris", "FR", "MNHN", null), null, DateTimeOffset.UtcNow);
        await app.WithDb(async db => { db.ArchivedEvents.Add(e); return await db.SaveChangesAsync(); });
        return e;
    }

    private static Task<HttpResponseMessage> AddAsync(HttpClient organiser, string slug, Action<Dictionary<string, string>>? change = null, params (string Key, string Value)[] ticked)
    {
        var fields = new List<KeyValuePair<string, string>>();
        var single = new Dictionary<string, string>
        {
            ["Input.Title"] = "International Living Atlases workshop",
            ["Input.Slug"] = slug,
            ["Input.Programme"] = "GBIF CESP",
            ["Input.Reference"] = "CESP2018-004",
            ["Input.Funding"] = "GBIF & co-funders",
            ["Input.Lead"] = "GBIF France",
            ["Input.Status"] = nameof(ProjectStatus.Closed),
            ["Input.StartYear"] = "2018",
            ["Input.EndYear"] = "2019",
            ["Input.Partners[0].Organisation"] = "GBIF Belgium",
            ["Input.Partners[0].Role"] = "Leader",
            ["Input.Partners[1].Organisation"] = "GBIF Spain",
            ["Input.Partners[1].Role"] = "Co-coordinator",
            ["Input.Partners[2].Organisation"] = "",
            ["Input.Language"] = "en",
            ["Input.Description"] = "Improving **data use** with ALA modules.",
            ["Input.Translations[fr].Title"] = "Atelier international Living Atlases",
            ["Input.Translations[fr].Body"] = "Améliorer l’**usage des données**.",
        };
        change?.Invoke(single);
        fields.AddRange(single);
        fields.AddRange(ticked.Select(t => new KeyValuePair<string, string>(t.Key, t.Value)));
        return organiser.PostFormAsync("/organise/projects/new", fields, "/organise/projects/new");
    }

    [Fact]
    public async Task A_project_names_what_it_funded_and_each_event_names_the_project()
    {
        var organiser = await app.BrowserAs(Roles.Organiser);
        var workshop = await app.AddWorkshopAsync(Slug("ws"));
        var past = await EventAsync("Living Atlases workshop Paris");
        var slug = Slug("cesp");
        var added = await AddAsync(organiser, slug, null, ("Input.WorkshopIds", workshop.Id.ToString()), ("Input.EventIds", past.Id.ToString()));
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var stored = await app.WithDb(db => db.Projects.AsNoTracking().SingleAsync(p => p.Slug == slug));
        Assert.Equal([new ProjectPartner("GBIF Belgium", "Leader"), new ProjectPartner("GBIF Spain", "Co-coordinator")], stored.Partners);
        Assert.Equal([workshop.Id], stored.WorkshopIds);

        var page = WebUtility.HtmlDecode(await app.Browser().GetStringAsync($"/projects/{slug}"));
        Assert.Contains("<h1>International Living Atlases workshop</h1>", page);
        Assert.Contains("CESP2018-004", page);
        Assert.Contains("2018–2019", page);
        Assert.Contains("<td>GBIF Belgium</td><td>Leader</td>", page);
        Assert.Contains($"<a href=\"/workshops/{workshop.Slug}\">", page);
        Assert.Contains($"<a href=\"/archive/{past.Slug}\">Living Atlases workshop Paris</a> (2019)", page);
        Assert.Contains("Improving <strong>data use</strong>", page);
        var list = WebUtility.HtmlDecode(await app.Browser().GetStringAsync("/projects"));
        Assert.Contains($"<a href=\"/projects/{slug}\">International Living Atlases workshop</a>", list);

        foreach (var path in new[] { $"/workshops/{workshop.Slug}", $"/archive/{past.Slug}" })
        {
            var other = WebUtility.HtmlDecode(await app.Browser().GetStringAsync(path));
            Assert.Contains("Funded by", other);
            Assert.Contains($"<a href=\"/projects/{slug}\">International Living Atlases workshop</a>", other);
        }

        var french = app.Browser();
        french.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr");
        var inFrench = WebUtility.HtmlDecode(await french.GetStringAsync($"/projects/{slug}"));
        Assert.Contains("<h1>Atelier international Living Atlases</h1>", inFrench);
        Assert.Contains("l’<strong>usage des données</strong>", inFrench);
    }

    [Fact]
    public async Task A_draft_workshop_stays_off_the_projects_page()
    {
        var organiser = await app.BrowserAs(Roles.Organiser);
        var draft = await app.AddWorkshopAsync(Slug("draft"), WorkshopStatus.Draft);
        var slug = Slug("hidden");
        await AddAsync(organiser, slug, null, ("Input.WorkshopIds", draft.Id.ToString()));
        Assert.DoesNotContain($"/workshops/{draft.Slug}", await app.Browser().GetStringAsync($"/projects/{slug}"));
    }

    [Theory]
    [InlineData("Input.Title", "", "Give the project a title.")]
    [InlineData("Input.Slug", "CESP 2019", "The address name uses lower-case letters")]
    [InlineData("Input.EndYear", "2017", "The project cannot end before it starts.")]
    [InlineData("Input.StartYear", "1200", "A year is between 1990 and 2200.")]
    [InlineData("Input.Partners[0].Organisation", "", "Name the organisation of each partner with a role.")]
    [InlineData("Input.Translations[fr].Title", "", "Give the title in French too, or leave its description empty.")]
    public async Task Bad_input_is_refused_with_its_reason_and_nothing_is_saved(string field, string value, string message)
    {
        var organiser = await app.BrowserAs(Roles.Organiser);
        var slug = Slug("bad");
        var refused = await AddAsync(organiser, slug, f => f[field] = value);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains(message, Forms.Errors(await refused.BodyAsync()));
        Assert.False(await app.WithDb(db => db.Projects.AnyAsync(p => p.Slug == slug)));
    }

    [Fact]
    public async Task An_event_that_does_not_exist_is_refused()
    {
        var organiser = await app.BrowserAs(Roles.Organiser);
        var slug = Slug("ghost");
        var refused = await AddAsync(organiser, slug, null, ("Input.EventIds", Guid.NewGuid().ToString()));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("One of the ticked events no longer exists", Forms.Errors(await refused.BodyAsync()));
        Assert.False(await app.WithDb(db => db.Projects.AnyAsync(p => p.Slug == slug)));
    }

    [Fact]
    public async Task A_taken_address_is_refused_a_stale_form_does_not_overwrite_and_deleting_asks_first()
    {
        var organiser = await app.BrowserAs(Roles.Organiser);
        var slug = Slug("twice");
        await AddAsync(organiser, slug);
        var again = await AddAsync(organiser, slug);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
        Assert.Contains($"Another project uses the address name '{slug}' already", Forms.Errors(await again.BodyAsync()));

        var id = await app.WithDb(db => db.Projects.Where(p => p.Slug == slug).Select(p => p.Id).SingleAsync());
        var first = await BrowserForm.LoadAsync(organiser, $"/organise/projects/{id}/edit");
        var admin = await app.BrowserAs(Roles.Admin);
        var second = await BrowserForm.LoadAsync(admin, $"/organise/projects/{id}/edit");
        Assert.Equal(HttpStatusCode.Redirect, (await first.With("Input.Status", nameof(ProjectStatus.Active)).PostAsync(organiser)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await second.With("Input.Status", nameof(ProjectStatus.Planned)).PostAsync(admin)).StatusCode);
        Assert.Equal(ProjectStatus.Active, await app.WithDb(db => db.Projects.Where(p => p.Id == id).Select(p => p.Status).SingleAsync()));

        var confirm = await BrowserForm.LoadAsync(organiser, $"/organise/projects/{id}/delete");
        Assert.Equal(HttpStatusCode.Redirect, (await confirm.PostAsync(organiser)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Browser().GetAsync($"/projects/{slug}")).StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(Roles.Member)]
    [InlineData(Roles.Reviewer)]
    public async Task Only_organisers_and_admins_keep_the_projects(string? role)
    {
        var organiser = await app.BrowserAs(Roles.Organiser);
        var slug = Slug("kept");
        await AddAsync(organiser, slug);
        var id = await app.WithDb(db => db.Projects.Where(p => p.Slug == slug).Select(p => p.Id).SingleAsync());
        var client = await app.BrowserAs(role);
        foreach (var page in new[] { "/organise/projects", "/organise/projects/new", $"/organise/projects/{id}/edit", $"/organise/projects/{id}/delete" })
            Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync(page)).StatusCode);
        var hijack = Slug("hijack");
        var post = await client.PostAsync("/organise/projects/new", new FormUrlEncodedContent([new("Input.Title", "Hijacked"), new("Input.Slug", hijack)]));
        Assert.True((int)post.StatusCode is >= 300 and < 500);
        var delete = await client.PostAsync($"/organise/projects/{id}/delete", new FormUrlEncodedContent([]));
        Assert.True((int)delete.StatusCode is >= 300 and < 500);
        Assert.False(await app.WithDb(db => db.Projects.AnyAsync(p => p.Slug == hijack)));
        Assert.True(await app.WithDb(db => db.Projects.AnyAsync(p => p.Id == id)));
        Assert.Equal(HttpStatusCode.OK, (await (await app.BrowserAs(Roles.Admin)).GetAsync("/organise/projects")).StatusCode);
    }
}
