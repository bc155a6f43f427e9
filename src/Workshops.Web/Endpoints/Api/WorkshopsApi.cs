using Microsoft.AspNetCore.Mvc;
using System.ComponentModel;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;
using Workshops.Core.Domain.Proposals;
using Workshops.Core.Domain.Registrations;
using Workshops.Core.Domain.Workshops;

using Workshops.Web.Infrastructure;

namespace Workshops.Web.Endpoints.Api;

public enum WorkshopState { Upcoming, Past, Cancelled }

public enum WorkshopOrder { Starts, StartsDescending, Title }

/// <summary>A public workshop as lists give it.</summary>
public class WorkshopSummary : IChanged
{
    [Description("The workshop's address name, as in /workshops/{slug}.")] public required string Slug { get; init; }
    [Description("The title in the reader's language, or the workshop's own language when it has none in it.")] public required string Title { get; init; }
    [Description("Every language's title, with lang=all.")] public IReadOnlyDictionary<string, string>? Titles { get; init; }
    public required int Year { get; init; }
    public required DateTimeOffset StartsAt { get; init; }
    public required DateTimeOffset EndsAt { get; init; }
    [Description("The IANA time zone the workshop's times are shown in.")] public required string TimeZone { get; init; }
    public required WorkshopFormat Format { get; init; }
    public string? Venue { get; init; }
    public string? City { get; init; }
    [Description("ISO 3166-1 alpha-2 code.")] public string? Country { get; init; }
    public required WorkshopState State { get; init; }
    [Description("The language the workshop is run in.")] public required string Language { get; init; }
    [Description("The workshop's page.")] public required string Url { get; init; }
    [JsonIgnore] public DateTimeOffset Changed { get; init; }
}

public sealed record TrackInfo([property: Description("What a registration's trackId names.")] Guid Id, string Name, string? Description,
    [property: Description("Seats in the track.")] int Seats);

public sealed record RegistrationChoice([property: Description("What an answer sends.")] string Value, [property: Description("How the reader's language says it.")] string Label);

/// <summary>One of the organisers' questions on the registration form.</summary>
public sealed record RegistrationQuestionInfo([property: Description("The key of the answer in a registration's answers.")] Guid Id, string Text, QuestionKind Kind,
    [property: Description("SingleChoice and MultipleChoice: the choices; YesNo takes yes or no.")] IReadOnlyList<RegistrationChoice> Choices, bool Required);

public sealed record RegistrationInfo(DateTimeOffset OpensAt, DateTimeOffset ClosesAt, [property: Description("Whether registration is open now.")] bool Open, RegistrationMode Mode,
    [property: Description("The organisers' own questions, in the form's order.")] IReadOnlyList<RegistrationQuestionInfo> Questions,
    [property: Description("The workshop's privacy notice, in Markdown; registering means accepting it (acceptsPrivacy).")] string? PrivacyNotice);

public sealed record CallInfo(Guid Id, CallKind Kind, string Title, DateTimeOffset OpensAt, DateTimeOffset ClosesAt, bool Open, string Url);

public sealed record TravelSupportInfo(DateTimeOffset OpensAt, DateTimeOffset ClosesAt, bool Open);

/// <summary>One public workshop with its tracks, calls and registration state.</summary>
public sealed class WorkshopDetail : WorkshopSummary
{
    [Description("What the workshop is about, in Markdown.")] public string? Description { get; init; }
    public IReadOnlyDictionary<string, string>? Descriptions { get; init; }
    public required IReadOnlyList<TrackInfo> Tracks { get; init; }
    [Description("Null when registration is not set up yet.")] public RegistrationInfo? Registration { get; init; }
    [Description("Calls for sessions for this workshop.")] public required IReadOnlyList<CallInfo> Calls { get; init; }
    [Description("Null when the workshop offers no travel support.")] public TravelSupportInfo? TravelSupport { get; init; }
    [Description("The published agenda in the API, null before the first version.")] public string? Agenda { get; init; }
}

/// <summary>Filters of the workshop list.</summary>
public sealed class WorkshopFilters
{
    [Description("Only workshops held in this year.")] [FromQuery(Name = "year")] public int? Year { get; set; }
    [Description("Upcoming (not ended), Past, or Cancelled.")] [FromQuery(Name = "status")] public WorkshopState? Status { get; set; }
    [Description("Only workshops in this country (ISO 3166-1 alpha-2 code).")] [FromQuery(Name = "country")] public string? Country { get; set; }
    [Description("Starts (the default), StartsDescending or Title.")] [FromQuery(Name = "sort")] public WorkshopOrder? Sort { get; set; }
    [Description(ApiText.AllDescription)] [FromQuery(Name = "lang")] public string? Lang { get; set; }
}

