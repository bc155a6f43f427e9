using System.IO.Compression;
using Microsoft.AspNetCore.Identity;
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
/// A participant takes a copy of her data and deletes her account; the organiser's list of registrations then shows a
/// deleted participant where she was, and the workshop's counts stay.
/// </summary>
public sealed class PrivacyWalkTests(Site site) : IClassFixture<Site>
{
    [Fact]
    public async Task A_member_downloads_her_data_deletes_her_account_and_the_organisers_see_a_deleted_participant()
    {
        await site.CreateUserAsync("irene@organisers.example.org", "Irene Organiser", Roles.Organiser);
        await site.CreateUserAsync("lucia@nodes.example.org", "Lucía Fernández", Roles.Member);
        var (title, workshopId) = await RegisteredAsync("lucia@nodes.example.org", "Lucía Fernández");

        var lucia = await site.SignedInAsync("lucia@nodes.example.org");
        await lucia.GotoAsync("/account");
        await lucia.GetByRole(AriaRole.Link, new() { Name = "Download your data" }).ClickAsync();
        await Expect(lucia.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Your data" })).ToBeVisibleAsync();
        await lucia.AssertNoAxeViolationsAsync();
        await lucia.GetByLabel("Your password").FillAsync(People.Password);
        await lucia.GetByRole(AriaRole.Button, new() { Name = "Prepare a copy of my data" }).ClickAsync();
        // The page follows the job by itself and offers the file when it is built.
        var download = lucia.Locator("#export-status").GetByRole(AriaRole.Link, new() { Name = "Download your data" });
        await Expect(download).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await lucia.AssertNoAxeViolationsAsync();
        var ready = await site.Smtp.Inbox.WaitForAsync("lucia@nodes.example.org", "Your data is ready to download");
        Assert.Contains("/account/data", Mailbox.Link(ready, "/account/data"));
        var file = await lucia.RunAndWaitForDownloadAsync(() => download.ClickAsync());
        using (var zip = new ZipArchive(File.OpenRead(await file.PathAsync())))
        {
            var json = new StreamReader(zip.GetEntry("data.json")!.Open()).ReadToEnd();
            Assert.Contains("Lucía Fernández", json);
            Assert.Contains(title, json);
            var html = new StreamReader(zip.GetEntry("data.html")!.Open()).ReadToEnd();
            Assert.Contains("Your registrations", html);
        }

        // Her choices, with the words she agreed to: she leaves the participant list.
        await lucia.GotoAsync("/account");
        await lucia.GetByRole(AriaRole.Link, new() { Name = "Your choices" }).ClickAsync();
        await Expect(lucia.Locator("main")).ToContainTextAsync("On the participant list");
        await lucia.AssertNoAxeViolationsAsync();
        await lucia.GetByRole(AriaRole.Button, new() { Name = "Withdraw On the participant list" }).ClickAsync();
        await Expect(lucia.GetByRole(AriaRole.Status)).ToContainTextAsync("Your consent is withdrawn.");
        await Expect(lucia.Locator("main")).ToContainTextAsync("withdrawn on");

        // Anyone reads the site's privacy notice, from any page's footer.
        await lucia.GetByRole(AriaRole.Link, new() { Name = "Privacy notice" }).ClickAsync();
        await Expect(lucia.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Privacy notice" })).ToBeVisibleAsync();
        await Expect(lucia.Locator("main")).ToContainTextAsync("90 days after the workshop ends");
        await lucia.AssertNoAxeViolationsAsync();

        await lucia.GotoAsync("/account");
        await lucia.GetByRole(AriaRole.Link, new() { Name = "Delete your account" }).ClickAsync();
        await lucia.AssertNoAxeViolationsAsync();
        await lucia.GetByRole(AriaRole.Button, new() { Name = "Delete my account" }).ClickAsync();
        await Expect(lucia.Locator("#Understood-error")).ToContainTextAsync("Tick the box");
        await lucia.GetByLabel("Your password").FillAsync(People.Password);
        await lucia.GetByLabel("I understand that my account is deleted for good.").CheckAsync();
        await lucia.GetByRole(AriaRole.Button, new() { Name = "Delete my account" }).ClickAsync();
        await Expect(lucia.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Your account is deleted" })).ToBeVisibleAsync();
        await Expect(lucia.GetByRole(AriaRole.Link, new() { Name = "Sign in" })).ToBeVisibleAsync();
        await lucia.AssertNoAxeViolationsAsync();

        var irene = await site.SignedInAsync("irene@organisers.example.org");
        await irene.OpenWorkshopAsync(title, "Registrations");
        await Expect(irene.Locator("main table").First).ToContainTextAsync("Deleted participant");
        await Expect(irene.Locator("main")).Not.ToContainTextAsync("Lucía Fernández");
        await irene.AssertNoAxeViolationsAsync();

        // What the workshop still holds, and its answers erased once she has read what goes.
        await irene.OpenWorkshopAsync(title, "Personal data");
        await Expect(irene.Locator("main table").First).ToContainTextAsync("Answers to questions");
        await irene.AssertNoAxeViolationsAsync();
        await irene.GetByRole(AriaRole.Link, new() { Name = "Erase… Answers to questions" }).ClickAsync();
        await Expect(irene.Locator("main")).ToContainTextAsync("This erases 1 item");
        await irene.AssertNoAxeViolationsAsync();
        await irene.GetByRole(AriaRole.Button, new() { Name = "Erase Answers to questions" }).ClickAsync();
        await Expect(irene.GetByRole(AriaRole.Status)).ToContainTextAsync("1 item erased");
        await Expect(irene.Locator("main table").Last).ToContainTextAsync("Irene Organiser");
        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(2, db.Registrations.Count(r => r.WorkshopId == workshopId));
    }

    /// <summary>A workshop to come, with registration open, and the member registered for it.</summary>
    private async Task<(string Title, Guid Id)> RegisteredAsync(string email, string name)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email);
        var workshop = new AWorkshop
        {
            Title = "Living Atlases Workshop, Lisboa", Slug = "2030-lisboa", Starts = DateTime.UtcNow.Date.AddDays(90).AddHours(9), Days = 5, Zone = "Europe/Lisbon",
            Venue = "Museu Nacional de História Natural", City = "Lisboa", Country = "Portugal", Description = "A week of work.",
        }.Build();
        db.Workshops.Add(workshop);
        var setup = new ARegistrationSetup { Questions = [new RegistrationQuestionDetails(null, "Dietary needs", QuestionKind.ShortText, null, false)] }.For(workshop);
        db.RegistrationSetups.Add(setup);
        var other = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync("irene@organisers.example.org");
        // Someone else, whose answer the organisers erase once the caterer has it.
        var visa = Registration.Submit(setup, workshop, other!.Id, new ARegistration { Name = "Kwame Mensah", Email = other.Email!, Country = "Ghana" }.Details(workshop),
            new Dictionary<Guid, IReadOnlyList<string>> { [setup.Questions[0].Id] = ["Vegetarian"] }, DateTimeOffset.UtcNow, "en");
        db.Registrations.Add(visa);
        var registration = Registration.Submit(setup, workshop, user!.Id, new ARegistration { Name = name, Email = email, Country = "Spain" }.Details(workshop),
            new Dictionary<Guid, IReadOnlyList<string>>(), DateTimeOffset.UtcNow, "en");
        db.Registrations.Add(registration);
        db.StatusChanges.Add(registration.Created());
        // With the consents the form records: the notice she accepted and the participant list.
        await scope.ServiceProvider.GetRequiredService<Workshops.Web.Features.Registrations.RegistrationConsents>().GiveAsync(registration, setup, default);
        await db.SaveChangesAsync();
        return (workshop.Title, workshop.Id);
    }
}
