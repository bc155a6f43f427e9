using System.ComponentModel;
using System.Globalization;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;
using Workshops.Core.Domain.Accounts;
using Workshops.Core.Domain.Registrations;
using Workshops.Core.Domain.Workshops;
using Workshops.Web.Features.Organise.Registrations;
using Workshops.Web.Features.Registrations;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Endpoints.Api;

/// <summary>A registration as organisers read it.</summary>
public sealed record RegistrationAnswer(Guid Id, string Workshop, string Name, string Email, string Institution,
    [property: Description("ISO 3166-1 alpha-2 code.")] string Country, string? Role, string? Track, RegistrationStatus Status,
    [property: Description("The language emails to them are written in.")] string Language, DateTimeOffset RegisteredAt, DateTimeOffset? WaitlistedAt,
    DateTimeOffset? CheckedInAt, [property: Description("Send it back when changing the registration: a change made meanwhile is refused with 409.")] string Version) : IChanged
{
    [JsonIgnore] public DateTimeOffset Changed { get; init; }
}

/// <summary>A registration's new status: admitted, waitlisted or declined, with the emails the pages send.</summary>
public sealed record RegistrationMove(
    [property: Description("Admitted, Waitlisted or Declined.")] RegistrationStatus Status,
    [property: Description("The version the client read; left out, the change applies to whatever is current.")] string? Version);

public sealed class RegistrationFilters
{
    [Description("Only registrations in this state.")] [FromQuery(Name = "status")] public RegistrationStatus? Status { get; set; }
    [Description("Only registrations for this track (its name).")] [FromQuery(Name = "track")] public string? Track { get; set; }
}

public static class RegistrationsApi
{
    private static readonly RegistrationStatus[] Moves = [RegistrationStatus.Admitted, RegistrationStatus.Waitlisted, RegistrationStatus.Declined];

