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
/// An announcement as organisers and the community meet it: a member subscribes, the organiser writes the news with
/// placeholders, checks the count and the preview, sends a test to herself and then to everyone, follows the progress,
/// and the member reads it, finds it on the news page, and unsubscribes with the link in the email.
/// </summary>
public sealed class AnnouncementWalkTests(Site site) : IClassFixture<Site>
{
    [Fact]
    public async Task Organiser_announces_registration_and_a_subscriber_reads_it_and_unsubscribes()
    {
        await site.CreateUserAsync("olivia@organisers.example.org", "Olivia Martins", Roles.Organiser);
        await site.CreateUserAsync("kofi@nodes.example.org", "Kofi Mensah", Roles.Member);
        var title = await AddWorkshopAsync();

        // A member subscribes to the community's announcements in his account.
        var kofi = await site.SignedInAsync("kofi@nodes.example.org");
        await kofi.GotoAsync("/account");
        await kofi.GetByLabel("Community announcements").CheckAsync();
        await kofi.GetByRole(AriaRole.Button, new() { Name = "Save your email choices" }).ClickAsync();
        await Expect(kofi.GetByRole(AriaRole.Status)).ToContainTextAsync("You will receive the community's announcements.");

        // The organiser writes the announcement for the workshop, to subscribers and one pasted address.
        var olivia = await site.SignedInAsync("olivia@organisers.example.org");
        await olivia.GotoAsync("/organise/workshops");
        await olivia.GetByRole(AriaRole.Link, new() { Name = "Announcements" }).ClickAsync();
        await olivia.GetByRole(AriaRole.Link, new() { Name = "New announcement" }).ClickAsync();
        await olivia.GetByLabel("Workshop", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = $"{title} (2031)" });
        await olivia.GetByLabel("Subject", new() { Exact = true }).FillAsync("Registration is open for {workshop_title}");
        await olivia.GetByLabel("Text", new() { Exact = true }).FillAsync("Dear {first_name},\n\nRegistration for **{workshop_title}** is open: [register]({workshop_url}/register).");
        await olivia.GetByLabel("Community subscribers").CheckAsync();
        await olivia.GetByLabel("Other addresses").FillAsync("Ana Souza <ana@nodes.example.org>");
        await olivia.GetByLabel("Also publish it on the news page").CheckAsync();
        await olivia.AssertNoAxeViolationsAsync();
        await olivia.GetByRole(AriaRole.Button, new() { Name = "Save the draft" }).ClickAsync();
        await Expect(olivia.GetByRole(AriaRole.Status)).ToContainTextAsync("The draft is saved");
        await Expect(olivia.Locator("#recipient-count")).ToContainTextAsync("2 people would receive it now");
        await Expect(olivia.Locator("main")).ToContainTextAsync($"Subject: Registration is open for {title}");
        await olivia.AssertNoAxeViolationsAsync();

        // A test to herself first, then the real thing.
        await olivia.GetByRole(AriaRole.Button, new() { Name = "Send a test to me" }).ClickAsync();
        await Expect(olivia.GetByRole(AriaRole.Status)).ToContainTextAsync("A test is on its way");
        var test = await site.Smtp.Inbox.WaitForAsync("olivia@organisers.example.org", "[Test] Registration is open");
        Assert.Contains("Dear Olivia,", test.TextBody);
        await olivia.GetByRole(AriaRole.Button, new() { Name = "Send now to 2 people" }).ClickAsync();
        // Sending cannot be taken back: the page asks first.
        await Expect(olivia.GetByRole(AriaRole.Alert)).ToContainTextAsync("Send it now to 2 people?");
        await olivia.GetByRole(AriaRole.Button, new() { Name = "Yes, send it now" }).ClickAsync();
        await Expect(olivia.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Registration is open for {workshop_title}");
        // The page follows the campaign by itself until it is done.
        await Expect(olivia.Locator("#campaign-progress")).ToContainTextAsync("2 of 2 sent, 0 failed", new() { Timeout = 30_000 });
        await Expect(olivia.Locator("main")).ToContainTextAsync("Ana Souza <ana@nodes.example.org>");
        await olivia.AssertNoAxeViolationsAsync();

        // Kofi reads it; it carries the one-click unsubscribe headers.
        var mail = await site.Smtp.Inbox.WaitForAsync("kofi@nodes.example.org", $"Registration is open for {title}");
        Assert.Contains("Dear Kofi,", mail.TextBody);
        Assert.Equal("List-Unsubscribe=One-Click", mail.Headers["List-Unsubscribe-Post"]);
        await site.Smtp.Inbox.WaitForAsync("ana@nodes.example.org", $"Registration is open for {title}");

        // It is on the news page and in the feed, for anyone.
        var visitor = await site.NewVisitorAsync();
        await visitor.GotoAsync("/news");
        await visitor.GetByRole(AriaRole.Link, new() { Name = $"Registration is open for {title}" }).ClickAsync();
        await Expect(visitor.Locator("main")).ToContainTextAsync("Dear colleague,");
        await visitor.AssertNoAxeViolationsAsync();

        // The link at the end of the email unsubscribes him without signing in.
        var link = new Uri(mail.Headers["List-Unsubscribe"]!.Trim('<', '>'));
        Assert.Contains(link.ToString(), mail.HtmlBody);
        await visitor.GotoAsync(link.PathAndQuery);
        await visitor.AssertNoAxeViolationsAsync();
        await visitor.GetByRole(AriaRole.Button, new() { Name = "Unsubscribe" }).ClickAsync();
        await Expect(visitor.GetByRole(AriaRole.Status)).ToContainTextAsync("kofi@nodes.example.org will get no more announcements");
        await kofi.GotoAsync("/account");
        await Expect(kofi.GetByLabel("Community announcements")).Not.ToBeCheckedAsync();
    }

    private async Task<string> AddWorkshopAsync()
    {
        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var starts = new DateTime(2031, 5, 12, 9, 0, 0);
        var workshop = new AWorkshop
        {
            Title = "Living Atlases Workshop, Accra", Slug = "2031-accra", Starts = starts, Days = 5, Zone = "Africa/Accra", Venue = "University of Ghana", City = "Accra", Country = "Ghana", Description = "A week of work.",
        }.Build();
        db.Workshops.Add(workshop);
        await db.SaveChangesAsync();
        return workshop.Title;
    }
}
