using System.Net;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Domain.Accounts;
using Workshops.Core.Domain.Registrations;
using Workshops.Core.Domain.Workshops;
using Workshops.IntegrationTests.Support;

namespace Workshops.IntegrationTests.Features.Api;

/// <summary>Registering through the API: the form's rules, seats and receipt, and its refusals.</summary>
public sealed class RegisterApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static object Body(Workshop workshop, RegistrationSetup setup, string track = "Developers") => new
    {
        institution = "SiB Colombia", country = "CO", role = "Developer", trackId = workshop.Tracks.Single(t => t.Name == track).Id, acceptsPrivacy = true,
        answers = new Dictionary<Guid, string[]> { [setup.Questions[0].Id] = ["Biocache", "Collectory"], [setup.Questions[1].Id] = ["no"] },
    };

    [Fact]
    public async Task A_members_program_reads_the_form_registers_and_gets_the_receipt_the_page_sends()
    {
        var workshop = await app.AddWorkshopAsync($"rgapi-{Guid.NewGuid():N}"[..20]);
        var setup = await app.AddRegistrationAsync(workshop);
        var member = await app.CreateUserAsync(Roles.Member);
        var client = app.ApiClient(await app.TokenAsync(member, [ApiScopes.RegistrationsOwn, ApiScopes.AccountRead]));

        // The workshop says what the form asks: tracks by id, the questions with their choices, the privacy notice.
        var (_, detail) = await client.ApiGetAsync($"/api/v1/workshops/{workshop.Slug}");
        Assert.Equal(workshop.Tracks[0].Id.ToString(), (string?)detail!["tracks"]![0]!["id"]);
        var questions = detail["registration"]!["questions"]!.AsArray();
        Assert.Equal(["Biocache", "Spatial portal", "Collectory"], questions[0]!["choices"]!.AsArray().Select(c => (string)c!["value"]!));
        Assert.Equal(["yes", "no"], questions[1]!["choices"]!.AsArray().Select(c => (string)c!["value"]!));
        Assert.Equal("We keep your data for the workshop only.", (string?)detail["registration"]!["privacyNotice"]);

        var (created, registration) = await client.ApiPostAsync($"/api/v1/workshops/{workshop.Slug}/registrations", Body(workshop, setup));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(("Submitted", "Developers"), ((string?)registration!["status"], (string?)registration["track"]));
        var saved = await app.WithDb(db => db.Registrations.AsNoTracking().SingleAsync(r => r.UserId == member.Id));
        // The account's own address and name, whatever a program sends.
        Assert.Equal((member.Email, member.DisplayName, "Biocache\nCollectory"), (saved.Email, saved.Name, saved.Answers.Single(a => a.QuestionId == setup.Questions[0].Id).Value));
        Assert.True(await app.WithDb(db => db.OutboxMessages.AnyAsync(m => m.To == member.Email && m.Kind == Workshops.Core.Email.Editable.RegistrationEmails.Received.Key)));
        var (_, me) = await client.ApiGetAsync("/api/v1/me");
        Assert.Equal(saved.Id.ToString(), (string?)me!["registrations"]![0]!["id"]);

        // A second registration for the same workshop, as on the page, is not made.
        var (again, problem) = await client.ApiPostAsync($"/api/v1/workshops/{workshop.Slug}/registrations", Body(workshop, setup));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains($"/registrations/{saved.Id}", (string?)problem!["detail"]);
        Assert.Equal(1, await app.WithDb(db => db.Registrations.CountAsync(r => r.WorkshopId == workshop.Id)));
    }

    [Fact]
    public async Task First_come_never_overbooks_the_last_seat_goes_to_one_and_the_next_waits()
    {
        var workshop = await app.AddWorkshopAsync($"rgfull-{Guid.NewGuid():N}"[..20]);
        var setup = await app.AddRegistrationAsync(workshop, RegistrationMode.FirstCome, totalSeats: 1);
        var first = app.ApiClient(await app.TokenAsync(await app.CreateUserAsync(Roles.Member), [ApiScopes.RegistrationsOwn]));
        var second = app.ApiClient(await app.TokenAsync(await app.CreateUserAsync(Roles.Member), [ApiScopes.RegistrationsOwn]));

        var answers = await Task.WhenAll(first.ApiPostAsync($"/api/v1/workshops/{workshop.Slug}/registrations", Body(workshop, setup)),
            second.ApiPostAsync($"/api/v1/workshops/{workshop.Slug}/registrations", Body(workshop, setup, "Managers")));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Created, a.Response.StatusCode));
        Assert.Equal(["Admitted", "Waitlisted"], answers.Select(a => (string)a.Json!["status"]!).Order());
        Assert.Equal(1, await app.SeatsTakenAsync(workshop, "total"));
    }

    [Fact]
    public async Task What_the_form_refuses_the_api_refuses_and_nothing_is_kept()
    {
        var workshop = await app.AddWorkshopAsync($"rgbad-{Guid.NewGuid():N}"[..20]);
        var setup = await app.AddRegistrationAsync(workshop);
        var closedWorkshop = await app.AddWorkshopAsync($"rgcls-{Guid.NewGuid():N}"[..20]);
        var closedSetup = await app.AddRegistrationAsync(closedWorkshop, open: false);
        var member = await app.CreateUserAsync(Roles.Member);
        var client = app.ApiClient(await app.TokenAsync(member, [ApiScopes.RegistrationsOwn]));
        var path = $"/api/v1/workshops/{workshop.Slug}/registrations";

        var (closed, closedProblem) = await client.ApiPostAsync($"/api/v1/workshops/{closedWorkshop.Slug}/registrations", Body(closedWorkshop, closedSetup));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, closed.StatusCode);
        Assert.StartsWith("Registration closed on", (string?)closedProblem!["detail"]);

        // No privacy notice accepted, and the required question unanswered: both named at once.
        var (gaps, gapsProblem) = await client.ApiPostAsync(path, new { trackId = workshop.Tracks[0].Id, country = "CO", institution = "SiB" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, gaps.StatusCode);
        var fields = gapsProblem!["errors"]!.AsObject().Select(e => e.Key).ToList();
        Assert.Contains("AcceptsPrivacy", fields);
        Assert.Contains(setup.Questions[0].Id.ToString(), fields);

        var (badChoice, _) = await client.ApiPostAsync(path, new { trackId = workshop.Tracks[0].Id, country = "CO", institution = "SiB", acceptsPrivacy = true,
            answers = new Dictionary<Guid, string[]> { [setup.Questions[0].Id] = ["Biocache"], [setup.Questions[1].Id] = ["perhaps"] } });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badChoice.StatusCode);
        var (tooLong, longProblem) = await client.ApiPostAsync(path, new { name = new string('x', 300), acceptsPrivacy = true });
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.NotNull(longProblem!["errors"]!["name"]);
        var (unreadable, _) = await client.ApiPostAsync(path, new { acceptsPrivacy = "yes please" });
        Assert.Equal(HttpStatusCode.BadRequest, unreadable.StatusCode);
        Assert.Equal(0, await app.WithDb(db => db.Registrations.CountAsync(r => r.UserId == member.Id)));
    }

    [Fact]
    public async Task Registering_needs_the_scope_a_confirmed_address_and_a_published_workshop()
    {
        var workshop = await app.AddWorkshopAsync($"rgauth-{Guid.NewGuid():N}"[..20]);
        var setup = await app.AddRegistrationAsync(workshop);
        var draft = await app.AddWorkshopAsync($"rgdrf-{Guid.NewGuid():N}"[..20], WorkshopStatus.Draft);
        await app.AddRegistrationAsync(draft);
        var member = await app.CreateUserAsync(Roles.Member);
        var path = $"/api/v1/workshops/{workshop.Slug}/registrations";

        Assert.Equal(HttpStatusCode.Unauthorized, (await app.ApiClient(null).ApiPostAsync(path, Body(workshop, setup))).Response.StatusCode);
        var reader = app.ApiClient(await app.TokenAsync(member, [ApiScopes.AccountRead, ApiScopes.ProposalsWrite]));
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.ApiPostAsync(path, Body(workshop, setup))).Response.StatusCode);
        var client = app.ApiClient(await app.TokenAsync(member, [ApiScopes.RegistrationsOwn]));
        Assert.Equal(HttpStatusCode.NotFound, (await client.ApiPostAsync($"/api/v1/workshops/{draft.Slug}/registrations", Body(draft, setup))).Response.StatusCode);
        var unconfirmed = await app.CreateUserAsync(Roles.Member, confirmed: false);
        var notYet = app.ApiClient(await app.TokenAsync(unconfirmed, [ApiScopes.RegistrationsOwn]));
        Assert.Equal(HttpStatusCode.Forbidden, (await notYet.ApiPostAsync(path, Body(workshop, setup))).Response.StatusCode);
        // Reading the organisers' list of registrations is another scope, for organisers.
        Assert.Equal(HttpStatusCode.Forbidden, (await client.ApiGetAsync(path)).Response.StatusCode);
        Assert.Equal(0, await app.WithDb(db => db.Registrations.CountAsync(r => r.UserId == member.Id || r.UserId == unconfirmed.Id)));
    }
}