    public static void MapRegistrationsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/workshops/{slug}/registrations", ListAsync).WithName("ListRegistrations").WithTags("Registrations")
            .WithSummary("A workshop's registrations").WithDescription("Every registration of a workshop, in the order they came, for organisers.")
            .RequireToken(ApiScopes.RegistrationsRead).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/workshops/{slug}/registrations/export", ExportAsync).WithName("ExportRegistrations").WithTags("Registrations")
            .WithSummary("Export registrations").WithDescription("The registrations as the organisers' page exports them: format=csv or xlsx.")
            .RequireToken(ApiScopes.RegistrationsRead).ProducesProblem(StatusCodes.Status404NotFound)
            .Produces(StatusCodes.Status200OK, typeof(string), "text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        api.MapPost("/registrations/{id:guid}/status", MoveAsync).WithName("MoveRegistration").WithTags("Registrations")
            .WithSummary("Admit, waitlist or decline").WithDescription("Moves a registration as the organisers' page does: seats are never oversold, and the participant gets the same email.")
            .RequireToken(ApiScopes.RegistrationsWrite).RequireRateLimiting(Core.Security.RateLimitOptions.ApiWrite).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    private static async Task<Results<Ok<Page<RegistrationAnswer>>, ValidationProblem, ProblemHttpResult>> ListAsync(string slug,
        [AsParameters] RegistrationFilters filters, [AsParameters] Paging paging, HttpContext http, AppDbContext db, CancellationToken ct)
    {
        if (!paging.TryOffset(http.Request, out var offset, out var error)) return ApiProblems.Invalid("cursor", error!);
        if (await TokenWorkshops.ReachableAsync(http, db, slug, ct) is not { } workshop) return ApiProblems.NotFound(TokenWorkshops.NotReached);
        var rows = db.Registrations.AsNoTracking().Where(r => r.WorkshopId == workshop.Id);
        if (filters.Status is { } status) rows = rows.Where(r => r.Status == status);
        if (!string.IsNullOrWhiteSpace(filters.Track))
        {
            var track = workshop.Tracks.FirstOrDefault(t => string.Equals(t.Name, filters.Track.Trim(), StringComparison.OrdinalIgnoreCase));
            if (track is null) return ApiProblems.Invalid("track", Tr.T("This workshop has no track called {0}.", filters.Track));
            rows = rows.Where(r => r.TrackId == track.Id);
        }
        var total = await rows.CountAsync(ct);
        var page = await rows.OrderBy(r => r.CreatedAt).ThenBy(r => r.Id).Skip(offset).Take(paging.Size).ToListAsync(ct);
        return TypedResults.Ok(paging.Of(http.Request, page.Select(r => Answer(r, workshop)).ToList(), offset, total));
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> ExportAsync(string slug,
        [Description("csv or xlsx.")] string? format, HttpContext http, AppDbContext db, RegistrationBoard board, RegistrationExport export, SecurityLog log, CancellationToken ct)
    {
        if (format is not ("csv" or "xlsx")) return ApiProblems.Invalid("format", Tr.T("Export as csv or xlsx."));
        if (await TokenWorkshops.ReachableAsync(http, db, slug, ct) is not { } workshop) return ApiProblems.NotFound(TokenWorkshops.NotReached);
        var setup = await db.RegistrationSetups.AsNoTracking().FirstOrDefaultAsync(s => s.WorkshopId == workshop.Id, ct);
        if (setup is null) return ApiProblems.NotFound(Tr.T("This workshop takes no registrations yet."));
        var all = await board.AllAsync(workshop.Id, ct);
        var me = http.User.Id();
        await log.RecordAsync(SecurityEventKind.PersonalDataExported, me, null, me, $"{all.Count} registrations of {workshop.Slug} as {format}, through the API");
        var name = $"registrations-{workshop.Slug}.{format}";
        return format == "csv"
            ? TypedResults.File(export.Csv(workshop, setup, all), "text/csv; charset=utf-8", name)
            : TypedResults.File(export.Xlsx(workshop, setup, all), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name);
    }

    private static async Task<Results<Ok<RegistrationAnswer>, ValidationProblem, ProblemHttpResult>> MoveAsync(Guid id, RegistrationMove move,
        HttpContext http, AppDbContext db, RegistrationDesk desk, CancellationToken ct)
    {
        var registration = await db.Registrations.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        var workshop = registration is null ? null : await db.Workshops.AsNoTracking().Include(w => w.Tracks).FirstOrDefaultAsync(w => w.Id == registration.WorkshopId, ct);
        if (registration is null || workshop is null || !TokenWorkshops.Reaches(http, workshop)) return ApiProblems.NotFound(Tr.T("There is no registration at this address that this token reaches."));
        if (!Moves.Contains(move.Status)) return ApiProblems.Invalid("status", Tr.T("A registration can be moved to Admitted, Waitlisted or Declined."));
        if (move.Version is { } version && version != Version(registration))
            return ApiProblems.Conflict(Tr.T("This registration changed since you read it: read it again, then decide."));
        if (registration.Status == move.Status) return TypedResults.Ok(Answer(registration, workshop));
        var result = await desk.MoveAsync(id, move.Status, http.User.Id(), ct);
        if (!result.Succeeded) return ApiProblems.Refused(result);
        var moved = await db.Registrations.AsNoTracking().FirstAsync(r => r.Id == id, ct);
        return TypedResults.Ok(Answer(moved, workshop));
    }

    private static string Version(Registration r) => r.UpdatedAt.UtcTicks.ToString(CultureInfo.InvariantCulture);

    private static RegistrationAnswer Answer(Registration r, Workshop w) => new(r.Id, w.Slug, r.Name, r.Email, r.Institution, r.Country, r.Role,
        w.Tracks.FirstOrDefault(t => t.Id == r.TrackId)?.Name, r.Status, r.Language, r.CreatedAt, r.WaitlistedAt, r.CheckedInAt, Version(r))
    { Changed = r.UpdatedAt };
}
