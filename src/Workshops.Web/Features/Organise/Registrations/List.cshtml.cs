using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;
using Workshops.Core.Domain.Registrations;
using Workshops.Core.Domain.Workshops;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Features.Organise.Registrations;

/// <summary>The organisers' list of a workshop's registrations: counts and charts, filters, staged decisions, exports.</summary>
public sealed class ListModel(AppDbContext db, RegistrationBoard board, AdmissionDesk admissions, RegistrationExport export, TimeProvider clock) : PageModel
{
    public DateTimeOffset Now => clock.GetUtcNow();

    [FromQuery(Name = "status")] public RegistrationStatus? Status { get; set; }
    [FromQuery(Name = "track")] public Guid? TrackId { get; set; }
    [FromQuery(Name = "country")] public string? Country { get; set; }
    [FromQuery(Name = "q")] public string? Q { get; set; }
    [FromQuery(Name = "question")] public Guid? QuestionId { get; set; }
    [FromQuery(Name = "answer")] public string? Answer { get; set; }

    public Workshop Workshop { get; private set; } = null!;
    public RegistrationSetup Setup { get; private set; } = null!;
    public IReadOnlyList<Registration> Rows { get; private set; } = [];
    public BoardCounts Counts { get; private set; } = null!;
    public int Total { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnGetExportAsync(Guid id, string format, [FromServices] Infrastructure.SecurityLog log, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (format is not ("csv" or "xlsx")) return BadRequest(Tr.T("Export as csv or xlsx."));
        var all = await board.AllAsync(id, ct);
        var name = $"registrations-{Workshop.Slug}";
        var me = User.Id();
        await log.RecordAsync(Core.Domain.Accounts.SecurityEventKind.PersonalDataExported, me, null, me, $"{all.Count} registrations of {Workshop.Slug} as {format}");
        return format == "csv"
            ? File(export.Csv(Workshop, Setup, all), "text/csv; charset=utf-8", name + ".csv")
            : File(export.Xlsx(Workshop, Setup, all), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name + ".xlsx");
    }

    /// <summary>The seats, counted the one way every page counts them.</summary>
    public SeatPlan Seats { get; private set; } = null!;

    /// <summary>How many people an offer of the free seats would admit now.</summary>
    public int Offerable { get; private set; }

    /// <summary>Set when the organiser pressed Offer: who gets a seat, to confirm before anyone is told.</summary>
    public IReadOnlyList<SeatOfferRow>? OfferPreview { get; private set; }

    /// <summary>The filters the list was showing, so acting on it comes back to the same list.</summary>
    public Dictionary<string, string> ListRoute => ListFilters.Route(
        ("status", Status?.ToString()), ("track", TrackId?.ToString()), ("country", Country), ("q", Q), ("question", QuestionId?.ToString()), ("answer", Answer));

    private string ListUrl(Guid id, string anchor) => $"/organise/workshops/{id}/registrations{ListFilters.Query(ListRoute)}#{anchor}";

    public async Task<IActionResult> OnPostOfferSeatsAsync(Guid id, bool confirmed, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var offers = await admissions.SeatOffersAsync(id, ct);
        if (offers.Count == 0) return await RefusedAsync(id, Tr.T("No seat is free for anyone waiting now; nobody was admitted."), ct);
        if (!confirmed)
        {
            OfferPreview = offers;
            return Page();
        }
        var result = (await admissions.OfferSeatsAsync(id, User.Id()!, ct)).Value!;
        var done = Tr.T("Admitted from the waiting list: {0}. Each gets the admission email.", result.Admitted);
        if (result.Refused.Count > 0) return await RefusedAsync(id, done + " " + Tr.T("Still waiting: {0}", string.Join(" ", result.Refused)), ct);
        TempData[Flash.Key] = done;
        return Redirect($"/organise/workshops/{id}/registrations#seats-heading");
    }

    public async Task<IActionResult> OnPostStageAsync(Guid id, List<Guid> selected, StagedAdmission? decision, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (decision is null) return BadRequest(Tr.T("Choose admit, waitlist, decline or unstage."));
        if (selected.Count == 0) return await RefusedAsync(id, Tr.T("Tick at least one registration to stage a decision for."), ct);
        var refused = await admissions.StageAsync(id, selected, decision.Value, ct);
        if (refused.Count > 0) return await RefusedAsync(id, string.Join(" ", refused), ct);
        TempData[Flash.Key] = decision == StagedAdmission.None
            ? Tr.T("Unstaged.")
            : Tr.T("Staged to {0}: {1}. Nothing is announced until you release.", StatusWords.Lower(decision.Value), selected.Count);
        return Redirect(ListUrl(id, "registrations-list"));
    }

    /// <summary>Set when the organiser pressed Release: the decisions and their emails, to confirm before anyone is told.</summary>
    public IReadOnlyList<StagedDecisionRow>? ReleasePreview { get; private set; }

    public async Task<IActionResult> OnPostReleaseAsync(Guid id, bool confirmed, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (Counts.StagedCount == 0) return await RefusedAsync(id, Tr.T("No decisions are staged; nothing was released."), ct);
        if (!confirmed)
        {
            ReleasePreview = await admissions.StagedAsync(id, ct);
            return Page();
        }
        var result = (await admissions.ReleaseAsync(id, User.Id()!, ct)).Value!;
        var done = Tr.T("Released: {0} admitted, {1} waitlisted, {2} declined. Each participant gets an email.", result.Admitted, result.Waitlisted, result.Declined);
        if (result.Refused.Count > 0) return await RefusedAsync(id, done + " " + Tr.T("Not carried out (still staged): {0}", string.Join(" ", result.Refused)), ct);
        TempData[Flash.Key] = done;
        return Redirect($"/organise/workshops/{id}/registrations");
    }

    private async Task<IActionResult> RefusedAsync(Guid id, string error, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        await LoadAsync(id, ct);
        ModelState.AddModelError("", error);
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var workshop = await db.Workshops.AsNoTracking().FirstOrDefaultAsync(w => w.Id == id, ct);
        var setup = await db.RegistrationSetups.AsNoTracking().FirstOrDefaultAsync(s => s.WorkshopId == id, ct);
        if (workshop is null || setup is null) return false;
        (Workshop, Setup) = (workshop, setup);
        var all = await board.AllAsync(id, ct);
        Total = all.Count;
        Counts = RegistrationBoard.Count(all, workshop);
        Rows = new BoardFilter(Status, TrackId, Country, Q, QuestionId, Answer).Apply(all);
        Seats = SeatPlan.For(workshop, setup.TotalSeats);
        Offerable = SeatOffers.Count(Seats, PerTrack(all, r => RegistrationStatuses.HoldsSeat(r.Status)), PerTrack(all, r => r.Status == RegistrationStatus.Waitlisted));
        return true;
    }

    private static Dictionary<Guid, int> PerTrack(IEnumerable<Registration> all, Func<Registration, bool> which) =>
        all.Where(which).GroupBy(r => r.TrackId ?? Guid.Empty).ToDictionary(g => g.Key, g => g.Count());

    public string TrackName(Guid? trackId) => Workshop.Tracks.FirstOrDefault(t => t.Id == trackId)?.Name ?? "–";
}
