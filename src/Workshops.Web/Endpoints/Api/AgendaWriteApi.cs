using System.ComponentModel;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;
using Workshops.Core.Domain.Accounts;
using Workshops.Core.Domain.Agenda;
using Workshops.Core.Domain.Workshops;
using Workshops.Core.Security;
using Workshops.Web.Features.Organise.Agenda;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Endpoints.Api;

/// <summary>An item of the draft agenda, placed or not yet.</summary>
public sealed record DraftItem(Guid Id, string Title, AgendaItemType Type, Guid? TrackId, Guid? RoomId,
    [property: Description("The day in the workshop's time zone, when placed.")] DateOnly? Day,
    [property: Description("The start in the workshop's time zone (HH:mm), when placed.")] string? Start,
    DateTimeOffset? StartsAt, int DurationMinutes, string? Description, string? Chair, IReadOnlyList<string> Speakers,
    [property: Description("Send it back when moving the item: a change made meanwhile is refused with 409.")] string Version);

public sealed record DraftRoom(Guid Id, string Name, int? Capacity, Guid? TrackId);

/// <summary>The draft agenda: what organisers are building, before it is published.</summary>
public sealed record DraftAgenda(string Workshop, string TimeZone, IReadOnlyList<DraftRoom> Rooms, IReadOnlyList<DraftItem> Items);

/// <summary>A new agenda item; it starts unscheduled, to be placed with the place operation.</summary>
public sealed record NewAgendaItem(string? Title, AgendaItemType? Type, Guid? TrackId, int? DurationMinutes, string? Description, string? Chair,
    [property: Description("One speaker per entry: a name, or \"Name <address>\" to link the speaker's account.")] IReadOnlyList<string>? Speakers);

/// <summary>Where an item goes: a room, a day and a start in the workshop's time zone; no day and no start sends it back to the unscheduled list.</summary>
public sealed record ItemPlacement(Guid? RoomId, DateOnly? Day, [property: Description("HH:mm in the workshop's time zone.")] string? Start, int? DurationMinutes, string? Version);

