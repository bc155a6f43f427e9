using System.Text.RegularExpressions;
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
/// The yearly call as the community runs it: an organiser opens it, a member proposes to host, a reviewer scores,
/// the organiser accepts and releases, and the proposer reads the email and finds the workshop made from the proposal.
/// </summary>
public sealed class ProposalWalkTests(Site site) : IClassFixture<Site>
{
    [Fact]
    public async Task Member_proposes_reviewer_scores_organiser_accepts_and_the_proposer_sees_the_new_workshop()
    {
        await site.CreateUserAsync("lucia@organisers.example.org", "Lucía Organiser", Roles.Organiser);
        await site.CreateUserAsync("kofi@reviewers.example.org", "Kofi Reviewer", Roles.Reviewer);
        await site.CreateUserAsync("ana@sib.example.org", "Ana Muñoz", Roles.Member);

        // The organiser opens the yearly call with a question and weighted criteria.
        var lucia = await site.SignedInAsync("lucia@organisers.example.org");
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
        var ana = await site.SignedInAsync("ana@sib.example.org");
        await ana.GetByRole(AriaRole.Link, new() { Name = "Calls", Exact = true }).ClickAsync();
        await ana.GetByRole(AriaRole.Link, new() { Name = "Host the 2028 workshop" }).ClickAsync();
        await ana.AssertNoAxeViolationsAsync();
        await ana.GetByRole(AriaRole.Link, new() { Name = "Write a proposal" }).ClickAsync();
        await ana.GetByLabel("Title", new() { Exact = true }).FillAsync("Bogotá 2028 at the Humboldt Institute");
        await ana.GetByLabel("Host institution").FillAsync("Instituto Humboldt");
        await ana.GetByLabel("City").FillAsync("Bogotá");
        await ana.GetByLabel("Country").SelectOptionAsync(new SelectOptionValue { Label = "Colombia" });
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
        var kofi = await site.SignedInAsync("kofi@reviewers.example.org");
        await kofi.GetByRole(AriaRole.Link, new() { Name = "Review", Exact = true }).ClickAsync();
        await kofi.AssertNoAxeViolationsAsync();
        await kofi.GetByRole(AriaRole.Link, new() { Name = "review Bogotá 2028 at the Humboldt Institute" }).ClickAsync();
        // The proposal beside the scores, and what each criterion asks.
        await Expect(kofi.Locator(".review-proposal")).ToContainTextAsync("The workshop offered");
        await Expect(kofi.GetByRole(AriaRole.Group, new() { Name = "Relevance to the community" })).ToContainTextAsync("Does the programme answer what the nodes asked for this year?");
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
        await lucia.GetByRole(AriaRole.Button, new() { Name = "Yes, release and email them" }).ClickAsync();
        await Expect(lucia.GetByRole(AriaRole.Status)).ToContainTextAsync("Released: 1 accepted, 0 rejected");
        await lucia.GetByRole(AriaRole.Link, new() { Name = "Finish the workshop made from Bogotá 2028 at the Humboldt Institute" }).ClickAsync();
        await Expect(lucia.GetByLabel("City", new() { Exact = true })).ToHaveValueAsync("Bogotá");
        await Expect(lucia.GetByLabel("Address name", new() { Exact = true })).ToHaveValueAsync("2028-bogota");

        // The proposer reads the decision and finds the workshop made from her proposal.
        var decision = await site.Smtp.Inbox.WaitForAsync("ana@sib.example.org", "is accepted");
        await ana.GotoAsync(Mailbox.LinkTo(decision, "/proposals/"));
        await Expect(ana.Locator(".status").First).ToHaveTextAsync("Accepted");
        await Expect(ana.Locator("main")).ToContainTextAsync("This proposal became the workshop Bogotá 2028 at the Humboldt Institute");
        await Expect(ana.Locator("main")).ToContainTextAsync("submitted, awaiting a decision → accepted");
        await ana.GetByRole(AriaRole.Link, new() { Name = "Your proposals" }).First.ClickAsync();
        await Expect(ana.Locator("main")).ToContainTextAsync("Accepted");
        await ana.AssertNoAxeViolationsAsync();
    }

