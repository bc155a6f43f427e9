using System.Net;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Domain.Accounts;
using Workshops.Core.Domain.Registrations;
using Workshops.IntegrationTests.Support;

namespace Workshops.IntegrationTests.Features.Api;

/// <summary>Organisers' registrations through the API: the same reads, exports, moves, emails and refusals as the registrations page.</summary>
public sealed class RegistrationsApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task An_organiser_lists_filters_exports_and_admits_with_the_email_the_page_sends()
    {
        var organiser = await app.CreateUserAsync(Roles.Organiser);
        var workshop = await app.AddWorkshopAsync($"rapi-{Guid.NewGuid():N}"[..20]);
        var setup = await app.AddRegistrationAsync(workshop);
        var ana = await app.RegistrantAsync(workshop, setup, await app.CreateUserAsync(), "Ana Souza");
        var kofi = await app.RegistrantAsync(workshop, setup, await app.CreateUserAsync(), "Kofi Mensah", track: "Managers");
        var client = app.ApiClient(await app.TokenAsync(organiser, [ApiScopes.RegistrationsRead, ApiScopes.RegistrationsWrite]));

        var (_, all) = await client.ApiGetAsync($"/api/v1/workshops/{workshop.Slug}/registrations");
        Assert.Equal(["Ana Souza", "Kofi Mensah"], all!["items"]!.AsArray().Select(r => (string)r!["name"]!).ToArray());
        var (_, managers) = await client.ApiGetAsync($"/api/v1/workshops/{workshop.Slug}/registrations?track=Managers");
        Assert.Equal(["Kofi Mensah"], managers!["items"]!.AsArray().Select(r => (string)r!["name"]!).ToArray());
        var (badTrack, _) = await client.ApiGetAsync($"/api/v1/workshops/{workshop.Slug}/registrations?track=Cooks");
        Assert.Equal(HttpStatusCode.BadRequest, badTrack.StatusCode);

        var (csv, _) = await client.ApiGetAsync($"/api/v1/workshops/{workshop.Slug}/registrations/export?format=csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Contains("Kofi Mensah", await csv.Content.ReadAsStringAsync());
        Assert.True(await app.WithDb(db => db.SecurityEvents.AnyAsync(e => e.UserId == organiser.Id && e.Kind == SecurityEventKind.PersonalDataExported)));
        var (badFormat, _) = await client.ApiGetAsync($"/api/v1/workshops/{workshop.Slug}/registrations/export?format=pdf");
        Assert.Equal(HttpStatusCode.BadRequest, badFormat.StatusCode);

        var version = (string)all["items"]![0]!["version"]!;
        var (admitted, moved) = await client.ApiPostAsync($"/api/v1/registrations/{ana.Id}/status", new { status = "Admitted", version });
        Assert.Equal(HttpStatusCode.OK, admitted.StatusCode);
        Assert.Equal("Admitted", (string?)moved!["status"]);
        await app.Mail.WaitForAsync(ana.Email, "You have a seat");
        Assert.Equal(1, await app.SeatsTakenAsync(workshop, SeatCounter.ForTrack(workshop.Tracks[0].Id)));

        // The version read before the change is now stale.
        var (stale, conflict) = await client.ApiPostAsync($"/api/v1/registrations/{ana.Id}/status", new { status = "Waitlisted", version });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(409, (int)conflict!["status"]!);
        var (_, waitlisted) = await client.ApiPostAsync($"/api/v1/registrations/{kofi.Id}/status", new { status = "Waitlisted" });
        Assert.Equal("Waitlisted", (string?)waitlisted!["status"]);
    }

    [Fact]
    public async Task The_api_refuses_what_the_page_refuses_with_a_problem_document()
    {
        var organiser = await app.CreateUserAsync(Roles.Organiser);
        var workshop = await app.AddWorkshopAsync($"rapx-{Guid.NewGuid():N}"[..20]);
        var setup = await app.AddRegistrationAsync(workshop, totalSeats: 1);
        var first = await app.RegistrantAsync(workshop, setup, await app.CreateUserAsync(), "First One");
        var second = await app.RegistrantAsync(workshop, setup, await app.CreateUserAsync(), "Second One");
        var writer = await app.TokenAsync(organiser, [ApiScopes.RegistrationsWrite]);
        var client = app.ApiClient(writer);

        Assert.Equal(HttpStatusCode.OK, (await client.ApiPostAsync($"/api/v1/registrations/{first.Id}/status", new { status = "Admitted" })).Response.StatusCode);
        // Beyond the seats: refused as the page refuses it, nothing changed.
        var (full, problem) = await client.ApiPostAsync($"/api/v1/registrations/{second.Id}/status", new { status = "Admitted" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, full.StatusCode);
        Assert.Contains("Second One was not admitted", (string?)problem!["detail"]);
        Assert.Equal(RegistrationStatus.Submitted, await app.WithDb(db => db.Registrations.Where(r => r.Id == second.Id).Select(r => r.Status).SingleAsync()));
        Assert.Equal(1, await app.SeatsTakenAsync(workshop, SeatCounter.Total));

        // Statuses an organiser does not give, unreadable bodies and unknown registrations.
        var (cancel, cancelProblem) = await client.ApiPostAsync($"/api/v1/registrations/{second.Id}/status", new { status = "Cancelled" });
        Assert.Equal(HttpStatusCode.BadRequest, cancel.StatusCode);
        Assert.NotNull(cancelProblem!["errors"]!["status"]);
        var (nonsense, _) = await client.ApiPostAsync($"/api/v1/registrations/{second.Id}/status", new { status = "Maybe" });
        Assert.Equal(HttpStatusCode.BadRequest, nonsense.StatusCode);
        var (empty, _) = await client.ApiAsync(new HttpRequestMessage(HttpMethod.Post, $"/api/v1/registrations/{second.Id}/status") { Content = new StringContent("{", System.Text.Encoding.UTF8, "application/json") });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        var (missing, _) = await client.ApiPostAsync($"/api/v1/registrations/{Guid.NewGuid()}/status", new { status = "Admitted" });
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);

        // A token limited to another workshop does not see this one: 404, as if it were not there.
        var elsewhere = await app.AddWorkshopAsync($"rapy-{Guid.NewGuid():N}"[..20]);
        var limited = app.ApiClient(await app.TokenAsync(organiser, [ApiScopes.RegistrationsRead, ApiScopes.RegistrationsWrite], [elsewhere.Id]));
        Assert.Equal(HttpStatusCode.NotFound, (await limited.ApiGetAsync($"/api/v1/workshops/{workshop.Slug}/registrations")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await limited.ApiPostAsync($"/api/v1/registrations/{second.Id}/status", new { status = "Waitlisted" })).Response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await limited.ApiGetAsync($"/api/v1/workshops/{elsewhere.Slug}/registrations")).Response.StatusCode);

        // A token that may only read cannot change, and a member's token can have no organising scope at all.
        var reader = app.ApiClient(await app.TokenAsync(organiser, [ApiScopes.RegistrationsRead]));
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.ApiPostAsync($"/api/v1/registrations/{second.Id}/status", new { status = "Waitlisted" })).Response.StatusCode);
        var member = app.ApiClient(await app.TokenAsync(await app.CreateUserAsync(Roles.Member), [ApiScopes.AccountRead]));
        Assert.Equal(HttpStatusCode.Forbidden, (await member.ApiGetAsync($"/api/v1/workshops/{workshop.Slug}/registrations")).Response.StatusCode);
    }
}
