using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using UglyToad.PdfPig;
using Workshops.Core.Domain.Accounts;
using Workshops.Core.Domain.Packs;
using Workshops.IntegrationTests.Support;

namespace Workshops.IntegrationTests.Features.Languages;

/// <summary>The packs' practical information, letterhead and signature in each language, and letters in the participant's language or English.</summary>
public sealed class PackTextTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static string Text(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Join(" ", document.GetPages().Select(p => p.Text)).Normalize(NormalizationForm.FormC).Replace(" ", "");
    }

    private static string Flat(string s) => s.Normalize(NormalizationForm.FormC).Replace(" ", "");

    [Fact]
    public async Task Each_attendee_reads_the_practical_information_in_their_language_and_letters_follow_the_organisers_choice()
    {
        var (workshop, setup) = await app.PackWorkshopAsync();
        var organiser = await app.BrowserAs(Roles.Organiser);
        var page = $"/organise/workshops/{workshop.Id}/packs";
        var saved = await (await BrowserForm.LoadAsync(organiser, page, "Settings"))
            .With("PracticalInfo", "## Venue\n\nThe Royal Botanical Garden, main gate.")
            .With("Signatory", "Ana Souza, chair of the committee")
            .With("Translations[es].PracticalInfo", "## Lugar\n\nEl Real Jardín Botánico, puerta principal.")
            .With("Translations[es].Signatory", "Ana Souza, presidenta del comité")
            .PostAsync(organiser);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var lucia = await app.AdmitAsync(workshop, setup, "Lucía Pérez", language: "es", letter: true);
        var ana = await app.AdmitAsync(workshop, setup, "Ana Lima");
        await organiser.GenerateAsync(workshop);
        await app.FinishedRunAsync(workshop);
        var spanish = Text(await lucia.Client.GetByteArrayAsync($"/registrations/{lucia.Id}/pack.pdf"));
        Assert.Contains(Flat("Información práctica"), spanish);
        Assert.Contains(Flat("El Real Jardín Botánico, puerta principal."), spanish);
        Assert.DoesNotContain(Flat("main gate"), spanish);
        var english = Text(await ana.Client.GetByteArrayAsync($"/registrations/{ana.Id}/pack.pdf"));
        Assert.Contains(Flat("The Royal Botanical Garden, main gate."), english);
        Assert.DoesNotContain(Flat("puerta principal"), english);

        // The letter in Lucía's language, signed in it, until the organisers ask for English.
        var letter = Text(await organiser.GetByteArrayAsync($"/registrations/{lucia.Id}/letter.pdf"));
        Assert.Contains(Flat("Carta de invitación"), letter);
        Assert.Contains(Flat("Ana Souza, presidenta del comité"), letter);
        var form = await BrowserForm.LoadAsync(organiser, page, "Settings");
        Assert.Contains(form.Fields, f => f.Key == "Translations[es].Signatory" && f.Value == "Ana Souza, presidenta del comité");
        Assert.Equal(HttpStatusCode.Redirect, (await form.With("LettersInEnglish", "true").PostAsync(organiser)).StatusCode);
        letter = Text(await organiser.GetByteArrayAsync($"/registrations/{lucia.Id}/letter.pdf"));
        Assert.Contains(Flat("Invitation letter"), letter);
        Assert.Contains(Flat("Ana Souza, chair of the committee"), letter);
        Assert.DoesNotContain(Flat("Carta de invitación"), letter);
        var stored = await app.WithDb(db => db.PackSettings.AsNoTracking().SingleAsync(s => s.WorkshopId == workshop.Id));
        Assert.True(stored.LettersInEnglish);
        Assert.Equal(["en", "es"], stored.PracticalInfo!.Languages);
    }

    [Fact]
    public async Task A_translation_too_long_is_refused_and_nothing_is_saved()
    {
        var (workshop, _) = await app.PackWorkshopAsync();
        var organiser = await app.BrowserAs(Roles.Organiser);
        var page = $"/organise/workshops/{workshop.Id}/packs";
        var refused = await (await BrowserForm.LoadAsync(organiser, page, "Settings"))
            .With("PracticalInfo", "Fine")
            .With("Translations[fr].Letterhead", new string('x', PackSettings.MaxLetterhead + 1))
            .PostAsync(organiser);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("The letterhead can be at most 1,000 characters.", Forms.Errors(await refused.BodyAsync()));
        Assert.False(await app.WithDb(db => db.PackSettings.AnyAsync(s => s.WorkshopId == workshop.Id)));
    }
}
