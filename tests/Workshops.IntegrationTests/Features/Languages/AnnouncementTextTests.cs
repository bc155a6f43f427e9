using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Workshops.Core.Domain.Accounts;
using Workshops.Core.Domain.Announcements;
using Workshops.Core.Domain.Registrations;
using Workshops.IntegrationTests.Support;

namespace Workshops.IntegrationTests.Features.Languages;

/// <summary>Announcements, news and reminders in each language: each person gets their language when it is written, else the one it was written in.</summary>
public sealed class AnnouncementTextTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static HttpClient In(HttpClient client, string language)
    {
        client.DefaultRequestHeaders.AcceptLanguage.Clear();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return client;
    }

    [Fact]
    public async Task An_announcement_written_in_English_and_Spanish_reaches_each_registrant_and_news_reader_in_theirs()
    {
        var workshop = await app.AddWorkshopAsync($"an-{Guid.NewGuid():N}"[..20]);
        var setup = await app.AddRegistrationAsync(workshop);
        var lucia = await app.RegistrantAsync(workshop, setup, await app.CreateUserAsync(), "Lucía Pérez", language: "es");
        var ana = await app.RegistrantAsync(workshop, setup, await app.CreateUserAsync(), "Ana Lima", language: "pt");
        var organiser = await app.BrowserAs(Roles.Organiser);
        var composed = await organiser.PostFormAsync("/organise/announcements/new", new()
        {
            ["Input.Subject"] = "The agenda of {workshop_title} is out",
            ["Input.Body"] = "Dear {first_name},\n\nThe agenda is **published**.",
            ["Input.Language"] = "en",
            ["Input.Translations[es].Subject"] = "La agenda de {workshop_title} ya está publicada",
            ["Input.Translations[es].Body"] = "Estimada/o {first_name}:\n\nLa agenda está **publicada**.",
            ["Input.WorkshopId"] = workshop.Id.ToString(),
            ["Input.Statuses[0]"] = nameof(RegistrationStatus.Submitted),
            ["Input.PublishAsNews"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, composed.StatusCode);
        var id = Guid.Parse(composed.Headers.Location!.ToString().Split('/').Last());
        var stored = await app.WithDb(db => db.Announcements.AsNoTracking().SingleAsync(a => a.Id == id));
        Assert.Equal(["en", "es"], stored.Subject.Languages);
        var form = await BrowserForm.LoadAsync(organiser, $"/organise/announcements/{id}");
        Assert.Contains(form.Fields, f => f.Key == "Input.Translations[es].Subject" && f.Value == "La agenda de {workshop_title} ya está publicada");

        await app.SendNowAsync(id);
        var spanish = await app.WithDb(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.To == lucia.Email && m.Reference == id.ToString()));
        Assert.Equal($"La agenda de {workshop.Title.Default} ya está publicada", spanish.Subject);
        Assert.Contains("Estimada/o Lucía:", spanish.TextBody);
        // Written in no Portuguese: Ana gets the English, with the frame (the footer) in Portuguese.
        var english = await app.WithDb(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.To == ana.Email && m.Reference == id.ToString()));
        Assert.Equal($"The agenda of {workshop.Title.Default} is out", english.Subject);
        Assert.Contains("Deixe de receber", english.TextBody);

        var visitor = app.Browser();
        var item = WebUtility.HtmlDecode(await In(visitor, "es").GetStringAsync($"/news/{id}"));
        Assert.Contains("La agenda está <strong>publicada</strong>", item);
        Assert.DoesNotContain("no está escrita en su idioma", item);
        item = WebUtility.HtmlDecode(await In(visitor, "fr").GetStringAsync($"/news/{id}"));
        Assert.Contains("The agenda is <strong>published</strong>", item);
        Assert.Contains("Cette actualité n’est pas rédigée dans votre langue\u202f: la voici en anglais.", item);
        Assert.Contains("<h1 lang=\"en\">", item);
    }

    [Fact]
    public async Task Half_a_translation_is_refused_and_nothing_is_saved()
    {
        var organiser = await app.BrowserAs(Roles.Organiser);
        var before = await app.WithDb(db => db.Announcements.CountAsync());
        var refused = await organiser.PostFormAsync("/organise/announcements/new", new()
        {
            ["Input.Subject"] = "News",
            ["Input.Body"] = "Hello",
            ["Input.Language"] = "en",
            ["Input.Translations[fr].Subject"] = "Nouvelles",
            ["Input.Pasted"] = "ana@example.net",
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("Give the subject and the text in French, or leave both empty.", Forms.Errors(await refused.BodyAsync()));
        var madeUp = await organiser.PostFormAsync("/organise/announcements/new", new()
        {
            ["Input.Subject"] = "News", ["Input.Body"] = "Hello", ["Input.Language"] = "<x>", ["Input.Pasted"] = "ana@example.net",
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, madeUp.StatusCode);
        Assert.Contains("Choose the language from the list.", Forms.Errors(await madeUp.BodyAsync()));
        Assert.Equal(before, await app.WithDb(db => db.Announcements.CountAsync()));
    }

    [Fact]
    public async Task A_reminder_worded_in_Spanish_goes_in_Spanish_while_others_keep_the_built_in_wording_in_theirs()
    {
        var w = await app.AddWorkshopAsync($"rm-{Guid.NewGuid():N}"[..20]);
        var setup = await app.AddRegistrationAsync(w);
        var organiser = In(await app.BrowserAs(Roles.Organiser), "es");
        var page = $"/organise/workshops/{w.Id}/reminders";
        var saved = await organiser.PostFormAsync(page, new()
        {
            ["kind"] = nameof(ReminderKind.WorkshopStarting), ["version"] = "0", ["enabled"] = "true", ["days"] = "7",
            ["subject"] = "¡{workshop_title} empieza en {days} días!", ["body"] = "Hola, {first_name}: nos vemos pronto.",
        }, page);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var reminder = await app.WithDb(db => db.Reminders.AsNoTracking().SingleAsync(r => r.WorkshopId == w.Id));
        Assert.Equal("", reminder.Subject.Default); // nothing English written: English readers keep the built-in wording
        Assert.Contains("¡{workshop_title} empieza en {days} días!", WebUtility.HtmlDecode(await organiser.GetStringAsync(page)));
        Assert.Contains("Texto propio en: Español.", WebUtility.HtmlDecode(await organiser.GetStringAsync(page)));
        Assert.Contains("value=\"{workshop_title} starts in {days} days\"", WebUtility.HtmlDecode(await In(organiser, "en").GetStringAsync(page)));

        var lucia = await AdmittedAsync(w, setup, "Lucía Pérez", "es");
        var marie = await AdmittedAsync(w, setup, "Marie Dubois", "fr");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var clock = new FakeTimeProvider(w.StartsAt.AddDays(-7).AddMinutes(1));
            var planner = ActivatorUtilities.CreateInstance<ReminderPlanner>(scope.ServiceProvider, clock);
            await ActivatorUtilities.CreateInstance<ReminderSweep>(scope.ServiceProvider, clock, planner).RunAsync(default);
        }
        var sent = await app.WithDb(db => db.OutboxMessages.AsNoTracking().Where(m => m.Kind == ReminderSweep.Kind && (m.To == lucia.Email || m.To == marie.Email))
            .ToDictionaryAsync(m => m.To, m => m.Subject));
        Assert.Equal($"¡{w.Title.Default} empieza en 7 días!", sent[lucia.Email]);
        Assert.Equal($"{w.Title.Default} commence dans 7 jours", sent[marie.Email]);
    }

    private async Task<Registration> AdmittedAsync(Core.Domain.Workshops.Workshop w, RegistrationSetup setup, string name, string language)
    {
        var r = await app.RegistrantAsync(w, setup, await app.CreateUserAsync(), name, language: language);
        await app.WithDb(async db =>
        {
            var stored = await db.Registrations.FirstAsync(x => x.Id == r.Id);
            stored.MoveTo(RegistrationStatus.Admitted, null, DateTimeOffset.UtcNow);
            return await db.SaveChangesAsync();
        });
        return r;
    }
}
