using System.Net;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Domain.Accounts;
using Workshops.IntegrationTests.Support;

namespace Workshops.IntegrationTests.Features.Languages;

/// <summary>Organisers give a workshop's title and description in each language; readers get theirs, or the workshop's own with a note.</summary>
public sealed class WorkshopTextTests(AppFactory app) : IClassFixture<AppFactory>
{
    private HttpClient Reader(string language)
    {
        var client = app.Browser();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return client;
    }

    [Fact]
    public async Task A_Spanish_title_and_description_reach_Spanish_readers_and_others_get_the_workshop_s_own_language_with_a_note()
    {
        var workshop = await app.AddWorkshopAsync($"t-{Guid.NewGuid():N}"[..20]);
        var organiser = await app.BrowserAs(Roles.Organiser);
        var edit = $"/organise/workshops/{workshop.Id}/edit";
        var form = await BrowserForm.LoadAsync(organiser, edit);
        Assert.Contains(form.Fields, f => f.Key == "Input.Translations[es].Title");
        var saved = await form.With("Input.Title", "Living Atlases Workshop, Lima").With("Input.Language", "en")
            .With("Input.Description", "A week of **work** on the portals.")
            .With("Input.Translations[es].Title", "Taller de Living Atlases, Lima")
            .With("Input.Translations[es].Description", "Una semana de **trabajo** en los portales.")
            .PostAsync(organiser);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var spanish = WebUtility.HtmlDecode(await Reader("es").GetStringAsync($"/workshops/{workshop.Slug}"));
        Assert.Contains("<h1>Taller de Living Atlases, Lima</h1>", spanish);
        Assert.Contains("Una semana de <strong>trabajo</strong> en los portales.", spanish);
        Assert.DoesNotContain("language-note", spanish);
        Assert.Contains("<title>Taller de Living Atlases, Lima", spanish);

        var french = WebUtility.HtmlDecode(await Reader("fr").GetStringAsync($"/workshops/{workshop.Slug}"));
        Assert.Contains("<h1 lang=\"en\">Living Atlases Workshop, Lima</h1>", french);
        Assert.Contains("<div class=\"prose\" lang=\"en\">", french);
        Assert.Contains("Cet atelier n’est décrit qu’en anglais.", french);

        var english = WebUtility.HtmlDecode(await Reader("en").GetStringAsync($"/workshops/{workshop.Slug}"));
        Assert.Contains("<h1>Living Atlases Workshop, Lima</h1>", english);
        Assert.DoesNotContain("language-note", english);

        // The organiser's form comes back with each language in its place.
        var again = await BrowserForm.LoadAsync(organiser, edit);
        Assert.Contains(again.Fields, f => f.Key == "Input.Translations[es].Title" && f.Value == "Taller de Living Atlases, Lima");
        Assert.Contains(again.Fields, f => f.Key == "Input.Title" && f.Value == "Living Atlases Workshop, Lima");
        var stored = await app.WithDb(db => db.Workshops.AsNoTracking().Where(w => w.Id == workshop.Id).Select(w => w.Title).SingleAsync());
        Assert.Equal(["en", "es"], stored.Languages);
    }

    [Fact]
    public async Task The_notes_on_the_venue_show_under_the_address_in_each_readers_language()
    {
        var workshop = await app.AddWorkshopAsync($"t-{Guid.NewGuid():N}"[..20]);
        var organiser = await app.BrowserAs(Roles.Organiser);
        var edit = $"/organise/workshops/{workshop.Id}/edit";
        var saved = await (await BrowserForm.LoadAsync(organiser, edit)).With("Input.Language", "en")
            .With("Input.VenueNotes", "Take **gate 1**; the rooms are step-free.")
            .With("Input.Translations[pt].VenueNotes", "Entre pelo **portão 1**; as salas não têm degraus.")
            .PostAsync(organiser);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var portuguese = WebUtility.HtmlDecode(await Reader("pt").GetStringAsync($"/workshops/{workshop.Slug}"));
        Assert.Contains("Entre pelo <strong>portão 1</strong>; as salas não têm degraus.", portuguese);
        var spanish = WebUtility.HtmlDecode(await Reader("es").GetStringAsync($"/workshops/{workshop.Slug}"));
        Assert.Contains("<div class=\"prose venue-notes\" lang=\"en\"><p>Take <strong>gate 1</strong>; the rooms are step-free.</p>", spanish);
        Assert.Contains("Este taller solo está descrito en inglés.", spanish);
        var again = await BrowserForm.LoadAsync(organiser, edit);
        Assert.Contains(again.Fields, f => f.Key == "Input.Translations[pt].VenueNotes" && f.Value == "Entre pelo **portão 1**; as salas não têm degraus.");

        // Too long in any language is refused beside its field, and nothing is saved.
        var refused = await again.With("Input.Translations[pt].VenueNotes", new string('x', 5_001)).PostAsync(organiser);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("The notes on the venue can be at most 5,000 characters.", Forms.Errors(await refused.BodyAsync()));
        var stored = await app.WithDb(db => db.Workshops.AsNoTracking().Where(w => w.Id == workshop.Id).Select(w => w.VenueNotes).SingleAsync());
        Assert.Equal("Entre pelo **portão 1**; as salas não têm degraus.", stored!.Exactly("pt"));
    }

    [Fact]
    public async Task A_workshop_written_first_in_Portuguese_falls_back_to_Portuguese()
    {
        var workshop = await app.AddWorkshopAsync($"t-{Guid.NewGuid():N}"[..20]);
        var organiser = await app.BrowserAs(Roles.Organiser);
        var form = await BrowserForm.LoadAsync(organiser, $"/organise/workshops/{workshop.Id}/edit");
        var saved = await form.With("Input.Title", "Workshop Living Atlases, Manaus").With("Input.Language", "pt").PostAsync(organiser);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var spanish = WebUtility.HtmlDecode(await Reader("es").GetStringAsync($"/workshops/{workshop.Slug}"));
        Assert.Contains("<h1 lang=\"pt\">Workshop Living Atlases, Manaus</h1>", spanish);
        Assert.Contains("Este taller solo está descrito en portugués.", spanish);
    }

    [Fact]
    public async Task A_translation_too_long_or_an_unknown_language_is_refused_beside_its_field_and_nothing_is_saved()
    {
        var workshop = await app.AddWorkshopAsync($"t-{Guid.NewGuid():N}"[..20]);
        var organiser = await app.BrowserAs(Roles.Organiser);
        var edit = $"/organise/workshops/{workshop.Id}/edit";
        var form = await BrowserForm.LoadAsync(organiser, edit);

        var tooLong = await form.With("Input.Translations[fr].Title", new string('x', 201)).PostAsync(organiser);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooLong.StatusCode);
        Assert.Contains("The title can be at most 200 characters.", Forms.Errors(await tooLong.BodyAsync()));

        var unknown = await form.With("Input.Language", "Klingon!").PostAsync(organiser);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknown.StatusCode);
        Assert.Contains("Choose the language from the list.", Forms.Errors(await unknown.BodyAsync()));

        var stored = await app.WithDb(db => db.Workshops.AsNoTracking().Where(w => w.Id == workshop.Id).Select(w => w.Title).SingleAsync());
        Assert.Equal(["en"], stored.Languages);
    }
}
