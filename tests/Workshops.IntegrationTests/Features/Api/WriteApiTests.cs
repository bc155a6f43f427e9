using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Domain.Accounts;
using Workshops.IntegrationTests.Support;

namespace Workshops.IntegrationTests.Features.Api;

/// <summary>Agenda items, materials and travel awards through the API, with the rules of their pages.</summary>
public sealed class WriteApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task An_organisers_program_adds_agenda_items_and_moves_them_as_the_editor_does()
    {
        var organiser = await app.CreateUserAsync(Roles.Organiser);
        var workshop = await app.AddWorkshopAsync($"agapi-{Guid.NewGuid():N}"[..20]);
        var room = await app.AddRoomAsync(workshop, "Aula Magna");
        var client = app.ApiClient(await app.TokenAsync(organiser, [ApiScopes.AgendaWrite]));
        var items = $"/api/v1/workshops/{workshop.Slug}/agenda/items";

        var (created, item) = await client.ApiPostAsync(items, new { title = "Biocache in practice", durationMinutes = 45, trackId = workshop.Tracks[0].Id, speakers = new[] { "Ana Souza" } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Null(item!["startsAt"]);
        Assert.Equal("Ana Souza", (string?)item["speakers"]![0]);
        var id = (string)item["id"]!;

        var day = DateOnly.FromDateTime(workshop.StartsLocal.DateTime).ToString("yyyy-MM-dd");
        var (placed, moved) = await client.ApiPostAsync($"{items}/{id}/place", new { roomId = room.Id, day, start = "10:30", version = (string)item["version"]! });
        Assert.Equal(HttpStatusCode.OK, placed.StatusCode);
        Assert.Equal("10:30", (string?)moved!["start"]);
        Assert.Equal(day, (string?)moved["day"]);
        Assert.Equal(45, (int)moved["durationMinutes"]!);
        var (_, draft) = await client.ApiGetAsync($"/api/v1/workshops/{workshop.Slug}/agenda/draft");
        Assert.Equal("Aula Magna", (string?)draft!["rooms"]![0]!["name"]);
        Assert.Equal(room.Id.ToString(), (string?)draft["items"]![0]!["roomId"]);

        // The version read before the move is stale now.
        var (stale, _) = await client.ApiPostAsync($"{items}/{id}/place", new { roomId = room.Id, day, start = "11:00", version = (string)item["version"]! });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        // The editor's refusals: no title, a length off the grid, a track or room of no one, a time that is no time, a day without a time.
        foreach (var (body, field) in new (object Body, string Field)[]
        {
            (new { title = "" }, "title"), (new { title = "Short", durationMinutes = 2 }, "durationMinutes"), (new { title = "T", trackId = Guid.NewGuid() }, "trackId"),
        })
        {
            var (refused, problem) = await client.ApiPostAsync(items, body);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.NotNull(problem!["errors"]![field]);
        }
        var (badTime, _) = await client.ApiPostAsync($"{items}/{id}/place", new { roomId = room.Id, day, start = "half past ten" });
        Assert.Equal(HttpStatusCode.BadRequest, badTime.StatusCode);
        var (noRoom, _) = await client.ApiPostAsync($"{items}/{id}/place", new { roomId = Guid.NewGuid(), day, start = "10:00" });
        Assert.Equal(HttpStatusCode.BadRequest, noRoom.StatusCode);
        var (half, halfProblem) = await client.ApiPostAsync($"{items}/{id}/place", new { roomId = room.Id, day });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, half.StatusCode);
        Assert.NotNull(halfProblem!["errors"]!["start"]);
        Assert.Equal(1, await app.WithDb(db => db.AgendaItems.CountAsync(i => i.WorkshopId == workshop.Id))); // one item, nothing half-saved

        // Reading registrations is not moving the agenda.
        var reader = app.ApiClient(await app.TokenAsync(organiser, [ApiScopes.RegistrationsRead]));
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.ApiPostAsync(items, new { title = "Sneaky" })).Response.StatusCode);
    }

    [Fact]
    public async Task A_program_uploads_slides_checked_by_content_and_they_are_listed_and_downloadable()
    {
        var organiser = await app.CreateUserAsync(Roles.Organiser);
        var workshop = await app.AddWorkshopAsync($"mtapi-{Guid.NewGuid():N}"[..20]);
        var client = app.ApiClient(await app.TokenAsync(organiser, [ApiScopes.MaterialsWrite]));
        var path = $"/api/v1/workshops/{workshop.Slug}/materials";
        static MultipartFormDataContent Form(string title, byte[]? file, string fileName = "slides.pdf", string? link = null)
        {
            var form = new MultipartFormDataContent { { new StringContent(title), "title" }, { new StringContent("Ana Souza"), "speakers" } };
            if (link is not null) form.Add(new StringContent(link), "link");
            if (file is not null)
            {
                var bytes = new ByteArrayContent(file);
                bytes.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
                form.Add(bytes, "file", fileName);
            }
            return form;
        }

        var (created, material) = await client.ApiAsync(new HttpRequestMessage(HttpMethod.Post, path) { Content = Form("Biocache slides", MaterialData.Pdf("Biocache pipelines")) });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("application/pdf", (string?)material!["contentType"]);
        var download = await app.Browser().GetAsync(new Uri((string)material["download"]!).PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        var (_, listed) = await app.Browser().ApiGetAsync($"/api/v1/materials?workshop={workshop.Slug}");
        Assert.Equal("Biocache slides", (string?)listed!["items"]![0]!["title"]);

        // Refused as the page refuses: a file that is not what it says, a file and a link at once, nothing at all, no title.
        var (fake, fakeProblem) = await client.ApiAsync(new HttpRequestMessage(HttpMethod.Post, path) { Content = Form("Fake", "MZ not a pdf"u8.ToArray(), "virus.pdf") });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, fake.StatusCode);
        Assert.NotNull(fakeProblem!["errors"]!["file"]);
        var (both, _) = await client.ApiAsync(new HttpRequestMessage(HttpMethod.Post, path) { Content = Form("Both", MaterialData.Pdf("x"), link: "https://example.org") });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, both.StatusCode);
        var (neither, _) = await client.ApiAsync(new HttpRequestMessage(HttpMethod.Post, path) { Content = Form("Neither", null) });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, neither.StatusCode);
        var (untitled, untitledProblem) = await client.ApiAsync(new HttpRequestMessage(HttpMethod.Post, path) { Content = Form("", MaterialData.Pdf("x")) });
        Assert.Equal(HttpStatusCode.BadRequest, untitled.StatusCode);
        Assert.NotNull(untitledProblem!["errors"]!["title"]);
        Assert.Equal(1, await app.WithDb(db => db.Materials.CountAsync(m => m.WorkshopId == workshop.Id)));

        // Without the scope, or without a token, nothing is added.
        var reader = app.ApiClient(await app.TokenAsync(organiser, [ApiScopes.AgendaWrite]));
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.ApiAsync(new HttpRequestMessage(HttpMethod.Post, path) { Content = Form("No", MaterialData.Pdf("x")) })).Response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.ApiClient(null).ApiAsync(new HttpRequestMessage(HttpMethod.Post, path) { Content = Form("No", MaterialData.Pdf("x")) })).Response.StatusCode);
    }

    [Fact]
    public async Task A_finance_team_reads_the_travel_awards_in_the_budgets_currency()
    {
        var organiser = await app.CreateUserAsync(Roles.Organiser);
        var workshop = await app.AddWorkshopAsync($"grapi-{Guid.NewGuid():N}"[..20]);
        var setup = await app.AddRegistrationAsync(workshop);
        var fund = await app.AddTravelFundAsync(workshop, 5_000m);
        var registration = await app.RegistrantAsync(workshop, setup, await app.CreateUserAsync(), "Kofi Mensah");
        await app.ApplyAsync(fund, registration.Id, travel: 900m, lodging: 400m);
        var client = app.ApiClient(await app.TokenAsync(organiser, [ApiScopes.GrantsRead]));

        var (ok, grants) = await client.ApiGetAsync($"/api/v1/workshops/{workshop.Slug}/travel");
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal("EUR", (string?)grants!["currency"]);
        Assert.Equal(5000m, (decimal)grants["budget"]!);
        var lines = grants["lines"]!.AsArray();
        Assert.Equal([900m, 400m], lines.Select(l => (decimal)l!["requested"]!).Order().Reverse().ToArray());
        Assert.All(lines, l => Assert.Equal("Kofi Mensah", (string?)l!["name"]));

        var none = await app.AddWorkshopAsync($"grapn-{Guid.NewGuid():N}"[..20]);
        Assert.Equal(HttpStatusCode.NotFound, (await client.ApiGetAsync($"/api/v1/workshops/{none.Slug}/travel")).Response.StatusCode);
        var member = app.ApiClient(await app.TokenAsync(await app.CreateUserAsync(Roles.Member), [ApiScopes.AccountRead]));
        Assert.Equal(HttpStatusCode.Forbidden, (await member.ApiGetAsync($"/api/v1/workshops/{workshop.Slug}/travel")).Response.StatusCode);
    }
}
