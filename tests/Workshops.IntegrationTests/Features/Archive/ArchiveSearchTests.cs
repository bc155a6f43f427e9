using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workshops.Core.Domain.Accounts;
using Workshops.Core.Domain.Archive;
using Workshops.Core.Domain.Agenda;
using Workshops.Core.Domain.Materials;
using Workshops.IntegrationTests.Support;

namespace Workshops.IntegrationTests.Features.Archive;

public sealed class ArchiveSearchTests(AppFactory app) : IClassFixture<AppFactory>
{
    /// <summary>A word no other test uses, so each test finds only its own rows.</summary>
    private static string Word() => "w" + Guid.NewGuid().ToString("N")[..10];

    private async Task<ArchivedEvent> AddEventAsync(string title, int year, string country, ArchivedEventType type = ArchivedEventType.Workshop, string? description = null)
    {
        var e = ArchivedEvent.Create($"{year}-{Guid.NewGuid():N}"[..30], new ArchivedEventDetails(title, type, new DateOnly(year, 10, 3), new DateOnly(year, 10, 7),
            null, "Madrid", country, "Real Jardín Botánico", description), null, DateTimeOffset.UtcNow);
        await app.WithDb(async db =>
        {
            db.ArchivedEvents.Add(e);
            return await db.SaveChangesAsync();
        });
        return e;
    }

    private async Task ReindexAsync(Guid? eventId = null, Guid? workshopId = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var index = scope.ServiceProvider.GetRequiredService<ArchiveIndex>();
        if (eventId is { } e) await index.RebuildEventAsync(e, default);
        if (workshopId is { } w) await index.RebuildWorkshopAsync(w, default);
    }

    [Fact]
    public async Task A_visitor_finds_a_material_by_a_word_inside_its_pdf_once_the_text_is_read()
    {
        var word = Word();
        var workshop = await app.AddWorkshopAsync($"s-{Guid.NewGuid():N}"[..20]);
        var session = await app.AddItemAsync(workshop, "Spatial portal");
        var organiser = await app.BrowserAs(Roles.Organiser);
        var upload = await organiser.PostUploadAsync($"/materials/new?session={session.Id}",
            new() { ["Input.Title"] = "Layers and more", ["Input.Type"] = "Slides", ["Input.Visibility"] = "Public", ["Input.Speakers"] = "Ana" },
            ("Upload", "layers.pdf", MaterialData.Pdf($"We index {word} layers with GeoServer.")));
        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);

