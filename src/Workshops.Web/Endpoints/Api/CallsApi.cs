using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;
using Workshops.Core.Domain.Proposals;
using Workshops.Web.Features.Calls;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Endpoints.Api;

public enum CallOrder { Closes, ClosesDescending, Opens }

/// <summary>A public call for proposals as lists give it.</summary>
public class CallSummary : IChanged
{
    public required Guid Id { get; init; }
    [Description("Workshops: the yearly call for hosts. Sessions: one workshop's call for its agenda.")] public required CallKind Kind { get; init; }
    public required string Title { get; init; }
    [Description("Every language's title, with lang=all.")] public IReadOnlyDictionary<string, string>? Titles { get; init; }
    public required int Year { get; init; }
    [Description("The workshop a call for sessions fills, by its address name; null for the yearly call.")] public string? Workshop { get; init; }
    public required DateTimeOffset OpensAt { get; init; }
    public required DateTimeOffset ClosesAt { get; init; }
    [Description("The IANA time zone the call's dates are shown in.")] public required string TimeZone { get; init; }
    [Description("Whether proposals are taken now.")] public required bool Open { get; init; }
    [Description("The call's page.")] public required string Url { get; init; }
    [System.Text.Json.Serialization.JsonIgnore] public DateTimeOffset Changed { get; init; }
}

public sealed record CallQuestionInfo([property: Description("The key of the answer in a proposal's answers.")] Guid Id, string Text, bool Required);

public sealed record SessionFormatInfo(SessionType Type, [property: Description("The lengths offered, in minutes.")] IReadOnlyList<int> Durations);

public sealed record CallTrackInfo(Guid Id, string Name);

/// <summary>One call with what a proposal to it answers: its questions and, for sessions, its formats and tracks.</summary>
public sealed class CallDetail : CallSummary
{
    [Description("What the call asks for, in Markdown.")] public string? Description { get; init; }
    public required IReadOnlyList<CallQuestionInfo> Questions { get; init; }
    [Description("Calls for sessions: the kinds of session and their lengths.")] public required IReadOnlyList<SessionFormatInfo> SessionFormats { get; init; }
    [Description("Calls for sessions: the workshop's tracks a session may be proposed for.")] public required IReadOnlyList<CallTrackInfo> Tracks { get; init; }
}

public sealed class CallFilters
{
    [Description("Workshops or Sessions.")] [FromQuery(Name = "kind")] public CallKind? Kind { get; set; }
    [Description("true: only calls taking proposals now; false: only the others.")] [FromQuery(Name = "open")] public bool? Open { get; set; }
    [Description("Only calls of this year.")] [FromQuery(Name = "year")] public int? Year { get; set; }
    [Description("Closes (the default: soonest deadline first), ClosesDescending or Opens.")] [FromQuery(Name = "sort")] public CallOrder? Sort { get; set; }
    [Description(ApiText.AllDescription)] [FromQuery(Name = "lang")] public string? Lang { get; set; }
}

public static class CallsApi
{
    public static void MapCallsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/calls", ListAsync).WithName("ListCalls").WithTags("Calls")
            .WithSummary("Calls for proposals").WithDescription("The yearly call for workshop hosts and the public workshops' calls for sessions, paged, filtered and sorted.");
        api.MapGet("/calls/{id:guid}", GetAsync).WithName("GetCall").WithTags("Calls")
            .WithSummary("One call for proposals").WithDescription("A call with its questions and, for sessions, the formats, lengths and tracks a proposal chooses from.")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Results<Ok<Page<CallSummary>>, ValidationProblem>> ListAsync(
        [AsParameters] CallFilters filters, [AsParameters] Paging paging, HttpContext http, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (!paging.TryOffset(http.Request, out var offset, out var error)) return ApiProblems.Invalid("cursor", error!);
        var now = clock.GetUtcNow();
        var query = PublicCalls.Of(db).AsNoTracking();
        if (filters.Kind is { } kind) query = query.Where(c => c.Kind == kind);
        if (filters.Year is { } year) query = query.Where(c => c.Year == year);
        var calls = await query.ToListAsync(ct);
        var slugs = await SlugsAsync(db, calls, ct);
        var all = calls.Select(c => Summary(c, slugs, now, http)).Where(c => filters.Open is null || c.Open == filters.Open);
        var sorted = (filters.Sort ?? CallOrder.Closes) switch
        {
            CallOrder.ClosesDescending => all.OrderByDescending(c => c.ClosesAt),
            CallOrder.Opens => all.OrderBy(c => c.OpensAt),
            _ => all.OrderBy(c => c.ClosesAt),
        };
        var list = sorted.ThenBy(c => c.Id).ToList();
        return TypedResults.Ok(paging.Of(http.Request, list.Skip(offset).Take(paging.Size).ToList(), offset, list.Count));
    }

    private static async Task<Results<Ok<CallDetail>, ProblemHttpResult>> GetAsync(
        Guid id, [Description(ApiText.AllDescription)] string? lang, HttpContext http, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (await PublicCalls.Of(db).AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct) is not { } call) return ApiProblems.NotFound(NoCall);
        var slugs = await SlugsAsync(db, [call], ct);
        var tracks = call.WorkshopId is { } workshop
            ? await db.Workshops.AsNoTracking().Where(w => w.Id == workshop).SelectMany(w => w.Tracks).ToListAsync(ct)
            : [];
        var s = Summary(call, slugs, clock.GetUtcNow(), http);
        return TypedResults.Ok(new CallDetail
        {
            Id = s.Id, Kind = s.Kind, Title = s.Title, Titles = s.Titles, Year = s.Year, Workshop = s.Workshop, OpensAt = s.OpensAt, ClosesAt = s.ClosesAt,
            TimeZone = s.TimeZone, Open = s.Open, Url = s.Url, Changed = s.Changed,
            Description = ApiText.In(call.Description),
            Questions = call.Questions.OrderBy(q => q.Position).Select(q => new CallQuestionInfo(q.Id, q.Text, q.Required)).ToList(),
            SessionFormats = call.SessionFormats.OrderBy(f => f.Position).Select(f => new SessionFormatInfo(f.Type, f.Durations)).ToList(),
            Tracks = tracks.Where(t => call.TrackIds.Contains(t.Id)).OrderBy(t => t.Position).Select(t => new CallTrackInfo(t.Id, t.Name)).ToList(),
        });
    }

    public static string NoCall => Tr.T("There is no public call at this address.");

    private static async Task<Dictionary<Guid, string>> SlugsAsync(AppDbContext db, IEnumerable<Call> calls, CancellationToken ct)
    {
        var ids = calls.Where(c => c.WorkshopId is not null).Select(c => c.WorkshopId!.Value).Distinct().ToList();
        return ids.Count == 0 ? [] : await db.Workshops.AsNoTracking().Where(w => ids.Contains(w.Id)).ToDictionaryAsync(w => w.Id, w => w.Slug, ct);
    }

    private static CallSummary Summary(Call c, IReadOnlyDictionary<Guid, string> slugs, DateTimeOffset now, HttpContext http) => new()
    {
        Id = c.Id, Kind = c.Kind, Title = c.Title, Titles = ApiText.All(http, c.Title), Year = c.Year,
        Workshop = c.WorkshopId is { } w ? slugs.GetValueOrDefault(w) : null,
        OpensAt = c.OpensAt, ClosesAt = c.ClosesAt, TimeZone = c.TimeZoneId, Open = c.IsOpen(now),
        Url = http.Request.AbsoluteUrl($"/calls/{c.Id}"), Changed = c.UpdatedAt,
    };
}
