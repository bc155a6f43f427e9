using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;
using Workshops.Core.Domain.Travel;
using Workshops.Core.Domain.Workshops;
using Workshops.Web.Features.Travel;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Features.Organise.Travel;

/// <summary>A workshop's travel support at a glance: the budget, the applications ranked, and the staged decisions to release.</summary>
public sealed class IndexModel(AppDbContext db, TravelBoard board, TravelAwards awards, TimeProvider clock) : PageModel
{
    public Workshop Workshop { get; private set; } = null!;
    public TravelFund Fund { get; private set; } = null!;
    public IReadOnlyList<TravelRow> Rows { get; private set; } = [];
    public TravelTotals Totals { get; private set; } = null!;
    public IReadOnlyList<(TravelStatus Status, int Count)> Counts { get; private set; } = [];
    public DateTimeOffset Now { get; private set; }
    /// <summary>The organiser asked to release: the staged decisions, each with the email it sends.</summary>
    public IReadOnlyList<TravelRow>? ReleasePreview { get; private set; }

    public int StagedCount => Rows.Count(r => r.Staged != TravelDecision.None);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await db.Workshops.AsNoTracking().AnyAsync(w => w.Id == id, ct) is false) return NotFound();
        // Not offered yet: the settings page is where it starts.
        if (!await LoadAsync(id, ct)) return Redirect($"/organise/workshops/{id}/travel/settings");
        return Page();
    }

    public async Task<IActionResult> OnPostReleaseAsync(Guid id, bool confirmed, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (StagedCount == 0) return await RefusedAsync(id, Tr.T("No decisions are staged; nothing was released."), ct);
        if (!confirmed)
        {
            ReleasePreview = Rows.Where(r => r.Staged != TravelDecision.None).OrderBy(r => r.SubmittedAt).ToList();
            return Page();
        }
        var result = (await awards.ReleaseAsync(Fund.Id, User.Id()!, ct)).Value!;
        var done = Tr.T("Released: {0} awarded, {1} on the reserve list, {2} not funded. Each applicant gets an email.", result.Awarded, result.Reserve, result.NotFunded);
        if (result.Refused.Count > 0) return await RefusedAsync(id, done + " " + Tr.T("Not carried out (still staged): {0}", string.Join(" ", result.Refused)), ct);
        TempData[Flash.Key] = done;
        return Redirect($"/organise/workshops/{id}/travel");
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
        var read = workshop is null ? null : await board.ReadAsync(id, ct);
        if (read is null) return false;
        (Workshop, Fund, Rows, Totals) = (workshop!, read.Value.Fund, read.Value.Rows, read.Value.Totals);
        Counts = await board.CountsAsync(Fund.Id, ct);
        Now = clock.GetUtcNow();
        return true;
    }
}