    [Fact]
    public async Task Organiser_opens_a_call_for_sessions_member_proposes_with_a_co_speaker_and_the_accepted_speaker_confirms()
    {
        await site.CreateUserAsync("olivia@organisers.example.org", "Olivia Organiser", Roles.Organiser);
        await site.CreateUserAsync("wanjiru@nodes.example.org", "Wanjiru Kamau", Roles.Member);
        var workshop = await AddWorkshopAsync("Living Atlases Workshop 2029, Lima", "2029-lima");

        // The organiser opens the workshop's call for sessions, without panels this year.
        var olivia = await site.SignedInAsync("olivia@organisers.example.org");
        await olivia.OpenWorkshopAsync(workshop, "Call for sessions");
        await Expect(olivia.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync($"Open the call for sessions of {workshop}");
        await olivia.GetByLabel("Opens", new() { Exact = true }).FillAsync(DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-ddT09:00"));
        await olivia.GetByLabel("Panel", new() { Exact = true }).UncheckAsync();
        await olivia.GetByLabel("Talk lengths in minutes", new() { Exact = true }).FillAsync("20, 30");
        await olivia.AssertNoAxeViolationsAsync();
        await olivia.GetByRole(AriaRole.Button, new() { Name = "Open the call" }).ClickAsync();
        await Expect(olivia.GetByRole(AriaRole.Status)).ToContainTextAsync("The call is saved");
        var board = olivia.Url;

        // A member proposes a talk for the developers' track, with a co-speaker.
        var wanjiru = await site.SignedInAsync("wanjiru@nodes.example.org");
        await wanjiru.GetByRole(AriaRole.Link, new() { Name = "Calls", Exact = true }).ClickAsync();
        await wanjiru.GetByRole(AriaRole.Link, new() { Name = $"Sessions for {workshop}" }).ClickAsync();
        await Expect(wanjiru.Locator("main")).ToContainTextAsync("talk (20 or 30 minutes)");
        await wanjiru.GetByRole(AriaRole.Link, new() { Name = "Write a proposal" }).ClickAsync();
        await wanjiru.GetByLabel("Title", new() { Exact = true }).FillAsync("Docker deployments in one afternoon");
        await wanjiru.GetByLabel("Kind of session").SelectOptionAsync("Talk");
        await wanjiru.GetByLabel("Length").SelectOptionAsync("30");
        await wanjiru.GetByLabel("Track", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Developers" });
        await wanjiru.GetByLabel("Abstract").FillAsync("From an empty server to a running **Living Atlas**.");
        await wanjiru.GetByLabel("Co-speaker 1 name").FillAsync("Diego Ramírez");
        await wanjiru.GetByLabel("Co-speaker 1 email").FillAsync("diego@nodes.example.org");
        await wanjiru.GetByLabel("Notes for the organisers").FillAsync("Participants need laptops with Docker.");
        await wanjiru.AssertNoAxeViolationsAsync();
        await wanjiru.GetByRole(AriaRole.Button, new() { Name = "Submit" }).ClickAsync();
        await Expect(wanjiru.GetByRole(AriaRole.Status)).ToContainTextAsync("Your proposal is submitted");
        await Expect(wanjiru.Locator("main")).ToContainTextAsync("Talk");
        await Expect(wanjiru.Locator("main")).ToContainTextAsync("invited, no answer yet");
        var proposalPage = wanjiru.Url;

        // The co-speaker answers from the link in the invitation, with no account.
        var invitation = await site.Smtp.Inbox.WaitForAsync("diego@nodes.example.org", "names you as co-speaker");
        var diego = await site.NewVisitorAsync();
        await diego.GotoAsync(Mailbox.LinkTo(invitation, "/speakers/invitation/"));
        await Expect(diego.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Will you present “Docker deployments in one afternoon”?");
        await diego.AssertNoAxeViolationsAsync();
        await diego.GetByRole(AriaRole.Button, new() { Name = "I will present it" }).ClickAsync();
        await Expect(diego.GetByRole(AriaRole.Status)).ToContainTextAsync("you are confirmed as a co-speaker");

        // The organiser accepts and releases.
        await olivia.GotoAsync(board);
        await Expect(olivia.Locator("table.ranking")).ToContainTextAsync("Talk · 30 minutes · Developers");
        await olivia.GetByLabel("Decision on Docker deployments in one afternoon").SelectOptionAsync("Accept");
        await olivia.GetByRole(AriaRole.Button, new() { Name = "Stage decision on Docker deployments in one afternoon" }).ClickAsync();
        await olivia.GetByRole(AriaRole.Button, new() { Name = "Release 1 decision" }).ClickAsync();
        await olivia.GetByRole(AriaRole.Button, new() { Name = "Yes, release and email them" }).ClickAsync();
        await Expect(olivia.GetByRole(AriaRole.Status)).ToContainTextAsync("Released: 1 accepted, 0 rejected");
        await Expect(olivia.Locator("main")).ToContainTextAsync("1 accepted session waits for the speaker to confirm");

        // The speaker confirms from the decision email; the session is ready for the agenda.
        var decision = await site.Smtp.Inbox.WaitForAsync("wanjiru@nodes.example.org", "is accepted");
        Assert.Contains("Please confirm that you will present it", decision.TextBody);
        await wanjiru.GotoAsync(Mailbox.LinkTo(decision, "/proposals/"));
        await wanjiru.AssertNoAxeViolationsAsync();
        await wanjiru.GetByRole(AriaRole.Button, new() { Name = "I will present it" }).ClickAsync();
        await Expect(wanjiru.GetByRole(AriaRole.Status)).ToContainTextAsync("your session is confirmed");
        await Expect(wanjiru.Locator(".status").First).ToHaveTextAsync("Confirmed");
        Assert.StartsWith(proposalPage.Split('?')[0], wanjiru.Url);

        await olivia.GotoAsync(board);
        await Expect(olivia.Locator("main")).ToContainTextAsync("1 confirmed session, 0.5 hours in all");
        await olivia.AssertNoAxeViolationsAsync();
    }

    private async Task<string> AddWorkshopAsync(string title, string slug)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var starts = DateTime.UtcNow.Date.AddDays(120).AddHours(9);
        var workshop = new AWorkshop
        {
            Title = title, Slug = slug, Starts = starts, Days = 5, Zone = "America/Lima", Venue = "Museo de Historia Natural", City = "Lima", Country = "Peru", Description = "A week of work.",
        }.Build();
        db.Workshops.Add(workshop);
        await db.SaveChangesAsync();
        return title;
    }
}
