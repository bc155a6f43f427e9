using System.Net;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Domain.Accounts;
using Workshops.Core.Domain.Community.Pages;
using Workshops.IntegrationTests.Support;

namespace Workshops.IntegrationTests.Features.Community;

/// <summary>Site pages: organisers write them in Markdown and in each language, at /{address}, linked from the menu or the footer.</summary>
public sealed class SitePageTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static string Slug(string stem) => $"{stem}-{Guid.NewGuid():N}"[..20];

    private static async Task<HttpResponseMessage> WriteAsync(HttpClient organiser, string slug, Action<Dictionary<string, string>>? change = null)
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.Title"] = "Governance",
            ["Input.Slug"] = slug,
            ["Input.Body"] = "The community is run by a **steering committee**.\n\n## Members\n\n- Ana\n- João",
            ["Input.Placement"] = nameof(PagePlacement.Menu),
            ["Input.Position"] = "3",
            ["Input.Language"] = "en",
            ["Input.Translations[es].Title"] = "Gobernanza",
            ["Input.Translations[es].Body"] = "La comunidad la dirige un **comité** de coordinación.",
        };
        change?.Invoke(fields);
        return await organiser.PostFormAsync("/organise/pages/new", fields);
    }

    [Fact]
    public async Task An_organiser_writes_a_page_and_visitors_read_it_at_its_address_from_the_menu_in_their_language()
    {
        var organiser = await app.BrowserAs(Roles.Organiser);
        var slug = Slug("governance");
        Assert.Equal(HttpStatusCode.Redirect, (await WriteAsync(organiser, slug)).StatusCode);
        var stored = await app.WithDb(db => db.SitePages.AsNoTracking().SingleAsync(p => p.Slug == slug));
        Assert.Equal(["en", "es"], stored.Title.Languages);

        var english = WebUtility.HtmlDecode(await app.Browser().GetStringAsync($"/{slug}"));
        // The old site's spelling, /about/, leads to the one address.
        var slashed = await app.Browser().GetAsync($"/{slug}/");
        Assert.Equal(HttpStatusCode.MovedPermanently, slashed.StatusCode);
        Assert.Equal($"/{slug}", slashed.Headers.Location?.OriginalString);
        Assert.Contains("<h1>Governance</h1>", english);
        Assert.Contains("a <strong>steering committee</strong>", english);
        Assert.Contains("<h2", english);
        // Every page's menu links to it.
        Assert.Contains($"<li><a href=\"/{slug}\">Governance</a></li>", WebUtility.HtmlDecode(await app.Browser().GetStringAsync("/calls")));

        var spanishReader = app.Browser();
        spanishReader.DefaultRequestHeaders.AcceptLanguage.ParseAdd("es");
        var spanish = WebUtility.HtmlDecode(await spanishReader.GetStringAsync($"/{slug}"));
        Assert.Contains("<h1>Gobernanza</h1>", spanish);
        Assert.Contains("un <strong>comité</strong>", spanish);
        var frenchReader = app.Browser();
        frenchReader.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr");
        var french = WebUtility.HtmlDecode(await frenchReader.GetStringAsync($"/{slug}"));
        Assert.Contains("<h1 lang=\"en\">Governance</h1>", french);
        Assert.Contains("<div class=\"prose\" lang=\"en\">", french);

        var list = WebUtility.HtmlDecode(await organiser.GetStringAsync("/organise/pages"));
        Assert.Contains($"<a href=\"/organise/pages/{stored.Id}/edit\">Governance</a>", list);
        var form = await BrowserForm.LoadAsync(organiser, $"/organise/pages/{stored.Id}/edit");
        Assert.Contains(form.Fields, f => f.Key == "Input.Translations[es].Title" && f.Value == "Gobernanza");
    }

    [Fact]
    public async Task A_footer_page_is_linked_in_the_footer_and_a_hidden_one_nowhere()
    {
        var organiser = await app.BrowserAs(Roles.Organiser);
        var footer = Slug("contact");
        var hidden = Slug("hidden");
        await WriteAsync(organiser, footer, f => { f["Input.Title"] = "Contact us"; f["Input.Placement"] = nameof(PagePlacement.Footer); });
        await WriteAsync(organiser, hidden, f => { f["Input.Title"] = "Old minutes"; f["Input.Placement"] = nameof(PagePlacement.Hidden); });
        var home = WebUtility.HtmlDecode(await app.Browser().GetStringAsync("/archive"));
        var foot = home[home.IndexOf("<footer", StringComparison.Ordinal)..];
        Assert.Contains($"<a href=\"/{footer}\">Contact us</a>", foot);
        Assert.DoesNotContain($"/{hidden}", home);
        Assert.Equal(HttpStatusCode.OK, (await app.Browser().GetAsync($"/{hidden}")).StatusCode);
    }

    [Theory]
    [InlineData("Input.Slug", "Not A Page", "The address uses lower-case letters")]
    [InlineData("Input.Slug", "calls", "The site uses /calls already")]
    [InlineData("Input.Slug", "community", "The site uses /community already")]
    [InlineData("Input.Slug", "css", "The site uses /css already")]
    [InlineData("Input.Title", "", "Give the page a title.")]
    [InlineData("Input.Body", " ", "Write the page's text.")]
    [InlineData("Input.Translations[es].Body", "", "Give the title and the text in Spanish, or leave both empty.")]
    [InlineData("Input.Position", "5000", "The position is a number from 0 to 999.")]
    public async Task Bad_input_is_refused_with_its_reason_and_nothing_is_saved(string field, string value, string message)
    {
        var organiser = await app.BrowserAs(Roles.Organiser);
        var marker = $"Refused {Guid.NewGuid():N}";
        var refused = await WriteAsync(organiser, Slug("bad"), f => { f["Input.Title"] = marker; f[field] = value; });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains(message, Forms.Errors(await refused.BodyAsync()));
        Assert.False(await app.WithDb(async db => (await db.SitePages.AsNoTracking().ToListAsync()).Any(p => p.Title.Default == marker)));
    }

    [Fact]
    public async Task A_taken_address_is_refused_and_a_stale_form_does_not_overwrite_another_organisers_save()
    {
        var organiser = await app.BrowserAs(Roles.Organiser);
        var slug = Slug("faq");
        await WriteAsync(organiser, slug);
        var again = await WriteAsync(organiser, slug, f => f["Input.Title"] = "Another");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
        Assert.Contains($"Another page is at /{slug} already", Forms.Errors(await again.BodyAsync()));
        Assert.Equal(1, await app.WithDb(db => db.SitePages.CountAsync(p => p.Slug == slug)));

        var id = await app.WithDb(db => db.SitePages.Where(p => p.Slug == slug).Select(p => p.Id).SingleAsync());
        var edit = $"/organise/pages/{id}/edit";
        var first = await BrowserForm.LoadAsync(organiser, edit);
        var admin = await app.BrowserAs(Roles.Admin);
        var second = await BrowserForm.LoadAsync(admin, edit);
        Assert.Equal(HttpStatusCode.Redirect, (await first.With("Input.Title", "Questions").PostAsync(organiser)).StatusCode);
        var stale = await second.With("Input.Title", "FAQ").PostAsync(admin);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("Questions", await app.WithDb(async db => (await db.SitePages.AsNoTracking().SingleAsync(p => p.Id == id)).Title.Default));
        Assert.Contains("<h1>Questions</h1>", await app.Browser().GetStringAsync($"/{slug}"));
    }

    [Fact]
    public async Task Deleting_asks_first_then_the_page_and_its_menu_link_go()
    {
        var organiser = await app.BrowserAs(Roles.Organiser);
        var slug = Slug("gone");
        await WriteAsync(organiser, slug, f => f["Input.Title"] = "Soon gone");
        var id = await app.WithDb(db => db.SitePages.Where(p => p.Slug == slug).Select(p => p.Id).SingleAsync());
        var confirm = await BrowserForm.LoadAsync(organiser, $"/organise/pages/{id}/delete");
        Assert.Contains("This cannot be undone", WebUtility.HtmlDecode(await organiser.GetStringAsync($"/organise/pages/{id}/delete")));
        Assert.Equal(HttpStatusCode.Redirect, (await confirm.PostAsync(organiser)).StatusCode);
        Assert.False(await app.WithDb(db => db.SitePages.AnyAsync(p => p.Id == id)));
        Assert.Equal(HttpStatusCode.NotFound, (await app.Browser().GetAsync($"/{slug}")).StatusCode);
        Assert.DoesNotContain($"/{slug}\"", await app.Browser().GetStringAsync("/calls"));
    }

    [Fact]
    public async Task An_address_no_page_has_is_not_found()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await app.Browser().GetAsync("/no-such-page")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Browser().GetAsync("/No_Such.Page")).StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(Roles.Member)]
    [InlineData(Roles.Reviewer)]
    public async Task Only_organisers_and_admins_write_pages(string? role)
    {
        var organiser = await app.BrowserAs(Roles.Organiser);
        var slug = Slug("kept");
        await WriteAsync(organiser, slug);
        var id = await app.WithDb(db => db.SitePages.Where(p => p.Slug == slug).Select(p => p.Id).SingleAsync());
        var client = await app.BrowserAs(role);
        foreach (var page in new[] { "/organise/pages", "/organise/pages/new", $"/organise/pages/{id}/edit", $"/organise/pages/{id}/delete" })
            Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync(page)).StatusCode);
        var hijack = Slug("hijack");
        var post = await client.PostAsync("/organise/pages/new", new FormUrlEncodedContent([new("Input.Title", "Hijacked"), new("Input.Slug", hijack), new("Input.Body", "x")]));
        Assert.True((int)post.StatusCode is >= 300 and < 500);
        var delete = await client.PostAsync($"/organise/pages/{id}/delete", new FormUrlEncodedContent([]));
        Assert.True((int)delete.StatusCode is >= 300 and < 500);
        Assert.False(await app.WithDb(db => db.SitePages.AnyAsync(p => p.Slug == hijack)));
        Assert.True(await app.WithDb(db => db.SitePages.AnyAsync(p => p.Id == id)));
        Assert.Equal(HttpStatusCode.OK, (await (await app.BrowserAs(Roles.Admin)).GetAsync("/organise/pages")).StatusCode);
    }
}
