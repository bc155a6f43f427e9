using System.Net;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Domain.Accounts;
using Workshops.Core.Domain.Proposals;
using Workshops.Core.Domain.Workshops;
using Workshops.IntegrationTests.Support;

namespace Workshops.IntegrationTests.Features.Api;

/// <summary>Calls read and proposals sent through the API, refused where the proposal form refuses them.</summary>
public sealed class ProposalsApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task A_members_program_reads_a_call_and_proposes_a_talk_with_the_receipt_the_form_sends()
    {
        var workshop = await app.AddWorkshopAsync($"prapi-{Guid.NewGuid():N}"[..20]);
        var call = await app.AddSessionCallAsync(workshop);
        var member = await app.CreateUserAsync(Roles.Member);
        var client = app.ApiClient(await app.TokenAsync(member, [ApiScopes.ProposalsWrite, ApiScopes.AccountRead]));

        var (_, open) = await client.ApiGetAsync($"/api/v1/calls?kind=Sessions&open=true&year={workshop.Year}&limit=100");
        Assert.Contains(open!["items"]!.AsArray(), c => (string?)c!["id"] == call.Id.ToString() && (string?)c["workshop"] == workshop.Slug);
        var (_, detail) = await client.ApiGetAsync($"/api/v1/calls/{call.Id}");
        Assert.Equal(["Talk", "Tutorial"], detail!["sessionFormats"]!.AsArray().Select(f => (string)f!["type"]!));
        var track = (string)detail["tracks"]![0]!["id"]!;

        var (created, proposal) = await client.ApiPostAsync($"/api/v1/calls/{call.Id}/proposals", new
        {
            title = "Publishing sampling events with the IPT", text = "A **hands-on** talk.", type = "Talk", trackId = track, durationMinutes = 30,
            coSpeakers = new[] { new { name = "Diego Ramírez", email = "diego.api@nodes.example.org" } },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("Submitted", (string?)proposal!["status"]);
        var id = Guid.Parse((string)proposal["id"]!);
        Assert.EndsWith($"/proposals/{id}", created.Headers.Location!.ToString());
        var saved = await app.WithDb(db => db.Proposals.AsNoTracking().Include(p => p.CoSpeakers).FirstAsync(p => p.Id == id));
        Assert.Equal((member.Id, ProposalStatus.Submitted, 30), (saved.ProposerId, saved.Status, saved.Session!.DurationMinutes));
        // The receipt and the co-speaker's invitation, as the form sends them.
        Assert.True(await app.WithDb(db => db.OutboxMessages.AnyAsync(m => m.To == member.Email)));
        Assert.True(await app.WithDb(db => db.OutboxMessages.AnyAsync(m => m.To == "diego.api@nodes.example.org")));

        var (_, mine) = await client.ApiGetAsync("/api/v1/me/proposals");
        Assert.Equal(id.ToString(), (string?)mine!.AsArray().Single()!["id"]);

        // A draft only: kept, not submitted, no receipt.
        var (draft, kept) = await client.ApiPostAsync($"/api/v1/calls/{call.Id}/proposals", new { title = "Half an idea", submit = false });
        Assert.Equal(HttpStatusCode.Created, draft.StatusCode);
        Assert.Equal("Draft", (string?)kept!["status"]);
    }

    [Fact]
    public async Task A_late_proposal_is_refused_as_the_form_refuses_it_and_nothing_is_saved()
    {
        var workshop = await app.AddWorkshopAsync($"prlate-{Guid.NewGuid():N}"[..20]);
        var call = await app.AddSessionCallAsync(workshop, open: false);
        var member = await app.CreateUserAsync(Roles.Member);
        var client = app.ApiClient(await app.TokenAsync(member, [ApiScopes.ProposalsWrite]));
        var talk = new { title = "Late but good", type = "Talk", trackId = call.TrackIds[0], durationMinutes = 20 };

        var (late, problem) = await client.ApiPostAsync($"/api/v1/calls/{call.Id}/proposals", talk);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, late.StatusCode);
        Assert.Equal("application/problem+json", late.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("This call closed on", (string?)problem!["detail"]);
        Assert.Equal(0, await app.WithDb(db => db.Proposals.CountAsync(p => p.CallId == call.Id)));

        // With the organisers' late-submission code it goes in, as on the form.
        var (withCode, _) = await client.ApiPostAsync($"/api/v1/calls/{call.Id}/proposals", new { talk.title, talk.type, talk.trackId, talk.durationMinutes, accessCode = ProposalData.LateCode });
        Assert.Equal(HttpStatusCode.Created, withCode.StatusCode);
    }

    [Fact]
    public async Task A_submission_with_gaps_names_every_gap_and_leaves_no_draft_behind()
    {
        var call = await app.AddCallAsync();
        var member = await app.CreateUserAsync(Roles.Member);
        var client = app.ApiClient(await app.TokenAsync(member, [ApiScopes.ProposalsWrite]));

        var (refused, problem) = await client.ApiPostAsync($"/api/v1/calls/{call.Id}/proposals", new { title = "Lima 2028", city = "Lima" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var errors = problem!["errors"]!.AsObject();
        Assert.Contains(call.Questions[0].Id.ToString(), errors.Select(e => e.Key)); // the required question, by its id
        Assert.True(errors.Count > 1, problem.ToJsonString());
        Assert.Equal(0, await app.WithDb(db => db.Proposals.CountAsync(p => p.CallId == call.Id && p.ProposerId == member.Id)));

        // The form's own limits, named by field.
        foreach (var (body, field) in new (object, string)[] { (new { title = "" }, "title"), (new { title = "Lima", expectedParticipants = 0 }, "expectedParticipants") })
        {
            var (bad, badProblem) = await client.ApiPostAsync($"/api/v1/calls/{call.Id}/proposals", body);
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.NotNull(badProblem!["errors"]![field]);
        }
        // In the reader's language, with the limit filled in, as the form says it.
        var spanish = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/calls/{call.Id}/proposals") { Content = System.Net.Http.Json.JsonContent.Create(new { title = new string('x', 201) }) };
        spanish.Headers.AcceptLanguage.ParseAdd("es");
        var (tooLong, tooLongProblem) = await client.ApiAsync(spanish);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Equal("El título necesita de 3 a 200 caracteres.", (string?)tooLongProblem!["errors"]!["title"]![0]);
        var (unreadable, _) = await client.ApiPostAsync($"/api/v1/calls/{call.Id}/proposals", new { title = "Lima", startsOn = "next spring" });
        Assert.Equal(HttpStatusCode.BadRequest, unreadable.StatusCode);
        Assert.Equal(0, await app.WithDb(db => db.Proposals.CountAsync(p => p.ProposerId == member.Id)));
    }

    [Fact]
    public async Task Proposing_needs_a_token_with_its_scope_and_a_public_call()
    {
        var draftWorkshop = await app.AddWorkshopAsync($"prdrf-{Guid.NewGuid():N}"[..20], WorkshopStatus.Draft);
        var hidden = await app.AddSessionCallAsync(draftWorkshop);
        var call = await app.AddCallAsync();
        var member = await app.CreateUserAsync(Roles.Member);
        var body = new { title = "Anything" };

        Assert.Equal(HttpStatusCode.Unauthorized, (await app.ApiClient(null).ApiPostAsync($"/api/v1/calls/{call.Id}/proposals", body)).Response.StatusCode);
        var reader = app.ApiClient(await app.TokenAsync(member, [ApiScopes.AccountRead]));
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.ApiPostAsync($"/api/v1/calls/{call.Id}/proposals", body)).Response.StatusCode);
        var writer = app.ApiClient(await app.TokenAsync(member, [ApiScopes.ProposalsWrite]));
        Assert.Equal(HttpStatusCode.Forbidden, (await writer.ApiGetAsync("/api/v1/me/proposals")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await writer.ApiPostAsync($"/api/v1/calls/{hidden.Id}/proposals", body)).Response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.ApiClient(null).ApiGetAsync($"/api/v1/calls/{hidden.Id}")).Response.StatusCode);
        var (_, list) = await app.ApiClient(null).ApiGetAsync("/api/v1/calls?limit=100");
        Assert.DoesNotContain(list!["items"]!.AsArray(), c => (string?)c!["id"] == hidden.Id.ToString());
        Assert.Equal(0, await app.WithDb(db => db.Proposals.CountAsync(p => p.ProposerId == member.Id)));
    }
}