public static class AgendaWriteApi
{
    public static void MapAgendaWriteApi(this RouteGroupBuilder api)
    {
        api.MapGet("/workshops/{slug}/agenda/draft", DraftAsync).WithName("GetDraftAgenda").WithTags("Agenda")
            .WithSummary("The draft agenda").WithDescription("The agenda organisers are building: rooms and every item, placed or not.")
            .RequireToken(ApiScopes.AgendaWrite).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/workshops/{slug}/agenda/items", CreateAsync).WithName("CreateAgendaItem").WithTags("Agenda")
            .WithSummary("Add an agenda item").WithDescription("Adds an item to the draft, unscheduled, as the agenda editor does.")
            .RequireToken(ApiScopes.AgendaWrite).RequireRateLimiting(RateLimitOptions.ApiWrite)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapPost("/workshops/{slug}/agenda/items/{id:guid}/place", PlaceAsync).WithName("PlaceAgendaItem").WithTags("Agenda")
            .WithSummary("Move an agenda item").WithDescription("Places an item in a room at a time, moves it, or sends it back to the unscheduled list, as the agenda editor does.")
            .RequireToken(ApiScopes.AgendaWrite).RequireRateLimiting(RateLimitOptions.ApiWrite)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    private static async Task<Results<Ok<DraftAgenda>, ProblemHttpResult>> DraftAsync(string slug, HttpContext http, AppDbContext db, CancellationToken ct)
    {
        if (await TokenWorkshops.ReachableAsync(http, db, slug, ct) is not { } workshop) return ApiProblems.NotFound(TokenWorkshops.NotReached);
        var rooms = await db.Rooms.AsNoTracking().Where(r => r.WorkshopId == workshop.Id).OrderBy(r => r.Position).ThenBy(r => r.Name).ToListAsync(ct);
        var items = await db.AgendaItems.AsNoTracking().Where(i => i.WorkshopId == workshop.Id).ToListAsync(ct);
        return TypedResults.Ok(new DraftAgenda(workshop.Slug, workshop.TimeZoneId, rooms.Select(r => new DraftRoom(r.Id, r.Name, r.Capacity, r.TrackId)).ToList(),
            items.OrderBy(i => i.StartsAt ?? DateTimeOffset.MaxValue).ThenBy(i => i.Title, StringComparer.Ordinal).Select(i => Item(i, workshop)).ToList()));
    }

    private static async Task<Results<Created<DraftItem>, ValidationProblem, ProblemHttpResult>> CreateAsync(string slug, NewAgendaItem input,
        HttpContext http, AppDbContext db, AgendaDesk desk, CancellationToken ct)
    {
        if (await TokenWorkshops.ReachableAsync(http, db, slug, ct) is not { } workshop) return ApiProblems.NotFound(TokenWorkshops.NotReached);
        var form = new ItemForm
        {
            Title = input.Title ?? "", Type = input.Type ?? AgendaItemType.Session, TrackId = input.TrackId, DurationMinutes = input.DurationMinutes ?? 30,
            Description = input.Description, Chair = input.Chair, Speakers = input.Speakers is null ? null : string.Join("\n", input.Speakers),
        };
        if (ApiProblems.Check(form) is { } invalid) return invalid;
        if (form.TrackId is { } track && workshop.Tracks.All(t => t.Id != track)) return ApiProblems.Invalid("trackId", Tr.T("This workshop has no such track."));
        var result = await desk.SaveItemAsync(workshop.Id, null, form, ct);
        if (!result.Succeeded) return ApiProblems.Refused(result);
        var item = await db.AgendaItems.AsNoTracking().FirstAsync(i => i.Id == result.Id, ct);
        return TypedResults.Created(http.Request.AbsoluteUrl($"{ApiServices.Prefix}/workshops/{workshop.Slug}/agenda/draft"), Item(item, workshop));
    }

    private static async Task<Results<Ok<DraftItem>, ValidationProblem, ProblemHttpResult>> PlaceAsync(string slug, Guid id, ItemPlacement at,
        HttpContext http, AppDbContext db, AgendaDesk desk, CancellationToken ct)
    {
        if (await TokenWorkshops.ReachableAsync(http, db, slug, ct) is not { } workshop) return ApiProblems.NotFound(TokenWorkshops.NotReached);
        var item = await db.AgendaItems.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id && i.WorkshopId == workshop.Id, ct);
        if (item is null) return ApiProblems.NotFound(AgendaDesk.ItemGone);
        if (at.Version is { } version && version != Version(item)) return ApiProblems.Conflict(Tr.T("Someone changed “{0}” since you read it: read it again, then move it.", item.Title));
        TimeOnly? start = null;
        if (!string.IsNullOrEmpty(at.Start))
        {
            if (!TimeOnly.TryParseExact(at.Start, ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
                return ApiProblems.Invalid("start", Tr.T("Give the start as HH:mm, such as 09:30."));
            start = time;
        }
        if (at.RoomId is { } room && !await db.Rooms.AnyAsync(r => r.Id == room && r.WorkshopId == workshop.Id, ct))
            return ApiProblems.Invalid("roomId", Tr.T("Choose one of the workshop's rooms."));
        var result = await desk.PlaceAsync(workshop.Id, id, new Placement(at.RoomId, at.Day, start, at.DurationMinutes ?? item.DurationMinutes, item.UpdatedAt.UtcTicks), ct);
        if (!result.Succeeded) return ApiProblems.Refused(result with { Field = ApiProblems.Camel(result.Field) });
        var moved = await db.AgendaItems.AsNoTracking().FirstAsync(i => i.Id == id, ct);
        return TypedResults.Ok(Item(moved, workshop));
    }

    private static string Version(AgendaItem i) => i.UpdatedAt.UtcTicks.ToString(CultureInfo.InvariantCulture);

    private static DraftItem Item(AgendaItem i, Workshop w)
    {
        var local = i.StartsAt is { } s ? TimeZoneInfo.ConvertTime(s, w.Zone) : (DateTimeOffset?)null;
        return new DraftItem(i.Id, i.Title, i.Type, i.TrackId, i.RoomId, local is { } l ? DateOnly.FromDateTime(l.DateTime) : null,
            local?.ToString("HH:mm", CultureInfo.InvariantCulture), i.StartsAt, i.DurationMinutes, i.Description, i.Chair,
            i.Speakers.OrderBy(p => p.Position).Select(p => p.Name).ToList(), Version(i));
    }
}
