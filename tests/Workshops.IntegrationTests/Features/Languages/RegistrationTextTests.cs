using System.Net;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Domain.Accounts;
using Workshops.IntegrationTests.Support;

namespace Workshops.IntegrationTests.Features.Languages;

/// <summary>Organisers give the registration questions, their choices and the privacy notice in each language; answers stay in the workshop's.</summary>
public sealed class RegistrationTextTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task A_question_written_in_Spanish_is_asked_in_Spanish_and_its_answer_reads_in_each_language()
    {
        var workshop = await app.AddWorkshopAsync($"q-{Guid.NewGuid():N}"[..20]);
        var setup = await app.AddRegistrationAsync(workshop);
        var organiser = await app.BrowserAs(Roles.Organiser);
        var page = $"/organise/workshops/{workshop.Id}/registration";
        var form = await BrowserForm.LoadAsync(organiser, page);
        var saved = await form
            .With("Input.Translations[es].PrivacyNotice", "Guardamos sus datos solo para el taller.")
            .With("Input.Translations[es].Questions[0].Text", "¿Qué módulos usa?")
            .With("Input.Translations[es].Questions[0].Choices", "Biocache\nPortal espacial\nColectorio")
            .PostAsync(organiser);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var user = await app.CreateUserAsync();
        var member = await app.SignInAsync(user);
        member.DefaultRequestHeaders.AcceptLanguage.ParseAdd("es");
        var register = WebUtility.HtmlDecode(await member.GetStringAsync($"/workshops/{workshop.Slug}/register"));
        Assert.Contains("¿Qué módulos usa?", register);
        Assert.Contains("value=\"Spatial portal\" /> <span>Portal espacial</span>", register);
        Assert.Contains("Guardamos sus datos solo para el taller.", register);
        Assert.DoesNotContain("Which modules do you run?", register);

        var fields = RegistrationData.RegistrationFields(setup, workshop, user);
        fields[$"Input.Answers[{setup.Questions[0].Id}]"] = "Spatial portal";
        var registered = await member.PostFormAsync($"/workshops/{workshop.Slug}/register", fields);
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        var registration = await app.WithDb(db => db.Registrations.AsNoTracking().Include(r => r.Answers).SingleAsync(r => r.UserId == user.Id));
        Assert.Equal("Spatial portal", registration.Answers.Single(a => a.QuestionId == setup.Questions[0].Id).Value); // kept in the workshop's language

        var mine = WebUtility.HtmlDecode(await member.GetStringAsync($"/registrations/{registration.Id}"));
        Assert.Contains("<dt>¿Qué módulos usa?</dt><dd>Portal espacial</dd>", mine);
        member.DefaultRequestHeaders.AcceptLanguage.Clear();
        member.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var english = WebUtility.HtmlDecode(await member.GetStringAsync($"/registrations/{registration.Id}"));
        Assert.Contains("<dt>Which modules do you run?</dt><dd>Spatial portal</dd>", english);

        // The organiser's form brings the Spanish back in its place.
        var again = await BrowserForm.LoadAsync(organiser, page);
        Assert.Contains(again.Fields, f => f.Key == "Input.Translations[es].Questions[0].Choices" && f.Value == "Biocache\nPortal espacial\nColectorio");
    }

    [Fact]
    public async Task Translated_choices_that_do_not_line_up_with_the_original_are_refused_and_nothing_is_saved()
    {
        var workshop = await app.AddWorkshopAsync($"q-{Guid.NewGuid():N}"[..20]);
        await app.AddRegistrationAsync(workshop);
        var organiser = await app.BrowserAs(Roles.Organiser);
        var page = $"/organise/workshops/{workshop.Id}/registration";
        var form = await BrowserForm.LoadAsync(organiser, page);
        var refused = await form.With("Input.Translations[fr].Questions[0].Text", "Quels modules utilisez-vous ?")
            .With("Input.Translations[fr].Questions[0].Choices", "Biocache\nPortail spatial").PostAsync(organiser);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("Give “Which modules do you run?” in French as many choices as in the original, in the same order.", Forms.Errors(await refused.BodyAsync()));
        var stored = await app.WithDb(db => db.RegistrationSetups.AsNoTracking().Include(s => s.Questions).SingleAsync(s => s.WorkshopId == workshop.Id));
        Assert.All(stored.Questions, q => Assert.Equal(["en"], q.Text.Languages));
    }
}
