using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Workshops.Core.Data;
using Workshops.Core.Domain.Accounts;
using Workshops.Core.Domain.Registrations;
using Workshops.EndToEndTests.Support;
using Workshops.Tests.Shared;
using static Microsoft.Playwright.Assertions;

namespace Workshops.EndToEndTests;

/// <summary>
/// Travel support from end to end: the organiser offers it, a participant applies while registering, a reviewer
/// scores, the organiser awards part and releases, and the participant reads the email, downloads the award letter
/// and uploads a receipt.
/// </summary>
public sealed class TravelWalkTests(Site site) : IClassFixture<Site>
{
    [Fact]
    public async Task A_participant_applies_while_registering_a_reviewer_scores_and_the_organiser_awards_part()
    {
        await site.CreateUserAsync("irene@organisers.example.org", "Irene Organiser", Roles.Organiser);
        await site.CreateUserAsync("rui@reviewers.example.org", "Rui Reviewer", Roles.Reviewer);
        await site.CreateUserAsync("amara@nodes.example.org", "Amara Okafor", Roles.Member);
        var (title, slug) = await AddWorkshopAsync();

        // The organiser offers travel support: a budget, the window and the usual questions and criteria.
        var irene = await site.SignedInAsync("irene@organisers.example.org");
        await irene.OpenWorkshopAsync(title, "Travel support");
        await Expect(irene.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Travel support settings" })).ToBeVisibleAsync();
        await irene.GetByLabel("Budget", new() { Exact = true }).FillAsync("5000");
        await irene.GetByLabel("Opens", new() { Exact = true }).FillAsync(DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-ddT09:00"));
        await irene.GetByLabel("Funder named on award letters").FillAsync("GBIF Capacity Enhancement Support Programme");
        await irene.GetByLabel("Conditions of an award").FillAsync("Upload your receipts within 30 days of the workshop.");
        await irene.GetByLabel("Currency of rate 1").FillAsync("NGN");
        await irene.GetByLabel("Rate 1", new() { Exact = true }).FillAsync("0.0006");
        await irene.AssertNoAxeViolationsAsync();
        await irene.GetByRole(AriaRole.Button, new() { Name = "Offer travel support" }).ClickAsync();
        await Expect(irene.GetByRole(AriaRole.Status)).ToContainTextAsync("The travel support settings are saved.");
        await Expect(irene.Locator("main")).ToContainTextAsync("5,000.00");
        await irene.AssertNoAxeViolationsAsync();

        // Amara registers and asks for travel support on the way.
        var amara = await site.SignedInAsync("amara@nodes.example.org");
        await amara.GotoAsync($"/workshops/{slug}/register");
        await amara.GetByLabel("Institution", new() { Exact = true }).FillAsync("NiBIO Nigeria");
        await amara.GetByLabel("Country", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Nigeria" });
        await amara.GetByLabel("Developers (25 seats)").CheckAsync();
        await amara.GetByLabel("I have read the privacy notice").CheckAsync();
        await amara.GetByLabel("I want to apply for travel support").CheckAsync();
        await amara.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();
        await Expect(amara.GetByRole(AriaRole.Heading, new() { Level = 1, Name = $"Travel support to {title}" })).ToBeVisibleAsync();
        // Her country's currency first.
        await Expect(amara.GetByLabel("The currency of your amounts")).ToHaveValueAsync("NGN");
        await amara.AssertNoAxeViolationsAsync();
        var travel = amara.GetByRole(AriaRole.Group, new() { Name = "Travel (flights, trains, buses)" });
        await travel.GetByLabel("Amount you ask for").FillAsync("1500000");
        await travel.GetByLabel("The least you could come with").FillAsync("1200000");
        await travel.GetByLabel("Why you need it").FillAsync("Return flight Lagos–Lisbon.");
        var lodging = amara.GetByRole(AriaRole.Group, new() { Name = "Lodging" });
        await lodging.GetByLabel("Amount you ask for").FillAsync("500000");
        await lodging.GetByLabel("Why you need it").FillAsync("Five nights near the venue.");
        await amara.GetByLabel("What is your role in your node or institution?").FillAsync("I run our node's data portal.");
        await amara.GetByLabel("What will you do with what you learn at the workshop?").FillAsync("Upgrade the portal and train two colleagues.");
        await amara.GetByLabel("Woman").CheckAsync();
        await amara.GetByRole(AriaRole.Button, new() { Name = "Submit the application" }).ClickAsync();
        await Expect(amara.GetByRole(AriaRole.Status)).ToContainTextAsync("Your application for travel support is submitted.");
        await Expect(amara.Locator(".status").First).ToHaveTextAsync("submitted, awaiting a decision");
        await amara.AssertNoAxeViolationsAsync();
        var receipt = await site.Smtp.Inbox.WaitForAsync("amara@nodes.example.org", "We received your application for travel support");
        Assert.Contains("2,000,000.00", receipt.TextBody);

        // A reviewer scores it from the reviewers' list.
        var rui = await site.SignedInAsync("rui@reviewers.example.org");
        await rui.GotoAsync("/review");
        await Expect(rui.Locator("main")).ToContainTextAsync("Applications for travel support");
        await rui.AssertNoAxeViolationsAsync();
        await rui.GetByRole(AriaRole.Link, new() { Name = "the application of Amara Okafor" }).ClickAsync();
        await Expect(rui.Locator("main")).ToContainTextAsync("1,200.00");
        await rui.AssertNoAxeViolationsAsync();
        await rui.GetByRole(AriaRole.Group, new() { Name = "Benefit to their node" }).GetByLabel("5").CheckAsync();
        await rui.GetByRole(AriaRole.Group, new() { Name = "Need for support" }).GetByLabel("4").CheckAsync();
        await rui.GetByRole(AriaRole.Group, new() { Name = "Part in the programme" }).GetByLabel("3").CheckAsync();
        await rui.GetByRole(AriaRole.Button, new() { Name = "Save my review" }).ClickAsync();
        await Expect(rui.GetByRole(AriaRole.Status)).ToContainTextAsync("Your review is saved.");

        // The organiser awards the flight only, stages, looks, and releases.
        await irene.OpenWorkshopAsync(title, "Travel support");
        await Expect(irene.Locator("main table")).ToContainTextAsync("Amara Okafor");
        await irene.GetByRole(AriaRole.Link, new() { Name = "Amara Okafor" }).ClickAsync();
        await irene.AssertNoAxeViolationsAsync();
        await irene.GetByLabel("award", new() { Exact = true }).CheckAsync();
        await irene.GetByLabel("Travel (flights, trains, buses)").FillAsync("850");
        await irene.GetByLabel("Lodging").FillAsync("0");
        await irene.GetByRole(AriaRole.Button, new() { Name = "Stage the decision" }).ClickAsync();
        await Expect(irene.GetByRole(AriaRole.Status)).ToContainTextAsync("Staged for Amara Okafor");
        await irene.GetByRole(AriaRole.Button, new() { Name = "Release 1 decision" }).ClickAsync();
        await Expect(irene.GetByRole(AriaRole.Alert)).ToContainTextAsync("“Travel support: awarded”");
        await irene.AssertNoAxeViolationsAsync();
        await irene.GetByRole(AriaRole.Button, new() { Name = "Yes, release and email them" }).ClickAsync();
        await Expect(irene.GetByRole(AriaRole.Status)).ToContainTextAsync("Released: 1 awarded");
        await irene.AssertNoAxeViolationsAsync();

        // Amara reads the award, downloads the letter and uploads her boarding pass.
        var award = await site.Smtp.Inbox.WaitForAsync("amara@nodes.example.org", "your award");
        Assert.Contains("850.00", award.TextBody);
        Assert.Contains("GBIF Capacity Enhancement Support Programme", award.TextBody);
        await amara.GotoAsync(Mailbox.LinkTo(award, "/registrations/"));
        await Expect(amara.GetByRole(AriaRole.Heading, new() { Name = "Your award" })).ToBeVisibleAsync();
        await amara.AssertNoAxeViolationsAsync();
        var letter = await amara.RunAndWaitForDownloadAsync(() => amara.GetByRole(AriaRole.Link, new() { Name = "Download the award letter (PDF)" }).ClickAsync());
        Assert.StartsWith("%PDF", File.ReadAllText(await letter.PathAsync())[..4]);
        var pass = Path.Combine(site.DataDirectory, "boarding-pass.pdf");
        await File.WriteAllTextAsync(pass, "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
        await amara.GetByLabel("Receipt (PDF or photo)").SetInputFilesAsync(pass);
        await amara.GetByRole(AriaRole.Button, new() { Name = "Upload the receipt" }).ClickAsync();
        await Expect(amara.GetByRole(AriaRole.Status)).ToContainTextAsync("Your receipt is uploaded.");
        await Expect(amara.Locator("main")).ToContainTextAsync("boarding-pass.pdf");
        await amara.AssertNoAxeViolationsAsync();

        // The report draws what was asked for and awarded.
        await irene.GotoAsync("/organise/workshops");
        await irene.OpenWorkshopAsync(title, "Travel support");
        await irene.GetByRole(AriaRole.Link, new() { Name = "Report and exports" }).ClickAsync();
        await Expect(irene.Locator("main")).ToContainTextAsync("People supported");
        await Expect(irene.Locator("main")).ToContainTextAsync("850.00");
        await irene.AssertNoAxeViolationsAsync();
    }

    private async Task<(string Title, string Slug)> AddWorkshopAsync()
    {
        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var workshop = new AWorkshop
        {
            Title = "Living Atlases Workshop, Lisboa", Slug = "2030-lisboa-travel", Starts = DateTime.UtcNow.Date.AddDays(90).AddHours(9), Days = 5, Zone = "Europe/Lisbon",
            Venue = "Museu Nacional de História Natural", City = "Lisboa", Country = "Portugal", Description = "A week of work.",
        }.Build();
        db.Workshops.Add(workshop);
        db.RegistrationSetups.Add(new ARegistrationSetup { Mode = RegistrationMode.FirstCome }.For(workshop));
        await db.SaveChangesAsync();
        await scope.ServiceProvider.GetRequiredService<SeatLedger>().EnsureCountersAsync(workshop.Id, default);
        return (workshop.Title, workshop.Slug);
    }
}
