using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Workshops.Core.Accounts;
using Workshops.EndToEndTests.Support;
using Workshops.Tests.Shared;
using static Microsoft.Playwright.Assertions;

namespace Workshops.EndToEndTests;

/// <summary>
/// The yearly call as the community runs it: an organiser opens it, a member proposes to host, a reviewer scores,
/// the organiser accepts and releases, and the proposer reads the email and finds the workshop made from the proposal.
/// </summary>
public sealed class ProposalWalkTests(Site site) : IClassFixture<Site>
{
    private const string Password = "a long walk through the botanical garden";

    [Fact]
    public async Task Member_proposes_reviewer_scores_organiser_accepts_and_the_proposer_sees_the_new_workshop()
    {
        await CreateUserAsync("lucia@organisers.example.org", "Lucía Organiser", Roles.Organiser);
        await CreateUserAsync("kofi@reviewers.example.org", "Kofi Reviewer", Roles.Reviewer);
        await CreateUserAsync("ana@sib.example.org", "Ana Muñoz", Roles.Member);

        // The organiser opens the yearly call with a question and weighted criteria.
        var lucia = await SignedInAsync("lucia@organisers.example.org");
        await lucia.GotoAsync("/organise/calls");
        await lucia.AssertNoAxeViolationsAsync();
        await lucia.GetByRole(AriaRole.Link, new() { Name = "Open a call for workshop proposals" }).ClickAsync();
        await lucia.GetByLabel("Title", new() { Exact = true }).FillAsync("Host the 2028 workshop");
        await lucia.GetByLabel("Workshop year", new() { Exact = true }).FillAsync("2028");
        await lucia.GetByLabel("Opens", new() { Exact = true }).FillAsync(DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-ddT09:00"));
        await lucia.GetByLabel("Closes", new() { Exact = true }).FillAsync(DateTime.UtcNow.AddDays(60).ToString("yyyy-MM-ddT23:59"));
        await lucia.GetByLabel("Time zone", new() { Exact = true }).SelectOptionAsync("America/Bogota");
        await lucia.GetByLabel("Question 1", new() { Exact = true }).FillAsync("How will remote participants join?");
        await lucia.GetByLabel("Required question 1").CheckAsync();
        await lucia.AssertNoAxeViolationsAsync();
        await lucia.GetByRole(AriaRole.Button, new() { Name = "Open the call" }).ClickAsync();
        await Expect(lucia.GetByRole(AriaRole.Status)).ToContainTextAsync("The call is saved");
        var board = lucia.Url;

        // A member finds the call and proposes to host: a draft first, then submitted.
        var ana = await SignedInAsync("ana@sib.example.org");
        await ana.GetByRole(AriaRole.Link, new() { Name = "Calls", Exact = true }).ClickAsync();
        await ana.GetByRole(AriaRole.Link, new() { Name = "Host the 2028 workshop" }).ClickAsync();
        await ana.AssertNoAxeViolationsAsync();
        await ana.GetByRole(AriaRole.Link, new() { Name = "Write a proposal" }).ClickAsync();
        await ana.GetByLabel("Title", new() { Exact = true }).FillAsync("Bogotá 2028 at the Humboldt Institute");
        await ana.GetByLabel("Host institution").FillAsync("Instituto Humboldt");
        await ana.GetByLabel("City").FillAsync("Bogotá");
        await ana.GetByLabel("Country").FillAsync("Colombia");
        await ana.GetByLabel("First day").FillAsync("2028-10-02");
        await ana.GetByLabel("Last day").FillAsync("2028-10-06");
        await ana.GetByLabel("Format").SelectOptionAsync("Hybrid");
        await ana.GetByLabel("Description").FillAsync("Two rooms, **fast** network, and the botanical garden next door.");
        await ana.AssertNoAxeViolationsAsync();
        await ana.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await Expect(ana.GetByRole(AriaRole.Status)).ToContainTextAsync("Your draft is saved");
        await ana.GetByRole(AriaRole.Button, new() { Name = "Submit" }).ClickAsync();
        await Expect(ana.GetByRole(AriaRole.Alert)).ToContainTextAsync("Answer “How will remote participants join?” before submitting.");
        await ana.GotoAsync(ana.Url.Split('?')[0] + "/edit");
        await ana.GetByLabel("How will remote participants join? (required to submit)").FillAsync("A hybrid room with two cameras.");
        await ana.GetByRole(AriaRole.Button, new() { Name = "Submit" }).ClickAsync();
        await Expect(ana.GetByRole(AriaRole.Status)).ToContainTextAsync("Your proposal is submitted");
        await Expect(ana.Locator(".status").First).ToHaveTextAsync("Submitted");
        await ana.AssertNoAxeViolationsAsync();
        var receipt = await site.Smtp.Inbox.WaitForAsync("ana@sib.example.org", "We received your proposal");
        Assert.Contains("Bogotá 2028 at the Humboldt Institute", receipt.TextBody);

        // The reviewer scores it, and only then sees the scores.
        var kofi = await SignedInAsync("kofi@reviewers.example.org");
        await kofi.GetByRole(AriaRole.Link, new() { Name = "Review", Exact = true }).ClickAsync();
        await kofi.AssertNoAxeViolationsAsync();
        await kofi.GetByRole(AriaRole.Link, new() { Name = "review Bogotá 2028 at the Humboldt Institute" }).ClickAsync();
        foreach (var (criterion, score) in new[] { ("Relevance to the community", "5"), ("Feasibility and budget", "4"), ("Access for participants", "4") })
            await kofi.GetByRole(AriaRole.Group, new() { Name = criterion }).GetByLabel(score, new() { Exact = true }).CheckAsync();
        await kofi.GetByLabel("Comment").FillAsync("A strong venue with good flights.");
        await kofi.AssertNoAxeViolationsAsync();
        await kofi.GetByRole(AriaRole.Button, new() { Name = "Save my review" }).ClickAsync();
        await Expect(kofi.GetByRole(AriaRole.Status)).ToContainTextAsync("Your review is saved");
        await Expect(kofi.Locator("main")).ToContainTextAsync("A strong venue with good flights.");

        // The organiser sees the ranking, accepts, and releases.
        await lucia.GotoAsync(board);
        await Expect(lucia.Locator("table.ranking")).ToContainTextAsync("4.50");
        await lucia.AssertNoAxeViolationsAsync();
        await lucia.GetByLabel("Decision on Bogotá 2028 at the Humboldt Institute").SelectOptionAsync("Accept");
        await lucia.GetByRole(AriaRole.Button, new() { Name = "Stage decision on Bogotá 2028 at the Humboldt Institute" }).ClickAsync();
        await Expect(lucia.GetByRole(AriaRole.Status)).ToContainTextAsync("Staged: accept");
        await lucia.GetByRole(AriaRole.Button, new() { Name = "Release 1 decision" }).ClickAsync();
        await Expect(lucia.GetByRole(AriaRole.Status)).ToContainTextAsync("Released: 1 accepted, 0 rejected");
        await lucia.GetByRole(AriaRole.Link, new() { Name = "Finish the workshop made from Bogotá 2028 at the Humboldt Institute" }).ClickAsync();
        await Expect(lucia.GetByLabel("City", new() { Exact = true })).ToHaveValueAsync("Bogotá");
        await Expect(lucia.GetByLabel("Address name", new() { Exact = true })).ToHaveValueAsync("2028-bogota");

        // The proposer reads the decision and finds the workshop made from her proposal.
        var decision = await site.Smtp.Inbox.WaitForAsync("ana@sib.example.org", "is accepted");
        await ana.GotoAsync(Mailbox.LinkTo(decision, "/proposals/"));
        await Expect(ana.Locator(".status").First).ToHaveTextAsync("Accepted");
        await Expect(ana.Locator("main")).ToContainTextAsync("This proposal became the workshop Bogotá 2028 at the Humboldt Institute");
        await Expect(ana.Locator("main")).ToContainTextAsync("Submitted → Accepted");
        await ana.GetByRole(AriaRole.Link, new() { Name = "Your proposals" }).First.ClickAsync();
        await Expect(ana.Locator("main")).ToContainTextAsync("Accepted");
        await ana.AssertNoAxeViolationsAsync();
    }

    private async Task CreateUserAsync(string email, string name, string role)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, CreatedAt = DateTimeOffset.UtcNow };
        Assert.True((await users.CreateAsync(user, Password)).Succeeded);
        await users.AddToRoleAsync(user, Roles.Member);
        if (role != Roles.Member) await users.AddToRoleAsync(user, role);
    }

    private async Task<IPage> SignedInAsync(string email)
    {
        var page = await site.NewVisitorAsync();
        await page.GotoAsync("/account/signin");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
        return page;
    }
}