public static class WorkshopsApi
{
    public static void MapWorkshopsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/workshops", ListAsync).WithName("ListWorkshops").WithTags("Workshops")
            .WithSummary("Public workshops").WithDescription("Published and cancelled workshops, paged, filtered and sorted.");
        api.MapGet("/workshops/{slug}", GetAsync).WithName("GetWorkshop").WithTags("Workshops")
            .WithSummary("One workshop").WithDescription("A public workshop with its tracks, calls for sessions, registration and travel support.")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Results<Ok<Page<WorkshopSummary>>, ValidationProblem>> ListAsync(
        [AsParameters] WorkshopFilters filters, [AsParameters] Paging paging, HttpContext http, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (!paging.TryOffset(http.Request, out var offset, out var error)) return ApiProblems.Invalid("cursor", error!);
        var now = clock.GetUtcNow();
        var all = (await db.Workshops.AsNoTracking().Where(w => WorkshopStatuses.Public.Contains(w.Status)).ToListAsync(ct))
            .Select(w => Summary(w, now, http))
            .Where(w => filters.Year is null || w.Year == filters.Year)
            .Where(w => filters.Status is null || w.State == filters.Status)
            .Where(w => string.IsNullOrEmpty(filters.Country) || string.Equals(w.Country, filters.Country, StringComparison.OrdinalIgnoreCase));
        var sorted = (filters.Sort ?? WorkshopOrder.Starts) switch
        {
            WorkshopOrder.StartsDescending => all.OrderByDescending(w => w.StartsAt).ThenBy(w => w.Slug, StringComparer.Ordinal),
            WorkshopOrder.Title => all.OrderBy(w => w.Title, StringComparer.CurrentCulture).ThenBy(w => w.Slug, StringComparer.Ordinal),
            _ => all.OrderBy(w => w.StartsAt).ThenBy(w => w.Slug, StringComparer.Ordinal),
        };
        var list = sorted.ToList();
        return TypedResults.Ok(paging.Of(http.Request, list.Skip(offset).Take(paging.Size).ToList(), offset, list.Count));
    }

    private static async Task<Results<Ok<WorkshopDetail>, ProblemHttpResult>> GetAsync(
        string slug, [Description(ApiText.AllDescription)] string? lang, HttpContext http, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var w = await db.Workshops.AsNoTracking().Include(x => x.Tracks).FirstOrDefaultAsync(x => x.Slug == slug && WorkshopStatuses.Public.Contains(x.Status), ct);
        if (w is null) return ApiProblems.NotFound(Tr.T("There is no public workshop at this address."));
        var now = clock.GetUtcNow();
        var setup = await db.RegistrationSetups.AsNoTracking().FirstOrDefaultAsync(s => s.WorkshopId == w.Id, ct);
        var calls = await db.Calls.AsNoTracking().Where(c => c.WorkshopId == w.Id).OrderBy(c => c.OpensAt).ToListAsync(ct);
        var travel = await db.TravelFunds.AsNoTracking().FirstOrDefaultAsync(f => f.WorkshopId == w.Id && f.Offered, ct);
        var published = await db.AgendaVersions.AnyAsync(v => v.WorkshopId == w.Id, ct);
        var summary = Summary(w, now, http);
        var site = http.Request.AbsoluteUrl("").TrimEnd('/');
        return TypedResults.Ok(new WorkshopDetail
        {
            Slug = summary.Slug, Title = summary.Title, Titles = summary.Titles, Year = summary.Year, StartsAt = summary.StartsAt, EndsAt = summary.EndsAt,
            TimeZone = summary.TimeZone, Format = summary.Format, Venue = summary.Venue, City = summary.City, Country = summary.Country,
            State = summary.State, Language = summary.Language, Url = summary.Url,
            Changed = new[] { w.UpdatedAt, setup?.UpdatedAt ?? default }.Concat(calls.Select(c => c.UpdatedAt)).Max(),
            Description = ApiText.In(w.Description),
            Descriptions = ApiText.All(http, w.Description),
            Tracks = w.Tracks.OrderBy(t => t.Position).Select(t => new TrackInfo(t.Id, t.Name, t.Description, t.Capacity)).ToList(),
            Registration = setup is null ? null : new RegistrationInfo(setup.OpensAt, setup.ClosesAt, setup.IsOpen(now), setup.Mode,
                setup.Questions.OrderBy(q => q.Position).Select(q => new RegistrationQuestionInfo(q.Id, q.Text, q.Kind,
                    q.Kind == QuestionKind.YesNo ? [new("yes", Tr.T("Yes")), new("no", Tr.T("No"))] : q.Options.Select(o => new RegistrationChoice(o, q.Label(o))).ToList(),
                    q.Required)).ToList(),
                ApiText.In(setup.PrivacyNotice)),
            Calls = calls.Select(c => new CallInfo(c.Id, c.Kind, c.Title, c.OpensAt, c.ClosesAt, c.IsOpen(now), $"{site}/calls/{c.Id}")).ToList(),
            TravelSupport = travel is null ? null : new TravelSupportInfo(travel.OpensAt, travel.ClosesAt, travel.IsOpen(now)),
            Agenda = published ? $"{site}{ApiServices.Prefix}/workshops/{w.Slug}/agenda" : null,
        });
    }

    public static WorkshopSummary Summary(Workshop w, DateTimeOffset now, HttpContext http) => new()
    {
        Slug = w.Slug,
        Title = w.Title,
        Titles = ApiText.All(http, w.Title),
        Year = w.Year,
        StartsAt = w.StartsAt,
        EndsAt = w.EndsAt,
        TimeZone = w.TimeZoneId,
        Format = w.Format,
        Venue = w.Venue,
        City = w.City,
        Country = w.Country,
        State = w.Status == WorkshopStatus.Cancelled ? WorkshopState.Cancelled : w.EndsAt < now ? WorkshopState.Past : WorkshopState.Upcoming,
        Language = w.Language,
        Url = http.Request.AbsoluteUrl($"/workshops/{w.Slug}"),
        Changed = w.UpdatedAt,
    };
}