        var visitor = app.Browser();
        var page = "";
        for (var i = 0; i < 100 && !page.Contains("Layers and more"); i++)
        {
            await Task.Delay(200);
            page = await (await visitor.GetAsync($"/archive?q={word}")).BodyAsync();
        }
        Assert.Contains("Layers and more", page);
        Assert.Contains($"<mark>{word}</mark>", page);
        Assert.Contains("1 result", page);
        var material = await app.WithDb(db => db.Materials.AsNoTracking().SingleAsync(m => m.AgendaItemId == session.Id));
        Assert.Contains($"/materials/{material.Id}/file", page);
        Assert.True(await app.WithDb(db => db.FileTexts.AnyAsync(t => t.Hash == material.FileHash && t.Pages == 1)));
    }

    [Fact]
    public async Task Search_covers_titles_descriptions_speakers_and_sessions_and_highlights_them()
    {
        var word = Word();
        var e = await AddEventAsync($"Workshop on {word}", 2016, "Spain", description: "Developers met to work on the biocache.");
        await app.AddMaterialAsync(null, null, "Collectory module", link: "https://example.org/collectory", eventId: e.Id);
        await app.WithDb(async db =>
        {
            var m = await db.Materials.SingleAsync(x => x.ArchivedEventId == e.Id);
            m.Edit(new MaterialDetails("Collectory module", MaterialType.Recording, $"Marie-Élise {word}", MaterialVisibility.Public, "https://example.org/collectory"), DateTimeOffset.UtcNow);
            return await db.SaveChangesAsync();
        });
        await ReindexAsync(e.Id);

        var page = await (await app.Browser().GetAsync($"/archive?q={word}")).BodyAsync();
        Assert.Contains("2 results", page);
        Assert.Contains($"Workshop on <mark>{word}</mark>", page);
        Assert.Contains($"Marie-Élise <mark>{word}</mark>", page);

        var byDescription = await (await app.Browser().GetAsync($"/archive?q=biocache+{word[..6]}")).BodyAsync();
        Assert.Contains("<mark>biocache</mark>", byDescription);
    }

    [Fact]
    public async Task Words_in_any_language_are_found_without_their_accents_whatever_language_the_page_is_in()
    {
        var word = Word();
        var spanish = await AddEventAsync($"Taller {word} en São Paulo", 2018, "BR", description: "Portales de biodiversidad para los nodos de América Latina.");
        var french = await AddEventAsync($"Atelier {word} à Cotonou", 2019, "BJ", description: "Les portails de biodiversité des nœuds GBIF d'Afrique.");
        await ReindexAsync(spanish.Id);
        await ReindexAsync(french.Id);

        foreach (var language in new[] { "en", "es", "fr", "pt" })
        {
            var visitor = app.Browser();
            visitor.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
            async Task<string> Find(string q) => WebUtility.HtmlDecode(await (await visitor.GetAsync($"/archive?q={Uri.EscapeDataString(q)}")).BodyAsync());

            var bySpanish = await Find($"biodiversidad {word}");
            Assert.Contains($"Taller <mark>{word}</mark> en São Paulo", bySpanish);
            Assert.DoesNotContain("Cotonou", bySpanish);
            var byFrench = await Find($"biodiversite {word}"); // typed without its accent
            Assert.Contains($"Atelier <mark>{word}</mark> à Cotonou", byFrench);
            Assert.DoesNotContain("São Paulo", byFrench);
            var byPlace = await Find($"sao paulo {word}");
            Assert.Contains($"Taller <mark>{word}</mark> en", byPlace);
            Assert.DoesNotContain("Cotonou", byPlace);
        }
    }

    [Fact]
    public async Task Filters_narrow_results_by_year_kind_and_country()
    {
        var word = Word();
        var a = await AddEventAsync($"{word} in Madrid", 2015, "Spain");
        var b = await AddEventAsync($"{word} portal launch", 2017, "United Kingdom", ArchivedEventType.Portal);
        await ReindexAsync(a.Id);
        await ReindexAsync(b.Id);
        var client = app.Browser();

        Assert.Contains("2 results", await (await client.GetAsync($"/archive?q={word}")).BodyAsync());
        var byYear = await (await client.GetAsync($"/archive?q={word}&year=2017")).BodyAsync();
        Assert.Contains("1 result", byYear);
        Assert.Contains("portal launch", byYear);
        Assert.Contains("1 result", await (await client.GetAsync($"/archive?q={word}&type=Workshop")).BodyAsync());
        var byCountry = await (await client.GetAsync($"/archive?q={word}&country=Spain")).BodyAsync();
        Assert.Contains("in Madrid", byCountry);
        Assert.DoesNotContain("portal launch", byCountry);
    }

    [Theory]
    [InlineData(null, false, false)]
    [InlineData(Roles.Member, false, false)]
    [InlineData("participant", true, false)]
    [InlineData(Roles.Organiser, true, true)]
    public async Task Results_show_only_what_the_viewer_may_see(string? role, bool seesParticipants, bool seesOrganisers)
    {
        var word = Word();
        var workshop = await app.AddWorkshopAsync($"v-{Guid.NewGuid():N}"[..20]);
        await app.AddMaterialAsync(workshop.Id, null, $"{word} open", MaterialVisibility.Public);
        await app.AddMaterialAsync(workshop.Id, null, $"{word} exercises", MaterialVisibility.Participants);
        await app.AddMaterialAsync(workshop.Id, null, $"{word} budget", MaterialVisibility.Organisers);
        await ReindexAsync(workshopId: workshop.Id);
        HttpClient client;
        if (role == "participant")
        {
            var user = await app.CreateUserAsync();
            await app.AddItemAsync(workshop, "Their talk", speakers: new AgendaSpeakerDetails("P", user.Id));
            client = await app.SignInAsync(user);
        }
        else client = await app.BrowserAs(role);

        var page = await (await client.GetAsync($"/archive?q={word}")).BodyAsync();
        Assert.Contains($"<mark>{word}</mark> open", page);
        Assert.Equal(seesParticipants, page.Contains($"<mark>{word}</mark> exercises"));
        Assert.Equal(seesOrganisers, page.Contains($"<mark>{word}</mark> budget"));
    }

    [Theory]
    [InlineData("\"unbalanced")]
    [InlineData("NEAR(a b) OR * AND -x")]
    [InlineData("a:* & !b | (c")]
    [InlineData("'; DROP TABLE \"SearchDocuments\"; --")]
    [InlineData("*")]
    public async Task Query_syntax_in_the_search_box_is_only_words(string q)
    {
        var response = await app.Browser().GetAsync($"/archive?q={Uri.EscapeDataString(q)}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches(@"\d+ results? for", await response.BodyAsync());
    }

    [Fact]
    public async Task Odd_filters_are_ignored_rather_than_failing()
    {
        var client = app.Browser();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/archive?type=Bogus&year=abc&page=-4&q=x")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/archive?q={new string('a', 5000)}")).StatusCode);
    }

    [Fact]
    public async Task A_misspelling_is_offered_the_archives_own_word_and_marks_hold_words_alone()
    {
        var word = "zq" + Guid.NewGuid().ToString("N")[..6].Replace("0", "a").Replace("1", "b") + "biocache";
        var e = await AddEventAsync($"Hands-on {word} day", 2016, "ES", description: "Hosted at the *Real Jardín Botánico*, with {word}.".Replace("{word}", word));
        await ReindexAsync(e.Id);
        var client = app.Browser();

        // Two letters swapped: nothing matches, and the page offers the word the archive has.
        var misspelt = word[..^3] + "hce";
        var none = WebUtility.HtmlDecode(await client.GetStringAsync($"/archive?q={misspelt}"));
        Assert.Contains("0 results", none);
        Assert.Contains($"Did you mean <a href=\"/archive?q={word}\">{word}</a>?", none);

        var found = WebUtility.HtmlDecode(await client.GetStringAsync($"/archive?q={word}"));
        Assert.Contains($"<mark>{word}</mark>", found);
        Assert.DoesNotContain("<mark> ", found);
        // Grouped under its event, with its dates; the snippet is plain text, not Markdown.
        Assert.Contains($"class=\"result-event\">Hands-on {word} day · 2016 · Spain</h3>", found);
        Assert.Contains("Real Jardín Botánico", found);
        Assert.DoesNotContain("*Real Jardín", found);
    }
}
