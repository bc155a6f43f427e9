using System.ComponentModel;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;
using Workshops.Core.Email;
using Workshops.Core.Domain.Accounts;
using Workshops.Core.Domain.Proposals;
using Workshops.Core.Domain.Workshops;
using Workshops.Core.Security;
using Workshops.Web.Features.Calls;
using Workshops.Web.Features.Proposals;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Endpoints.Api;

public sealed record ProposedTrack(string? Name, int? Seats);

public sealed record ProposedCoSpeaker(string? Name, string? Email);

/// <summary>
/// A proposal to a call, as its form takes it. A call for sessions reads the session part, the yearly call the
/// workshop part; the other part is ignored.
/// </summary>
public sealed record NewProposal(
    string? Title,
    [property: Description("In Markdown.")] string? Text,
    [property: Description("Answers to the call's questions, keyed by the question's id.")] IReadOnlyDictionary<Guid, string?>? Answers,
    [property: Description("Sessions: one of the call's session formats.")] SessionType? Type,
    [property: Description("Sessions: one of the call's tracks.")] Guid? TrackId,
    [property: Description("Sessions: one of the lengths the format offers.")] int? DurationMinutes,
    [property: Description("Sessions: seen by the organisers only.")] string? OrganiserNotes,
    [property: Description("Sessions: the people presenting with you; each is emailed an invitation once the proposal is submitted.")] IReadOnlyList<ProposedCoSpeaker>? CoSpeakers,
    [property: Description("Workshops: the institution that would host it.")] string? HostInstitution,
    string? City,
    string? Country,
    DateOnly? StartsOn,
    DateOnly? EndsOn,
    [property: Description("Workshops: an IANA time zone; the call's when left out.")] string? TimeZone,
    WorkshopFormat? Format,
    string? Topics,
    int? ExpectedParticipants,
    string? FundingNotes,
    [property: Description("Workshops: the tracks with their seats.")] IReadOnlyList<ProposedTrack>? Tracks,
    [property: Description("true (the default) submits it, with a receipt by email; false keeps it as a draft only you see.")] bool? Submit,
    [property: Description("The late-submission code the organisers gave, once the call has closed.")] string? AccessCode);

/// <summary>One of the token owner's proposals.</summary>
public sealed record MyProposal(Guid Id, Guid Call, string CallTitle, string Title, ProposalStatus Status, DateTimeOffset CreatedAt, DateTimeOffset? SubmittedAt,
    [property: Description("The proposal's page, where it is edited, withdrawn and followed.")] string Url);

public static class ProposalsApi
{
    public static void MapProposalsApi(this RouteGroupBuilder api)
    {
        api.MapPost("/calls/{id:guid}/proposals", ProposeAsync).WithName("CreateProposal").WithTags("Calls")
            .WithSummary("Propose to a call")
            .WithDescription("Submits a proposal (or keeps a draft) as the proposal form does: the same checks, the same receipt by email and invitations to co-speakers. A proposal the form would refuse (a closed call without its late-submission code, an unanswered required question) is refused with 422 and nothing is saved.")
            .RequireToken(ApiScopes.ProposalsWrite).RequireRateLimiting(RateLimitOptions.Propose)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapGet("/me/proposals", MineAsync).WithName("ListMyProposals").WithTags("Account")
            .WithSummary("Your proposals").WithDescription("The token owner's proposals to every call, newest first, drafts included.")
            .RequireToken(ApiScopes.AccountRead);
    }

    private static async Task<Results<Created<MyProposal>, ValidationProblem, ProblemHttpResult>> ProposeAsync(Guid id, NewProposal input,
        HttpContext http, AppDbContext db, ProposalDesk desk, IOutboxKicker kicker, CancellationToken ct)
    {
        if (await PublicCalls.Of(db).AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct) is not { } call) return ApiProblems.NotFound(CallsApi.NoCall);
        var form = Form(input, call);
        foreach (var part in new object[] { form }.Concat(form.Tracks).Concat(form.CoSpeakers))
            if (ApiProblems.Check(part) is { } invalid) return invalid;
        // The form keeps a draft whose submission was refused, so nothing typed is lost; a client still has what it
        // sent, so here a refusal leaves nothing behind: the draft and its submission are one transaction.
        var submit = input.Submit ?? true;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var result = await desk.StartAsync(call, http.User.Id()!, form, submit, ct);
        if (!result.Succeeded) return ApiProblems.Refused(result);
        await tx.CommitAsync(ct);
        // The desk asked for its emails to go before this commit, when a worker could not see them yet: ask again now,
        // so the receipt leaves at once rather than with the minute's sweep.
        var reference = result.Id!.Value.ToString();
        foreach (var waiting in await db.OutboxMessages.Where(m => m.Status == OutboxStatus.Queued && m.Reference.StartsWith(reference)).Select(m => m.Id).ToListAsync(ct))
            kicker.Kick(waiting);
        var proposal = await db.Proposals.AsNoTracking().FirstAsync(p => p.Id == result.Id, ct);
        return TypedResults.Created(http.Request.AbsoluteUrl($"/proposals/{proposal.Id}"), Mine(proposal, call, http));
    }

    private static async Task<Ok<List<MyProposal>>> MineAsync(HttpContext http, AppDbContext db, CancellationToken ct)
    {
        var me = http.User.Id()!;
        var rows = await (from p in db.Proposals.AsNoTracking()
                          join c in db.Calls.AsNoTracking() on p.CallId equals c.Id
                          where p.ProposerId == me
                          orderby p.CreatedAt descending
                          select new { p, c }).ToListAsync(ct);
        return TypedResults.Ok(rows.Select(x => Mine(x.p, x.c, http)).ToList());
    }

    private static MyProposal Mine(Proposal p, Call c, HttpContext http) =>
        new(p.Id, c.Id, c.Title, p.Title, p.Status, p.CreatedAt, p.SubmittedAt, http.Request.AbsoluteUrl($"/proposals/{p.Id}"));

    private static ProposalForm Form(NewProposal input, Call call)
    {
        var form = ProposalForm.For(call);
        form.Title = input.Title ?? "";
        form.Text = input.Text;
        form.Answers = input.Answers?.ToDictionary() ?? [];
        form.AccessCode = input.AccessCode;
        if (call.Kind == CallKind.Sessions)
        {
            form.Type = input.Type ?? form.Type;
            form.TrackId = input.TrackId ?? form.TrackId;
            form.DurationMinutes = input.DurationMinutes ?? form.DurationMinutes;
            form.OrganiserNotes = input.OrganiserNotes;
            form.CoSpeakers = input.CoSpeakers?.Select(c => new CoSpeakerForm { Name = c.Name, Email = c.Email }).ToList() ?? [];
        }
        else
        {
            form.HostInstitution = input.HostInstitution;
            form.City = input.City;
            form.Country = input.Country;
            form.StartsOn = input.StartsOn;
            form.EndsOn = input.EndsOn;
            form.TimeZoneId = input.TimeZone ?? form.TimeZoneId;
            form.Format = input.Format ?? form.Format;
            form.Topics = input.Topics;
            form.ExpectedParticipants = input.ExpectedParticipants;
            form.FundingNotes = input.FundingNotes;
            if (input.Tracks is not null) form.Tracks = input.Tracks.Select(t => new ProposedTrackForm { Name = t.Name, Seats = t.Seats }).ToList();
        }
        return form;
    }
}
