using System.ComponentModel;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Workshops.Core.Data;
using Workshops.Core.Domain.Agenda;
using Workshops.Core.Domain.Workshops;
using Workshops.Web.Features.AgendaPages;

using Workshops.Web.Infrastructure;

namespace Workshops.Web.Endpoints.Api;

public sealed record AgendaRoom(Guid Id, string Name, int? Capacity, Guid? TrackId);

public sealed record AgendaTrack(Guid Id, string Name);

public sealed record AgendaSpeaker(string Name);

public sealed record AgendaEntry(Guid Id, string Title, AgendaItemType Type, DateTimeOffset StartsAt, DateTimeOffset EndsAt, int DurationMinutes,
    Guid RoomId, Guid? TrackId, [property: Description("In Markdown.")] string? Description, string? Chair, IReadOnlyList<AgendaSpeaker> Speakers,
    [property: Description("The item's page.")] string Url);

/// <summary>A published version of a workshop's agenda, exactly as it was published.</summary>
public sealed record AgendaAnswer(string Workshop, int Version, DateTimeOffset PublishedAt, [property: Description("The organisers' note on what changed.")] string? Note,
    string TimeZone, IReadOnlyList<AgendaRoom> Rooms, IReadOnlyList<AgendaTrack> Tracks, IReadOnlyList<AgendaEntry> Items) : IChanged, IKeptAnswer
{
    [JsonIgnore] public DateTimeOffset Changed => PublishedAt;
}

public sealed record AgendaVersionSummary(int Version, DateTimeOffset PublishedAt, string? Note, [property: Description("This version in the API.")] string Url) : IChanged
{
    [JsonIgnore] public DateTimeOffset Changed => PublishedAt;
}

public static class AgendaApi
{
    public static void MapAgendaApi(this RouteGroupBuilder api)
    {
        api.MapGet("/workshops/{slug}/agenda", LatestAsync).WithName("GetAgenda").WithTags("Agenda")
            .WithSummary("The published agenda").WithDescription("The latest published version of a workshop's agenda, with rooms, tracks, sessions and speakers.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/workshops/{slug}/agenda/versions", VersionsAsync).WithName("ListAgendaVersions").WithTags("Agenda")
            .WithSummary("Published versions").WithDescription("Every published version of the agenda, newest first.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/workshops/{slug}/agenda/versions/{version:int}", VersionAsync).WithName("GetAgendaVersion").WithTags("Agenda")
            .WithSummary("One published version").WithDescription("A version of the agenda as it was published.")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Results<Ok<AgendaAnswer>, ProblemHttpResult>> LatestAsync(string slug, HttpContext http, PublishedAgendas agendas,
        IMemoryCache memory, CancellationToken ct)
    {
        var (workshop, agenda) = await agendas.FindAsync(slug, ct);
        if (workshop is null) return ApiProblems.NotFound(Tr.T("There is no public workshop at this address."));
        if (agenda is null) return ApiProblems.NotFound(Tr.T("This workshop's agenda is not published yet."));
        // A published version never changes (its note and the workshop's zone are part of the key): one answer per
        // version, whose bytes and ETag are then worked out once (see IKeptAnswer).
        var site = http.Request.AbsoluteUrl("");
        var answer = memory.GetOrCreate(("api-agenda", agenda.Version.Id, agenda.Version.Note, workshop.UpdatedAt, site), entry =>
        {
            entry.SlidingExpiration = TimeSpan.FromMinutes(30);
            return Answer(workshop, agenda.Version.Number, agenda.Version.PublishedAt, agenda.Version.Note, agenda.Snapshot, http);
        })!;
        return TypedResults.Ok(answer);
    }

    private static async Task<Results<Ok<IReadOnlyList<AgendaVersionSummary>>, ProblemHttpResult>> VersionsAsync(string slug, HttpContext http, AppDbContext db, Features.WorkshopPages.WorkshopQueries workshops, CancellationToken ct)
    {
        var workshop = await workshops.FindPublicAsync(slug, ct);
        if (workshop is null) return ApiProblems.NotFound(Tr.T("There is no public workshop at this address."));
        var versions = await db.AgendaVersions.AsNoTracking().Where(v => v.WorkshopId == workshop.Id).OrderByDescending(v => v.Number)
            .Select(v => new { v.Number, v.PublishedAt, v.Note }).ToListAsync(ct);
        return TypedResults.Ok<IReadOnlyList<AgendaVersionSummary>>(versions.Select(v => new AgendaVersionSummary(v.Number, v.PublishedAt, v.Note,
            http.Request.AbsoluteUrl($"{ApiServices.Prefix}/workshops/{workshop.Slug}/agenda/versions/{v.Number}"))).ToList());
    }

    private static async Task<Results<Ok<AgendaAnswer>, ProblemHttpResult>> VersionAsync(string slug, int version, HttpContext http, AppDbContext db, Features.WorkshopPages.WorkshopQueries workshops, CancellationToken ct)
    {
        var workshop = await workshops.FindPublicAsync(slug, ct);
        if (workshop is null) return ApiProblems.NotFound(Tr.T("There is no public workshop at this address."));
        var row = await db.AgendaVersions.AsNoTracking().FirstOrDefaultAsync(v => v.WorkshopId == workshop.Id && v.Number == version, ct);
        if (row is null) return ApiProblems.NotFound(Tr.T("This workshop's agenda has no version {0}.", version));
        return TypedResults.Ok(Answer(workshop, row.Number, row.PublishedAt, row.Note, row.ReadSnapshot(), http));
    }


    private static AgendaAnswer Answer(Workshop workshop, int number, DateTimeOffset publishedAt, string? note, AgendaSnapshot snapshot, HttpContext http)
    {
        var site = http.Request.AbsoluteUrl("").TrimEnd('/');
        return new AgendaAnswer(workshop.Slug, number, publishedAt, note, workshop.TimeZoneId,
            snapshot.Rooms.Select(r => new AgendaRoom(r.Id, r.Name, r.Capacity, r.TrackId)).ToList(),
            snapshot.Tracks.Select(t => new AgendaTrack(t.Id, t.Name)).ToList(),
            snapshot.Items.Select(i => new AgendaEntry(i.Id, i.Title, i.Type, i.StartsAt, i.EndsAt, i.DurationMinutes, i.RoomId, i.TrackId, i.Description, i.Chair,
                i.Speakers.Select(s => new AgendaSpeaker(s.Name)).ToList(), $"{site}/workshops/{workshop.Slug}/agenda/{i.Id}")).ToList());
    }
}
