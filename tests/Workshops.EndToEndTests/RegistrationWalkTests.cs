using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Workshops.Core.Domain.Accounts;
using Workshops.Core.Data;
using Workshops.Core.Domain.Workshops;
using Workshops.EndToEndTests.Support;
using Workshops.Tests.Shared;
using static Microsoft.Playwright.Assertions;

namespace Workshops.EndToEndTests;

/// <summary>
/// Registration as a participant meets it: the organiser opens registration with a question of their own, a member
/// registers for a track and gets the receipt, the organiser admits him, he finds his QR code through the admission
/// email, and the organiser checks him in at the door from a phone.
/// </summary>
public sealed class RegistrationWalkTests(Site site) : IClassFixture<Site>
{
    [Fact]
    public async Task Organiser_opens_registration_and_a_member_registers_reads_the_receipt_and_cancels()
    {
        await site.CreateUserAsync("irene@organisers.example.org", "Irene Organiser", Roles.Organiser);
        await site.CreateUserAsync("tomas@nodes.example.org", "Tomás Pérez", Roles.Member);
        var (title, slug) = await AddWorkshopAsync();

        // The organiser opens registration in approval mode with a question of their own.
        var irene = await site.SignedInAsync("irene@organisers.example.org");
        await irene.OpenWorkshopAsync(title, "Registration settings");
        await irene.GetByLabel("Opens", new() { Exact = true }).FillAsync(DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-ddT09:00"));
        await irene.GetByLabel("Applicants hear by (optional)").FillAsync(DateTime.UtcNow.AddDays(40).ToString("yyyy-MM-dd"));
        await irene.GetByLabel("Question 2", new() { Exact = true }).FillAsync("Which modules do you run?");
        await irene.GetByLabel("Question 2 kind").SelectOptionAsync("MultipleChoice");
        await irene.GetByLabel("Question 2 choices, one per line").FillAsync("Biocache\nSpatial portal\nCollectory");
        await irene.GetByLabel("Required question 2").CheckAsync();
        await irene.AssertNoAxeViolationsAsync();
        await irene.GetByRole(AriaRole.Button, new() { Name = "Save the registration settings" }).ClickAsync();
        await Expect(irene.GetByRole(AriaRole.Status)).ToContainTextAsync("The registration settings are saved");

        // A member keeps his institution and country in his profile, once.
        var tomas = await site.SignedInAsync("tomas@nodes.example.org");
        await tomas.GotoAsync("/account");
        await tomas.GetByLabel("Institution", new() { Exact = true }).FillAsync("SiB Colombia");
        await tomas.GetByLabel("Country", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Colombia" });
        await tomas.AssertNoAxeViolationsAsync();
        await tomas.GetByRole(AriaRole.Button, new() { Name = "Save your profile" }).ClickAsync();
        await Expect(tomas.GetByRole(AriaRole.Status)).ToContainTextAsync("Your profile is saved");

        // He registers from the workshop's page; the form starts from his profile.
        await tomas.GotoAsync($"/workshops/{slug}");
        await tomas.GetByRole(AriaRole.Link, new() { Name = "Register", Exact = true }).ClickAsync();
        await Expect(tomas.GetByLabel("Name", new() { Exact = true })).ToHaveValueAsync("Tomás Pérez");
        await Expect(tomas.GetByLabel("Institution", new() { Exact = true })).ToHaveValueAsync("SiB Colombia");
        await Expect(tomas.GetByLabel("Country", new() { Exact = true })).ToHaveValueAsync("CO");
        await tomas.GetByLabel("Developers (25 seats)").CheckAsync();
        await tomas.GetByLabel("Biocache").CheckAsync();
        await tomas.GetByLabel("Collectory").CheckAsync();
        await tomas.AssertNoAxeViolationsAsync();
        await tomas.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();
        await Expect(tomas.Locator("#Input_AcceptsPrivacy-error")).ToContainTextAsync("Accept the privacy notice to register.");
        await tomas.GetByLabel("I have read the privacy notice").CheckAsync();
        await tomas.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();
        await Expect(tomas.GetByRole(AriaRole.Status)).ToContainTextAsync("You are registered");
        await Expect(tomas.Locator(".status").First).ToHaveTextAsync("awaiting a decision");
        await Expect(tomas.Locator("main")).ToContainTextAsync("Biocache, Collectory");
        await tomas.AssertNoAxeViolationsAsync();
        // Back on the workshop's page, he is told where he stands instead of being offered to register again.
        await tomas.GotoAsync($"/workshops/{slug}");
        await Expect(tomas.Locator(".you-are")).ToContainTextAsync("You are registered: awaiting a decision");
        await Expect(tomas.GetByRole(AriaRole.Link, new() { Name = "Register", Exact = true })).ToHaveCountAsync(0);
        await tomas.AssertNoAxeViolationsAsync();

        var receipt = await site.Smtp.Inbox.WaitForAsync("tomas@nodes.example.org", "Your registration for");
        Assert.Contains("Registering is not yet a seat", receipt.TextBody);

        // The organiser admits him: staged first, then released, which emails him.
        await irene.OpenWorkshopAsync(title);
        await Expect(irene.GetByRole(AriaRole.Heading, new() { Name = "Needs your attention" })).ToBeVisibleAsync();
        await irene.AssertNoAxeViolationsAsync();
        await irene.GetByRole(AriaRole.Navigation, new() { Name = $"Organise {title}" }).GetByRole(AriaRole.Link, new() { Name = "Registrations", Exact = true }).ClickAsync();
        await Expect(irene.Locator("main")).ToContainTextAsync("0 of 25");
        await irene.GetByLabel("Choose Tomás Pérez").CheckAsync();
        await irene.GetByLabel("For the ticked registrations").SelectOptionAsync("Admit");
        await irene.GetByRole(AriaRole.Button, new() { Name = "Stage", Exact = true }).ClickAsync();
        await Expect(irene.GetByRole(AriaRole.Status)).ToContainTextAsync("Staged to admit: 1");
        await irene.AssertNoAxeViolationsAsync();
        await irene.GetByRole(AriaRole.Button, new() { Name = "Release 1 decision" }).ClickAsync();
        // A last look: who gets which email, before anyone is told.
        await Expect(irene.GetByRole(AriaRole.Alert)).ToContainTextAsync("Tomás Pérez");
        await Expect(irene.GetByRole(AriaRole.Alert)).ToContainTextAsync("“Admitted”");
        await irene.AssertNoAxeViolationsAsync();
        await irene.GetByRole(AriaRole.Button, new() { Name = "Yes, release and email them" }).ClickAsync();
        await Expect(irene.GetByRole(AriaRole.Status)).ToContainTextAsync("Released: 1 admitted");
        await Expect(irene.Locator("main")).ToContainTextAsync("1 of 25");

        // The admission email's private link shows his QR code without signing in; at the door the organiser checks him in.
        var admitted = await site.Smtp.Inbox.WaitForAsync("tomas@nodes.example.org", "You have a seat");
        var visitor = await site.NewVisitorAsync();
        await visitor.GotoAsync(Mailbox.LinkTo(admitted, "/registrations/link/"));
        await Expect(visitor.Locator(".status").First).ToHaveTextAsync("admitted");
        await Expect(visitor.GetByRole(AriaRole.Img, new() { NameRegex = new System.Text.RegularExpressions.Regex("QR code of your check-in code") })).ToBeVisibleAsync();
        var code = await visitor.Locator(".checkin-badge .code").InnerTextAsync();
        await visitor.AssertNoAxeViolationsAsync();

        await irene.GetByRole(AriaRole.Navigation, new() { Name = $"Organise {title}" }).GetByRole(AriaRole.Link, new() { Name = "Check-in" }).ClickAsync();
        await irene.SetViewportSizeAsync(390, 844); // at the door, on a phone
        await irene.GetByLabel("Check-in code").FillAsync(code.ToLowerInvariant());
        await irene.GetByLabel("Check-in code").PressAsync("Enter");
        // The walk's workshop is months ahead: the door asks before checking anyone in.
        await Expect(irene.GetByRole(AriaRole.Alert)).ToContainTextAsync("Not checked in yet: Tomás Pérez");
        await irene.AssertNoAxeViolationsAsync();
        await irene.GetByRole(AriaRole.Button, new() { Name = "Check in anyway" }).ClickAsync();
        await Expect(irene.GetByRole(AriaRole.Status)).ToContainTextAsync("Welcome: Tomás Pérez");
        await Expect(irene.Locator("main")).ToContainTextAsync("1 of 1 checked in");
        await irene.AssertNoAxeViolationsAsync();
        await irene.GetByLabel("Check-in code").FillAsync(code);
        await irene.GetByRole(AriaRole.Button, new() { Name = "Check in" }).ClickAsync();
        await Expect(irene.GetByRole(AriaRole.Alert)).ToContainTextAsync("Already checked in");
        await site.Smtp.Inbox.WaitForAsync("tomas@nodes.example.org", "Welcome to");

        await tomas.GotoAsync("/account/registrations");
        await Expect(tomas.Locator("main")).ToContainTextAsync("checked in");
        await tomas.AssertNoAxeViolationsAsync();
    }

    private async Task<(string Title, string Slug)> AddWorkshopAsync()
    {
        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var starts = DateTime.UtcNow.Date.AddDays(90).AddHours(9);
        var workshop = new AWorkshop
        {
            Title = "Living Atlases Workshop, Bogotá", Slug = "2030-bogota", Starts = starts, Days = 5, Zone = "America/Bogota", Venue = "Instituto Humboldt", City = "Bogotá", Country = "Colombia", Description = "A week of work.",
        }.Build();
        db.Workshops.Add(workshop);
        await db.SaveChangesAsync();
        return (workshop.Title, workshop.Slug);
    }
}
