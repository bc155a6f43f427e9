using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using UglyToad.PdfPig;
using Workshops.Core.Domain.Accounts;
using Workshops.Core.Data;
using Workshops.Core.Domain.Agenda;
using Workshops.Core.Domain.Registrations;
using Workshops.Core.Domain.Workshops;
using Workshops.EndToEndTests.Support;
using Workshops.Tests.Shared;
using static Microsoft.Playwright.Assertions;

namespace Workshops.EndToEndTests;

/// <summary>
/// Attendee packs as people meet them: the organiser writes the practical information and makes every admitted
/// attendee's pack with one click, following the progress; an attendee gets the email, downloads their own pack
/// from their registration page, and it reads back with their name, the agenda and a QR code that scans.
/// </summary>
public sealed class PackWalkTests(Site site) : IClassFixture<Site>
{
    [Fact]
    public async Task Organiser_makes_the_packs_and_an_attendee_downloads_theirs()
    {
        await site.CreateUserAsync("irene@organisers.example.org", "Irene Organiser", Roles.Organiser);
        await site.CreateUserAsync("alexandros@nodes.example.org", "Ἀλέξανδρος Παπαδόπουλος", Roles.Member);
        var (title, _, code, pastToken) = await SeedAsync();

        var irene = await site.SignedInAsync("irene@organisers.example.org");
        await irene.OpenWorkshopAsync(title, "Attendee packs");
        await Expect(irene.Locator("#pack-progress")).ToContainTextAsync("No packs made yet");
        await irene.GetByLabel("Paper").SelectOptionAsync("A4");
        await irene.GetByLabel("Practical information", new() { Exact = true }).FillAsync(
            "## Venue\n\nInstituto Humboldt, Avenida Circunvalar 16-20.\n\n## Wi-Fi\n\n- Network: **Humboldt-Guest**\n- Password: biodiversidad\n\n" +
            "## Emergency contacts\n\nCall 123, or the organisers at [workshop@humboldt.org.co](mailto:workshop@humboldt.org.co).");
        await irene.AssertNoAxeViolationsAsync();
        await irene.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(irene.GetByRole(AriaRole.Status).First).ToContainTextAsync("The pack settings are saved");
        await irene.GetByRole(AriaRole.Button, new() { Name = "Generate all packs" }).ClickAsync();
        // The page follows the run by itself until it ends.
        await Expect(irene.Locator("#pack-progress")).ToContainTextAsync("1 of 1 packs made", new() { Timeout = 60_000 });
        await Expect(irene.Locator("#pack-chart")).ToContainTextAsync("Up to date");
        await Expect(irene.Locator("#pack-runs")).ToContainTextAsync("1 of 1");
        await Expect(irene.Locator("#pack-people")).ToContainTextAsync("agenda v1");
        await irene.AssertNoAxeViolationsAsync();
        Artefacts.Save("packs-page.png", await irene.ScreenshotAsync(new() { FullPage = true }));
        var badges = await irene.RunAndWaitForDownloadAsync(() =>
            irene.GetByRole(AriaRole.Link, new() { Name = "Badge sheet for all 1 admitted (PDF)" }).ClickAsync());
        var sheet = await File.ReadAllBytesAsync((await badges.PathAsync())!);
        var sheetPage = PdfImages.RenderPage(sheet, 1, dpi: 150);
        Artefacts.Save("badge-sheet.png", sheetPage);
        Assert.Equal([code], PdfImages.ReadQrCodes(sheetPage));

        var email = await site.Smtp.Inbox.WaitForAsync("alexandros@nodes.example.org", "Your attendee pack");
        // The email's private link: no sign-in needed.
        var alexandros = await site.NewVisitorAsync();
        await alexandros.GotoAsync(Mailbox.LinkTo(email, "/registrations/link/"));
        await Expect(alexandros.GetByRole(AriaRole.Heading, new() { Name = "Your attendee pack" })).ToBeVisibleAsync();
        await alexandros.AssertNoAxeViolationsAsync();
        var download = await alexandros.RunAndWaitForDownloadAsync(() =>
            alexandros.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Download the attendee pack") }).ClickAsync());
        var pdf = await File.ReadAllBytesAsync((await download.PathAsync())!);

        using (var document = PdfDocument.Open(pdf))
        {
            Assert.Equal($"{title}: attendee pack", document.Information.Title);
            var cover = document.GetPage(1).Text.Normalize(NormalizationForm.FormC).Replace(" ", "");
            Assert.Contains("ἈλέξανδροςΠαπαδόπουλος", cover);
            Assert.Contains("Network:Humboldt-Guest", cover);
            var all = string.Join(" ", document.GetPages().Select(p => p.Text)).Replace(" ", "");
            Assert.Contains("Fullprogramme", all);
            Assert.Contains("Yourtrack:Developers", all);
        }
        var cover1 = PdfImages.RenderPage(pdf, 1);
        Artefacts.Save("attendee-pack.png", cover1);
        Artefacts.Save("attendee-pack-programme.png", PdfImages.RenderPage(pdf, 3));
        Assert.Equal([code], PdfImages.ReadQrCodes(cover1));

        // He asked for a visa letter when registering: the organiser reads it, approves it, and he downloads it.
        await Expect(alexandros.Locator("#letter-heading + p")).ToContainTextAsync("the organisers approve each one");
        await irene.GotoAsync(irene.Url.Split('#')[0]);
        await irene.GetByRole(AriaRole.Button, new() { Name = "Approve the letter of Ἀλέξανδρος Παπαδόπουλος" }).ClickAsync();
        await Expect(irene.GetByRole(AriaRole.Status).First).ToContainTextAsync("is approved");
        await irene.AssertNoAxeViolationsAsync();
        await site.Smtp.Inbox.WaitForAsync("alexandros@nodes.example.org", "Your invitation letter");
        await alexandros.ReloadAsync();
        var letter = await alexandros.RunAndWaitForDownloadAsync(() => alexandros.GetByRole(AriaRole.Link, new() { Name = "Download the invitation letter (PDF)" }).ClickAsync());
        var letterPdf = await File.ReadAllBytesAsync((await letter.PathAsync())!);
        Artefacts.Save("registration-page.png", await alexandros.ScreenshotAsync(new() { FullPage = true }));
        using (var document = PdfDocument.Open(letterPdf))
            Assert.Contains("(nationality:Ελληνική)", document.GetPage(1).Text.Replace(" ", ""));
        Artefacts.Save("invitation-letter.png", PdfImages.RenderPage(letterPdf, 1));

        // Last year's workshop, where he was checked in: its certificate of attendance.
        await alexandros.GotoAsync($"/registrations/link/{pastToken}");
        var certificate = await alexandros.RunAndWaitForDownloadAsync(() =>
            alexandros.GetByRole(AriaRole.Link, new() { Name = "Download the certificate of attendance (PDF)" }).ClickAsync());
        var certificatePdf = await File.ReadAllBytesAsync((await certificate.PathAsync())!);
        using (var document = PdfDocument.Open(certificatePdf))
            Assert.Contains("Certificateofattendance", document.GetPage(1).Text.Replace(" ", ""));
        Artefacts.Save("certificate.png", PdfImages.RenderPage(certificatePdf, 1));
    }

    private async Task<(string Title, Guid RegistrationId, string Code, string PastToken)> SeedAsync()
    {
        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var starts = DateTime.UtcNow.Date.AddDays(60).AddHours(9);
        var workshop = new AWorkshop
        {
            Title = "Living Atlases Workshop, Bogotá", Slug = "2031-bogota", Starts = starts, Days = 3, Zone = "America/Bogota", Venue = "Instituto Humboldt", Address = "Avenida Circunvalar 16-20", City = "Bogotá", Country = "Colombia", Description = "A week of work.",
        }.Build();
        db.Workshops.Add(workshop);
        var setup = new ARegistrationSetup { Opens = DateTime.UtcNow.AddDays(-10), Closes = DateTime.UtcNow.AddDays(20) }.For(workshop);
        db.RegistrationSetups.Add(setup);
        var user = db.Users.Single(u => u.Email == "alexandros@nodes.example.org");
        var registration = Registration.Submit(setup, workshop, user.Id,
            (Greek(user) with { Track = "Developers", WantsLetter = true, PassportNationality = "Ελληνική" }).Details(workshop),
            new Dictionary<Guid, IReadOnlyList<string>>(), DateTimeOffset.UtcNow);
        registration.MoveTo(RegistrationStatus.Admitted, null, DateTimeOffset.UtcNow);
        db.Registrations.Add(registration);
        db.AgendaVersions.Add(AgendaVersion.Publish(workshop, null, PackSamples.Agenda(workshop, 24), null, null, DateTimeOffset.UtcNow));

        // Last year's edition, where he was checked in at the door.
        // Made as it was while registration was open, then moved to its real dates, last year.
        WorkshopDetails Lisboa(DateTime start) => new("Living Atlases Workshop, Lisboa", "2030-lisboa", start.Year, start, start.AddDays(3).Date.AddHours(17), "Europe/Lisbon",
            WorkshopFormat.InPerson, "Museu Nacional de História Natural", null, "Lisboa", "Portugal", "The yearly workshop.");
        var past = Workshop.Create(Lisboa(DateTime.UtcNow.Date.AddDays(10).AddHours(9)), [new TrackDetails(null, "Developers", null, 25)], DateTimeOffset.UtcNow);
        past.MoveTo(WorkshopStatus.Published, null, DateTimeOffset.UtcNow);
        db.Workshops.Add(past);
        var pastSetup = new ARegistrationSetup { Opens = DateTime.UtcNow.AddDays(-1), Closes = DateTime.UtcNow.AddDays(1) }.For(past);
        db.RegistrationSetups.Add(pastSetup);
        var attended = Registration.Submit(pastSetup, past, user.Id,
            Greek(user).Details(past),
            new Dictionary<Guid, IReadOnlyList<string>>(), DateTimeOffset.UtcNow);
        attended.MoveTo(RegistrationStatus.Admitted, null, DateTimeOffset.UtcNow);
        past.Update(Lisboa(DateTime.UtcNow.Date.AddDays(-300).AddHours(9)), past.Tracks.Select(t => new TrackDetails(t.Id, t.Name, t.Description, t.Capacity)), DateTimeOffset.UtcNow);
        attended.MoveTo(RegistrationStatus.CheckedIn, null, past.StartsAt.AddMinutes(20));
        db.Registrations.Add(attended);
        await db.SaveChangesAsync();
        var token = scope.ServiceProvider.GetRequiredService<Workshops.Web.Features.Registrations.RegistrationLinks>().Token(attended.Id);
        return (workshop.Title, registration.Id, CheckInCode.For(setup, registration.Id), token);
    }

    private static ARegistration Greek(AppUser user) =>
        new() { Name = user.DisplayName, Email = user.Email!, Institution = "Ελληνικό Κέντρο Θαλάσσιων Ερευνών", Country = "Ελλάδα" };
}
