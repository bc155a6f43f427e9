using System.Net;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Domain.Accounts;
using Workshops.Core.Domain.Proposals;
using Workshops.Core.Domain.Registrations;
using Workshops.Core.Domain.Workshops;
using Workshops.IntegrationTests.Support;

namespace Workshops.IntegrationTests.Features.Organise;

/// <summary>A workshop's overview for its organisers, the menu its pages share, and one count of seats everywhere.</summary>
public sealed class DashboardTests(AppFactory app) : IClassFixture<AppFactory>
{
    private Task<Workshop> WorkshopAsync() => app.AddWorkshopAsync($"d-{Guid.NewGuid():N}"[..20]);

    private static string Overview(Workshop w) => $"/organise/workshops/{w.Id}";

    private async Task<Guid> RegisterAsync(Workshop workshop, RegistrationSetup setup)
    {
        var user = await app.CreateUserAsync();
        var client = await app.SignInAsync(user);
        var fields = RegistrationData.RegistrationFields(setup, workshop, user);
        fields[$"Input.Answers[{setup.Questions[0].Id}]"] = "Biocache";
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync($"/workshops/{workshop.Slug}/register", fields)).StatusCode);
        return await app.WithDb(db => db.Registrations.Where(r => r.UserId == user.Id).Select(r => r.Id).SingleAsync());
    }

    [Fact]
    public async Task A_new_workshop_says_what_to_set_up_next()
    {
        var w = await WorkshopAsync();
        var organiser = await app.BrowserAs(Roles.Organiser);
        var page = WebUtility.HtmlDecode(await (await organiser.GetAsync(Overview(w))).BodyAsync());

        Assert.Contains("Needs your attention", page);
        Assert.Contains("Registration is not set up: nobody can register yet.", page);
        Assert.Contains("No call for sessions yet.", page);
        Assert.Contains("Not published yet.", page);
        Assert.Contains("Nobody is admitted yet", page);
        // The menu every organiser page of the workshop shares, with this page marked.
        Assert.Contains($"aria-label=\"Organise {w.Title}\"", page);
        Assert.Contains($"href=\"/organise/workshops/{w.Id}\" aria-current=\"page\">Overview", page);
    }

    [Fact]
    public async Task Registrations_seats_and_waiting_decisions_show_at_a_glance()
    {
        var w = await WorkshopAsync();
        var setup = await app.AddRegistrationAsync(w, totalSeats: 40);
        var waiting = await RegisterAsync(w, setup);
        var staged = await RegisterAsync(w, setup);
        await app.WithDb(async db =>
        {
            var r = await db.Registrations.SingleAsync(x => x.Id == waiting);
            db.StatusChanges.Add(r.MoveTo(RegistrationStatus.Waitlisted, null, DateTimeOffset.UtcNow));
            (await db.Registrations.SingleAsync(x => x.Id == staged)).Stage(StagedAdmission.Decline, DateTimeOffset.UtcNow);
            return await db.SaveChangesAsync();
        });
        var organiser = await app.BrowserAs(Roles.Organiser);
        var page = WebUtility.HtmlDecode(await (await organiser.GetAsync(Overview(w))).BodyAsync());

        Assert.Contains("Registration open until", page);
        Assert.Contains("0 of 40 seats taken", page);
        Assert.Contains("40 seats in all (Developers up to 25, Managers up to 20)", page);
        Assert.Contains("1 registration decision is staged but not released.", page);
        Assert.Contains("1 seat is free while people are on the waiting list.", page);
        Assert.Contains($"href=\"/organise/workshops/{w.Id}/registrations#seats-heading\"", page);
    }

    [Fact]
    public async Task The_call_agenda_and_announcements_are_summed_up()
    {
        var w = await WorkshopAsync();
        var call = await app.AddSessionCallAsync(w);
        var organiser = await app.BrowserAs(Roles.Organiser);
        var page = WebUtility.HtmlDecode(await (await organiser.GetAsync(Overview(w))).BodyAsync());
        Assert.Contains(call.Title, page);
        Assert.Contains("Open until", page);
        Assert.Contains($"href=\"/organise/calls/{call.Id}\"", page);
        Assert.Contains("Nothing announced to this workshop's people yet.", page);

        // The menu's call link leads to the workshop's call; a workshop without one is offered the form.
        var go = await organiser.GetAsync($"{Overview(w)}/call");
        Assert.Equal($"/organise/calls/{call.Id}", go.Headers.Location!.ToString());
        var other = await WorkshopAsync();
        Assert.Equal($"/organise/calls/new?workshopId={other.Id}", (await organiser.GetAsync($"{Overview(other)}/call")).Headers.Location!.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData(Roles.Member)]
    [InlineData(Roles.Reviewer)]
    public async Task Only_organisers_open_a_workshops_overview(string? role)
    {
        var w = await WorkshopAsync();
        var client = await app.BrowserAs(role);
        foreach (var url in new[] { Overview(w), $"{Overview(w)}/call" })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains(role is null ? "/account/signin" : "/account/access-denied", response.Headers.Location!.ToString());
        }
    }

    [Fact]
    public async Task An_unknown_workshop_is_404()
    {
        var organiser = await app.BrowserAs(Roles.Admin);
        Assert.Equal(HttpStatusCode.NotFound, (await organiser.GetAsync($"/organise/workshops/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await organiser.GetAsync($"/organise/workshops/{Guid.NewGuid()}/call")).StatusCode);
    }

    [Fact]
    public async Task Visitors_and_organisers_read_the_same_number_of_seats()
    {
        var w = await WorkshopAsync();
        await app.AddRegistrationAsync(w, totalSeats: 40);
        var organiser = await app.BrowserAs(Roles.Organiser);
        const string seats = "40 seats in all (Developers up to 25, Managers up to 20)";

        Assert.Contains(seats, WebUtility.HtmlDecode(await app.Browser().GetStringAsync($"/workshops/{w.Slug}")));
        Assert.Contains(seats, WebUtility.HtmlDecode(await organiser.GetStringAsync("/organise/workshops")));
        var list = WebUtility.HtmlDecode(await organiser.GetStringAsync($"/organise/workshops/{w.Id}/registrations"));
        Assert.Contains(seats, list);
        Assert.Contains("0 of 40", list);
    }
}
