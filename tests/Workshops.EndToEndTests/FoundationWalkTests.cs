using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Workshops.EndToEndTests.Support;
using Workshops.Tests.Shared;
using Workshops.Web.Features.Setup;
using static Microsoft.Playwright.Assertions;

namespace Workshops.EndToEndTests;

/// <summary>
/// The foundation as a newcomer meets it: the first admin through the setup link, a participant who signs up and
/// confirms through the emailed link, the admin making her an organiser, her first workshop, and a visitor who finds it.
/// </summary>
public sealed class FoundationWalkTests(Site site) : IClassFixture<Site>
{
    private const string Password = "a long walk through the botanical garden";

    [Fact]
    public async Task Admin_sets_up_participant_signs_up_and_organises_a_workshop_that_a_visitor_finds()
    {
        // The first admin, through the one-time link the terminal prints on first run.
        var admin = await site.NewVisitorAsync();
        var token = site.Services.GetRequiredService<SetupToken>().Value;
        Assert.NotNull(token);
        await admin.GotoAsync($"/setup?token={token}");
        await admin.GetByLabel("Your name").FillAsync("Marta Admin");
        await admin.GetByLabel("Email").FillAsync("admin@nodes.example.org");
        await admin.GetByLabel("Password").FillAsync(Password);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Create the admin account" }).ClickAsync();
        // The one who made it goes on signed in, straight to the admin pages.
        await Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync("The admin account is ready, and you are signed in");
        await Expect(admin.GetByRole(AriaRole.Link, new() { Name = "Admin", Exact = true })).ToBeVisibleAsync();

        // A participant signs up; the confirmation comes over real SMTP.
        var ana = await site.NewVisitorAsync();
        await ana.GotoAsync("/");
        await ana.GetByRole(AriaRole.Link, new() { Name = "Create account" }).ClickAsync();
        await ana.GetByLabel("Your name", new() { Exact = true }).FillAsync("Ana Muñoz");
        await ana.GetByLabel("Email address").FillAsync("ana@sib.example.org");
        await ana.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
        await ana.GetByLabel("Password again", new() { Exact = true }).FillAsync(Password);
        await ana.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await Expect(ana.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("email");

        var mail = await site.Smtp.Inbox.WaitForAsync("ana@sib.example.org", "Confirm");
        await ana.GotoAsync(Mailbox.Link(mail, "/account/confirm-email"));
        await Expect(ana.GetByRole(AriaRole.Heading, new() { Name = "Email address confirmed" })).ToBeVisibleAsync();
        // The link signs her in: no second trip through the sign-in form.
        await Expect(ana.GetByRole(AriaRole.Main)).ToContainTextAsync("you are signed in");
        await Expect(ana.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
        await Expect(ana.GetByRole(AriaRole.Link, new() { Name = "Organise", Exact = true })).ToHaveCountAsync(0);

        // The admin makes her an organiser.
        await admin.GotoAsync("/admin/users?q=ana%40sib");
        var roles = admin.GetByRole(AriaRole.Group, new() { Name = "Roles of ana@sib.example.org" });
        await roles.GetByLabel("Organiser").CheckAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Save roles of ana@sib.example.org" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Group, new() { Name = "Roles of ana@sib.example.org" }).GetByLabel("Organiser")).ToBeCheckedAsync();

        // Her next page shows the organiser's menu; she creates and publishes the workshop.
        await ana.GotoAsync("/");
        await ana.GetByRole(AriaRole.Link, new() { Name = "Organise", Exact = true }).ClickAsync();
        await ana.GetByRole(AriaRole.Link, new() { Name = "New workshop" }).First.ClickAsync();
        await ana.GetByLabel("Title", new() { Exact = true }).FillAsync("Taller de nodos GBIF 2027 en Bogotá");
        await ana.GetByLabel("Address name", new() { Exact = true }).FillAsync("2027-bogota");
        await ana.GetByLabel("Year", new() { Exact = true }).FillAsync("2027");
        await ana.GetByLabel("Format", new() { Exact = true }).SelectOptionAsync("Hybrid");
        await ana.GetByLabel("Starts", new() { Exact = true }).FillAsync("2027-10-04T09:00");
        await ana.GetByLabel("Ends", new() { Exact = true }).FillAsync("2027-10-08T17:00");
        await ana.GetByLabel("Time zone", new() { Exact = true }).SelectOptionAsync("America/Bogota");
        await ana.GetByLabel("Venue", new() { Exact = true }).FillAsync("Instituto Humboldt");
        await ana.GetByLabel("City", new() { Exact = true }).FillAsync("Bogotá");
        await ana.GetByLabel("Country", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Colombia" });
        await ana.GetByLabel("Description", new() { Exact = true }).FillAsync("Una semana de **trabajo** entre nodos.");
        await ana.GetByLabel("Track 1 name", new() { Exact = true }).FillAsync("Developers");
        await ana.GetByLabel("Track 1 seats", new() { Exact = true }).FillAsync("25");
        await ana.GetByLabel("Track 2 name", new() { Exact = true }).FillAsync("Managers");
        await ana.GetByLabel("Track 2 seats", new() { Exact = true }).FillAsync("25");
        await ana.GetByRole(AriaRole.Button, new() { Name = "Save as draft" }).ClickAsync();
        await Expect(ana.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Taller de nodos GBIF 2027 en Bogotá");
        await ana.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();
        await Expect(ana.Locator(".status")).ToHaveTextAsync("Published");

        // A visitor finds it on the home page, in the workshop's own time zone, and every key page passes axe.
        var visitor = await site.NewVisitorAsync();
        await visitor.GotoAsync("/");
        await Expect(visitor.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Taller de nodos GBIF 2027 en Bogotá");
        await visitor.AssertNoAxeViolationsAsync();
        await visitor.GetByRole(AriaRole.Link, new() { Name = "See the workshop" }).ClickAsync();
        await Expect(visitor).ToHaveURLAsync(new Regex("/workshops/2027-bogota$"));
        await Expect(visitor.Locator("main")).ToContainTextAsync("Instituto Humboldt");
        await Expect(visitor.Locator("main")).ToContainTextAsync("Developers");
        await Expect(visitor.Locator("main")).ToContainTextAsync("50 seats (Developers 25, Managers 25)");
        await Expect(visitor.Locator("section", new() { Has = visitor.GetByRole(AriaRole.Heading, new() { Name = "About" }) }).Locator("strong")).ToHaveTextAsync("trabajo");
        await Expect(visitor.Locator("main")).ToContainTextAsync("UTC-05:00");
        await visitor.AssertNoAxeViolationsAsync();
        await visitor.GetByRole(AriaRole.Link, new() { Name = "Sign in" }).ClickAsync();
        await visitor.AssertNoAxeViolationsAsync();
    }

    private static async Task SignInAsync(IPage page, string email)
    {
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }

    [Fact]
    public async Task Keyboard_alone_reaches_the_content_and_signs_in()
    {
        var page = await site.NewVisitorAsync();
        await page.GotoAsync("/account/signin");
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Skip to content" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("main")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByLabel("Email")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("nobody@example.org");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("not the right password at all");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("email address or the password is wrong");
    }
}
