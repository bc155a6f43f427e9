using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using UglyToad.PdfPig;
using Workshops.Core.Data;
using Workshops.Core.Domain.Accounts;
using Workshops.Core.Domain.Registrations;
using Workshops.Core.Localization;
using Workshops.Core.Time;
using Workshops.EndToEndTests.Support;
using Workshops.Tests.Shared;
using Workshops.Web.Features.Registrations;
using Workshops.Web.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Workshops.EndToEndTests;

/// <summary>
/// A participant whose browser speaks Spanish: she signs up and confirms from a Spanish email, registers answering the
/// question the organiser wrote in Spanish, reads her receipt and admission in Spanish, downloads a Spanish pack, then
/// switches the site to Portuguese and reads the agenda's dates in Portuguese.
/// </summary>
public sealed class SpanishWalkTests(Site site) : IClassFixture<Site>
{
    private static string In(string language, string text, params object[] args)
    {
        using var scope = Tr.Use(language);
        return args.Length == 0 ? Tr.T(text) : Tr.T(text, args);
    }

    [Fact]
    public async Task A_Spanish_speaking_participant_reads_everything_in_Spanish_and_then_switches_to_Portuguese()
    {
        string slug, title;
        DateTime firstDay;
        await using (var scope = site.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(default);
            await scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.OutputCaching.IOutputCacheStore>().EvictAsync(default);
            var w = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Workshops.AsNoTracking().FirstAsync(x => x.Slug.EndsWith("-sao-paulo"));
            (slug, title, firstDay) = (w.Slug, w.Title.Default, w.StartsLocal.Date);
        }
        await site.CreateUserAsync("irene@organisers.example.org", "Irene Organiser", Roles.Organiser);

        // The organiser, reading in English, writes the first question in Spanish too.
        var irene = await site.SignedInAsync("irene@organisers.example.org");
        await irene.OpenWorkshopAsync(title, "Registration settings");
        await irene.Locator("details.translation > summary", new() { HasText = "Español" }).ClickAsync();
        await irene.GetByLabel("Question 1 in Spanish", new() { Exact = true }).FillAsync("¿Qué módulos de Living Atlases usa su nodo?");
        await irene.GetByLabel("Question 1 choices in Spanish, one per line").FillAsync("Biocache\nPortal espacial\nColectorio\nListas de especies\nServicio de imágenes");
        await irene.AssertNoAxeViolationsAsync();
        await irene.GetByRole(AriaRole.Button, new() { Name = "Save the registration settings" }).ClickAsync();
        await Expect(irene.GetByRole(AriaRole.Status)).ToContainTextAsync("The registration settings are saved");

        // Lucía's browser asks for Spanish: the site answers in it from the first page.
        var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = site.BaseUrl, Locale = "es-AR" });
        var lucia = await context.NewPageAsync();
        await lucia.GotoAsync("/account/signup");
        await Expect(lucia.Locator("html")).ToHaveAttributeAsync("lang", "es");
        await lucia.AssertNoAxeViolationsAsync();
        await lucia.Locator("#Input_DisplayName").FillAsync("Lucía Fernández");
        await lucia.Locator("#Input_Email").FillAsync("lucia@sib.example.org");
        await lucia.Locator("#Input_Password").FillAsync(People.Password);
        await lucia.Locator("#Input_ConfirmPassword").FillAsync(People.Password);
        await lucia.GetByRole(AriaRole.Button, new() { Name = In("es", "Create account") }).ClickAsync();

        // 1. The confirmation is in Spanish.
        var confirm = await site.Smtp.Inbox.WaitForAsync("lucia@sib.example.org", In("es", "Confirm your email address"));
        Assert.Contains(In("es", "Hello {0},", "Lucía Fernández"), confirm.TextBody);
        await lucia.GotoAsync(Mailbox.Link(confirm, "/account/confirm-email"));
        await Expect(lucia.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(In("es", "Email address confirmed"));

        // 2. She registers, answering the organiser's question in Spanish.
        await lucia.GotoAsync($"/workshops/{slug}/register");
        await Expect(lucia.Locator("main")).ToContainTextAsync("¿Qué módulos de Living Atlases usa su nodo?");
        await lucia.Locator("#Input_Institution").FillAsync("SiB Colombia");
        await lucia.Locator("#Input_Country").SelectOptionAsync("CO");
        await lucia.Locator("input[name='Input.TrackId']").First.CheckAsync();
        await lucia.GetByLabel("Portal espacial").CheckAsync();
        await lucia.Locator("input[name='Input.AcceptsPrivacy']").CheckAsync();
        await lucia.AssertNoAxeViolationsAsync();
        await lucia.GetByRole(AriaRole.Button, new() { Name = In("es", "Register"), Exact = true }).ClickAsync();
        await Expect(lucia.GetByRole(AriaRole.Status)).ToContainTextAsync(In("es", "You are registered. We emailed you a receipt with a link to this page."));
        await Expect(lucia.Locator("main")).ToContainTextAsync("Portal espacial");
        await lucia.AssertNoAxeViolationsAsync();

        // 3. The receipt, and the admission the organisers decide in English, both come in Spanish.
        await site.Smtp.Inbox.WaitForAsync("lucia@sib.example.org", In("es", "Your registration for {workshop_title}").Replace("{workshop_title}", title));
        Guid id;
        await using (var scope = site.Services.CreateAsyncScope())
        {
            id = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Registrations.Where(r => r.Email == "lucia@sib.example.org").Select(r => r.Id).SingleAsync();
            Assert.True((await scope.ServiceProvider.GetRequiredService<RegistrationDesk>().MoveAsync(id, RegistrationStatus.Admitted, null, default)).Succeeded);
        }
        var admitted = await site.Smtp.Inbox.WaitForAsync("lucia@sib.example.org", In("es", "You have a seat at {workshop_title}").Replace("{workshop_title}", title));
        Assert.Contains("lang=\"es\"", admitted.HtmlBody);

        // 4. The organiser makes the packs; hers, and the email saying so, are in Spanish.
        await irene.OpenWorkshopAsync(title, "Attendee packs");
        await irene.GetByRole(AriaRole.Button, new() { Name = "Generate all packs" }).ClickAsync();
        await Expect(irene.Locator("#pack-progress")).ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"(\d+) of \1 packs made"), new() { Timeout = 60_000 });
        await site.Smtp.Inbox.WaitForAsync("lucia@sib.example.org",
            In("es", Workshops.Core.Email.Editable.PackEmails.Ready.SubjectText).Replace("{workshop_title}", title));
        await lucia.GotoAsync($"/registrations/{id}");
        var download = await lucia.RunAndWaitForDownloadAsync(() => lucia.Locator("a[href$='/pack.pdf']").ClickAsync());
        using (var pdf = PdfDocument.Open(await File.ReadAllBytesAsync(await download.PathAsync())))
        {
            var text = string.Concat(pdf.GetPages().Select(p => p.Text)).Normalize(NormalizationForm.FormC).Replace(" ", "");
            Assert.Contains(In("es", "Attendee pack for").Replace(" ", ""), text);
            Assert.Contains(In("es", "Practical information").Replace(" ", ""), text);
        }

        // 5. She switches to Portuguese with the switcher; 6. the agenda's days are written in Portuguese.
        await lucia.Locator(".language-menu > summary").ClickAsync();
        await lucia.GetByRole(AriaRole.Button, new() { Name = "Português" }).ClickAsync();
        await Expect(lucia.Locator("html")).ToHaveAttributeAsync("lang", "pt");
        await lucia.GotoAsync($"/workshops/{slug}/agenda");
        string day;
        using (Tr.Use("pt")) day = Formats.LongDate(firstDay);
        await Expect(lucia.GetByRole(AriaRole.Heading, new() { Level = 2, Name = day })).ToBeVisibleAsync();
        await lucia.AssertNoAxeViolationsAsync();
        await lucia.GotoAsync($"/workshops/{slug}");
        await lucia.AssertNoAxeViolationsAsync();
    }
}
