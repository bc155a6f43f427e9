using System.Net;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Domain.Registrations;
using Workshops.Core.Domain.Workshops;
using Workshops.IntegrationTests.Support;

namespace Workshops.IntegrationTests.Features.WorkshopPages;

/// <summary>Participants see their own status wherever they look: the home page, the workshop's page, the call's page.</summary>
public sealed class YourStatusTests(AppFactory app) : IClassFixture<AppFactory>
{
    private async Task<(Workshop Workshop, HttpClient Client, Guid Id)> RegisteredAsync(RegistrationStatus status = RegistrationStatus.Submitted)
    {
        var workshop = await app.AddWorkshopAsync($"y-{Guid.NewGuid():N}"[..20], startsLocal: DateTime.UtcNow.AddDays(200));
        var setup = await app.AddRegistrationAsync(workshop);
        var user = await app.CreateUserAsync();
        var client = await app.SignInAsync(user);
        var fields = RegistrationData.RegistrationFields(setup, workshop, user);
        fields[$"Input.Answers[{setup.Questions[0].Id}]"] = "Biocache";
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync($"/workshops/{workshop.Slug}/register", fields)).StatusCode);
        var id = await app.WithDb(async db =>
        {
            var r = await db.Registrations.SingleAsync(x => x.UserId == user.Id);
            if (status != RegistrationStatus.Submitted) db.StatusChanges.Add(r.MoveTo(status, null, DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
            return r.Id;
        });
        return (workshop, client, id);
    }

    [Fact]
    public async Task The_workshop_page_says_you_are_registered_instead_of_offering_to_register()
    {
        var (workshop, client, id) = await RegisteredAsync();
        var page = WebUtility.HtmlDecode(await client.GetStringAsync($"/workshops/{workshop.Slug}"));

        Assert.Contains("You are registered: awaiting a decision.", StripTags(page));
        Assert.Contains($"href=\"/registrations/{id}\"", page);
        Assert.DoesNotContain($"href=\"/workshops/{workshop.Slug}/register\"", page);
        // A visitor, not signed in, is offered the form and told until when.
        var visitor = WebUtility.HtmlDecode(await app.Browser().GetStringAsync($"/workshops/{workshop.Slug}"));
        Assert.Contains($"href=\"/workshops/{workshop.Slug}/register\"", visitor);
        Assert.Contains("Registration open until", visitor);
        Assert.DoesNotContain("You are registered", visitor);
    }

    [Fact]
    public async Task Admitted_people_see_their_track_and_waiting_people_their_place()
    {
        var (admitted, client, _) = await RegisteredAsync(RegistrationStatus.Admitted);
        Assert.Contains("You are registered: admitted (Developers).", StripTags(WebUtility.HtmlDecode(await client.GetStringAsync($"/workshops/{admitted.Slug}"))));

        var (waiting, waiter, _) = await RegisteredAsync(RegistrationStatus.Waitlisted);
        Assert.Contains("You are registered: on the waiting list (number 1).", StripTags(WebUtility.HtmlDecode(await waiter.GetStringAsync($"/workshops/{waiting.Slug}"))));
    }

    [Fact]
    public async Task The_home_page_shows_your_registration_and_whether_registration_is_open()
    {
        var (workshop, client, _) = await RegisteredAsync();
        var home = StripTags(WebUtility.HtmlDecode(await client.GetStringAsync("/")));
        Assert.Contains(workshop.Title, home);
        Assert.Contains("You are registered: awaiting a decision.", home);
        Assert.Contains("Registration open until", home);
    }

    [Fact]
    public async Task Closed_and_not_yet_open_registration_is_said_with_its_date()
    {
        var closed = await app.AddWorkshopAsync($"c-{Guid.NewGuid():N}"[..20], startsLocal: DateTime.UtcNow.AddDays(200));
        await app.AddRegistrationAsync(closed, open: false);
        var page = WebUtility.HtmlDecode(await app.Browser().GetStringAsync($"/workshops/{closed.Slug}"));
        Assert.Contains("Registration closed on", page);
        Assert.DoesNotContain($"href=\"/workshops/{closed.Slug}/register\"", page);
    }

    [Fact]
    public async Task The_calls_page_lists_your_proposals_with_their_status()
    {
        var workshop = await app.AddWorkshopAsync($"p-{Guid.NewGuid():N}"[..20]);
        var call = await app.AddSessionCallAsync(workshop);
        var user = await app.CreateUserAsync();
        var proposal = await app.AddSessionAsync(call, user, "Sampling events with the IPT");
        var client = await app.SignInAsync(user);

        var page = WebUtility.HtmlDecode(await client.GetStringAsync($"/calls/{call.Id}"));
        Assert.Contains("Your proposal to this call", page);
        Assert.Contains($"href=\"/proposals/{proposal.Id}\"", page);
        Assert.Contains("Sampling events with the IPT: submitted, awaiting a decision", StripTags(page));
        Assert.Contains("Write another proposal", page);
        Assert.DoesNotContain("Your proposal to this call", WebUtility.HtmlDecode(await app.Browser().GetStringAsync($"/calls/{call.Id}")));
    }

    private static string StripTags(string html) => System.Text.RegularExpressions.Regex.Replace(html, "<[^>]+>", "");
}
