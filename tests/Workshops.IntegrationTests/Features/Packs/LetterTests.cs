using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using UglyToad.PdfPig;
using Workshops.Core.Domain.Accounts;
using Workshops.Core.Domain.Registrations;
using Workshops.Core.Domain.Workshops;
using Workshops.IntegrationTests.Support;

namespace Workshops.IntegrationTests.Features.Packs;

public sealed class LetterTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static string Text(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Join(" ", document.GetPages().Select(p => p.Text)).Normalize(NormalizationForm.FormC).Replace(" ", "");
    }

    private async Task<(Workshop Workshop, RegistrationSetup Setup, (AppUser User, HttpClient Client, Guid Id) Kofi)> AskedAsync()
    {
        var (workshop, setup) = await app.PackWorkshopAsync();
        var user = await app.CreateUserAsync();
        var client = await app.SignInAsync(user);
        var fields = RegistrationData.RegistrationFields(setup, workshop, user);
        fields["Input.Name"] = "Kofi Mensah";
        fields["Input.WantsLetter"] = "true";
        fields["Input.PassportNationality"] = "Ghanaian";
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync($"/workshops/{workshop.Slug}/register", fields)).StatusCode);
        var id = await app.WithDb(db => db.Registrations.Where(r => r.UserId == user.Id).Select(r => r.Id).SingleAsync());
        return (workshop, setup, (user, client, id));
    }

    private static Task<HttpResponseMessage> DecideAsync(HttpClient organiser, Workshop workshop, Guid registration, bool approve) =>
        organiser.PostFormAsync($"/organise/workshops/{workshop.Id}/packs?handler=Letter",
            new() { ["registrationId"] = registration.ToString(), ["approve"] = approve ? "true" : "false" }, $"/organise/workshops/{workshop.Id}/packs");

    [Fact]
    public async Task A_participant_asks_for_a_letter_an_organiser_reads_and_approves_it_and_the_participant_downloads_it()
    {
        var (workshop, _, kofi) = await AskedAsync();
        var letter = $"/registrations/{kofi.Id}/letter.pdf";
        var mine = WebUtility.HtmlDecode(await (await kofi.Client.GetAsync($"/registrations/{kofi.Id}")).BodyAsync());
        Assert.Contains("the organisers approve each one", mine);
        Assert.Equal(HttpStatusCode.NotFound, (await kofi.Client.GetAsync(letter)).StatusCode);

        var organiser = await app.BrowserAs(Roles.Organiser);
        var page = WebUtility.HtmlDecode(await (await organiser.GetAsync($"/organise/workshops/{workshop.Id}/packs")).BodyAsync());
        Assert.Contains("1 request", page);
        Assert.Contains("Ghanaian", page);
        var draft = await organiser.GetAsync(letter);
        Assert.Equal(HttpStatusCode.OK, draft.StatusCode);
        Assert.Contains("KofiMensah(nationality:Ghanaian)", Text(await draft.Content.ReadAsByteArrayAsync()));

        Assert.Equal(HttpStatusCode.Redirect, (await DecideAsync(organiser, workshop, kofi.Id, approve: true)).StatusCode);
        var email = await app.Mail.WaitForAsync(kofi.User.Email!, "Your invitation letter");
        var link = Mailbox.LinkTo(email, "/registrations/link/");
        var download = await kofi.Client.GetAsync(letter);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        var text = Text(await download.Content.ReadAsByteArrayAsync());
        Assert.Contains("Invitationletter", text);
        Assert.Contains($"toattend{workshop.Title.Default.Replace(" ", "")}", text);
        Assert.Equal(HttpStatusCode.OK, (await (await app.BrowserAs(null)).GetAsync($"{link}/letter.pdf")).StatusCode);
        Assert.Contains("Download the invitation letter", WebUtility.HtmlDecode(await (await kofi.Client.GetAsync($"/registrations/{kofi.Id}")).BodyAsync()));

        // Withdrawn: the participant can no longer have it.
        Assert.Equal(HttpStatusCode.Redirect, (await DecideAsync(organiser, workshop, kofi.Id, approve: false)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await kofi.Client.GetAsync(letter)).StatusCode);
    }

    [Fact]
    public async Task Nobody_else_gets_the_letter_and_approving_what_cannot_be_approved_is_refused()
    {
        var (workshop, setup, kofi) = await AskedAsync();
        var organiser = await app.BrowserAs(Roles.Organiser);
        await DecideAsync(organiser, workshop, kofi.Id, approve: true);
        var letter = $"/registrations/{kofi.Id}/letter.pdf";
        var other = await app.AdmitAsync(workshop, setup, "Ana Souza");
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.GetAsync(letter)).StatusCode);
        foreach (var role in new[] { Roles.Member, Roles.Reviewer })
            Assert.Equal(HttpStatusCode.NotFound, (await (await app.BrowserAs(role)).GetAsync(letter)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await (await app.BrowserAs(null)).GetAsync(letter)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.BrowserAs(null)).GetAsync("/registrations/link/forged/letter.pdf")).StatusCode);

        // Ana asked for nothing; a registration of another workshop is not this page's to decide.
        var (otherWorkshop, otherSetup) = await app.PackWorkshopAsync();
        var stranger = await app.AdmitAsync(otherWorkshop, otherSetup, "Someone Else");
        foreach (var (id, message) in new[] { (other.Id, "did not ask for an invitation letter"), (stranger.Id, "not one of this workshop's") })
        {
            var refused = await DecideAsync(organiser, workshop, id, approve: true);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
            Assert.Contains(message, Forms.Errors(await refused.BodyAsync()));
        }
        Assert.False(await app.WithDb(db => db.Registrations.AnyAsync(r => (r.Id == other.Id || r.Id == stranger.Id) && r.LetterApprovedAt != null)));
        foreach (var role in new string?[] { null, Roles.Member, Roles.Reviewer })
        {
            var client = await app.BrowserAs(role);
            var post = await client.PostAsync($"/organise/workshops/{workshop.Id}/packs?handler=Letter",
                new FormUrlEncodedContent([new("registrationId", kofi.Id.ToString()), new("approve", "false")]));
            Assert.True((int)post.StatusCode is >= 300 and < 500);
        }
        Assert.True(await app.WithDb(db => db.Registrations.AnyAsync(r => r.Id == kofi.Id && r.LetterApprovedAt != null)));
    }

    [Fact]
    public async Task Asking_for_a_letter_needs_the_passports_nationality()
    {
        var workshop = await app.AddWorkshopAsync($"ln-{Guid.NewGuid():N}"[..20]);
        var setup = await app.AddRegistrationAsync(workshop, RegistrationMode.Approval);
        var user = await app.CreateUserAsync();
        var client = await app.SignInAsync(user);
        var fields = RegistrationData.RegistrationFields(setup, workshop, user);
        fields["Input.WantsLetter"] = "true";
        var refused = await client.PostFormAsync($"/workshops/{workshop.Slug}/register", fields);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("Give the nationality on your passport: the invitation letter names it.", Forms.Errors(await refused.BodyAsync()));
        Assert.False(await app.WithDb(db => db.Registrations.AnyAsync(r => r.UserId == user.Id)));
    }

    [Fact]
    public async Task A_letter_waits_for_a_seat()
    {
        var workshop = await app.AddWorkshopAsync($"lw-{Guid.NewGuid():N}"[..20]);
        var setup = await app.AddRegistrationAsync(workshop, RegistrationMode.Approval);
        var user = await app.CreateUserAsync();
        var client = await app.SignInAsync(user);
        var fields = RegistrationData.RegistrationFields(setup, workshop, user);
        fields["Input.WantsLetter"] = "true";
        fields["Input.PassportNationality"] = "Colombian";
        await client.PostFormAsync($"/workshops/{workshop.Slug}/register", fields);
        var id = await app.WithDb(db => db.Registrations.Where(r => r.UserId == user.Id).Select(r => r.Id).SingleAsync());
        var refused = await DecideAsync(await app.BrowserAs(Roles.Organiser), workshop, id, approve: true);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("has no seat", Forms.Errors(await refused.BodyAsync()));
    }

    [Fact]
    public async Task The_certificate_comes_after_check_in_and_the_end_of_the_workshop()
    {
        var (workshop, setup) = await app.PackWorkshopAsync();
        var ana = await app.AdmitAsync(workshop, setup, "Ana Souza");
        var certificate = $"/registrations/{ana.Id}/certificate.pdf";
        Assert.Equal(HttpStatusCode.NotFound, (await ana.Client.GetAsync(certificate)).StatusCode);

        var door = await app.BrowserAs(Roles.Organiser);
        await door.PostFormAsync($"/organise/workshops/{workshop.Id}/checkin", new() { ["Code"] = CheckInCode.For(setup, ana.Id), ["anyway"] = "true" });
        Assert.Equal(RegistrationStatus.CheckedIn, await app.WithDb(db => db.Registrations.Where(r => r.Id == ana.Id).Select(r => r.Status).SingleAsync()));
        // Checked in, but the workshop is not over yet.
        Assert.Equal(HttpStatusCode.NotFound, (await ana.Client.GetAsync(certificate)).StatusCode);
        Assert.Contains("once the workshop is over", WebUtility.HtmlDecode(await (await ana.Client.GetAsync($"/registrations/{ana.Id}")).BodyAsync()));

        await app.WithDb(async db =>
        {
            // The workshop took place last month.
            var w = await db.Workshops.Include(x => x.Tracks).SingleAsync(x => x.Id == workshop.Id);
            var start = DateTime.UtcNow.Date.AddDays(-30).AddHours(9);
            w.Update(new WorkshopDetails(w.Title, w.Slug, start.Year, start, start.AddDays(3).Date.AddHours(17), w.TimeZoneId, w.Format, w.Venue, w.Address, w.City, w.Country, w.Description),
                w.Tracks.Select(t => new TrackDetails(t.Id, t.Name, t.Description, t.Capacity)), DateTimeOffset.UtcNow);
            return await db.SaveChangesAsync();
        });
        var download = await ana.Client.GetAsync(certificate);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        var text = Text(await download.Content.ReadAsByteArrayAsync());
        Assert.Contains("Certificateofattendance", text);
        Assert.Contains("AnaSouza", text);
        Assert.Contains($"attended{workshop.Title.Default.Replace(" ", "")}", text);
        Assert.Contains("intheDeveloperstrack", text);

        var other = await app.AdmitAsync(workshop, setup, "José Ñúñez");
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.GetAsync(certificate)).StatusCode);
        // Admitted but never checked in: no certificate, even after the end.
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.GetAsync($"/registrations/{other.Id}/certificate.pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await app.BrowserAs(Roles.Organiser)).GetAsync(certificate)).StatusCode);
    }
}
