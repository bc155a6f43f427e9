using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Domain.Accounts;
using Workshops.Core.Data;
using Workshops.Core.Domain.Proposals;
using Workshops.Core.Domain.Workshops;
using Workshops.Web.Features.Organise.Calls;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Features.Proposals;

[Authorize]
public sealed class DetailsModel(AppDbContext db, ProposalAccess access, ProposalHistory history, ProposalDesk proposals, DecisionDesk desk,
    UserManager<AppUser> users, TimeProvider clock) : PageModel
{
    public sealed record ReviewerChoice(string Id, string Name, bool Assigned);

    public ProposalView View { get; private set; } = null!;
    public string ProposerName { get; private set; } = "";
    public IReadOnlyList<HistoryEntry> History { get; private set; } = [];
    public IReadOnlyList<ReviewLine> Reviews { get; private set; } = [];
    public ReviewScore Score { get; private set; } = new(null, null, 0);
    public IReadOnlyList<ReviewerChoice> Reviewers { get; private set; } = [];
    public Workshop? Workshop { get; private set; }
    /// <summary>Calls for sessions only: the workshop the session is for, and the name of its track.</summary>
    public Workshop? SessionWorkshop { get; private set; }
    public string? TrackName { get; private set; }
    public bool Late => View.Call.ClosesAt <= clock.GetUtcNow();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostSubmitAsync(Guid id, string? accessCode, CancellationToken ct)
    {
        var view = await access.ForAsync(id, User, ct, track: true);
        if (view is null || !view.IsProposer) return NotFound();
        var result = await proposals.SubmitAsync(view.Proposal, view.Call, view.UserId!, accessCode, ct);
        if (result.Error is not null) return await RefusedAsync(id, result.Error, ct);
        TempData[Flash.Key] = Tr.T("Your proposal is submitted. We emailed you a receipt.");
        return Redirect($"/proposals/{id}");
    }

    public async Task<IActionResult> OnPostWithdrawAsync(Guid id, CancellationToken ct)
    {
        var view = await access.ForAsync(id, User, ct, track: true);
        if (view is null || !view.IsProposer) return NotFound();
        var result = await proposals.WithdrawAsync(view.Proposal, view.UserId!, ct);
        if (result.Error is not null) return await RefusedAsync(id, result.Error, ct);
        TempData[Flash.Key] = Tr.T("Your proposal is withdrawn.");
        return Redirect($"/proposals/{id}");
    }

    public async Task<IActionResult> OnPostConfirmAsync(Guid id, CancellationToken ct)
    {
        var view = await access.ForAsync(id, User, ct, track: true);
        if (view is null || !view.IsProposer) return NotFound();
        var result = await proposals.ConfirmAsync(view.Proposal, view.UserId!, ct);
        if (result.Error is not null) return await RefusedAsync(id, result.Error, ct);
        TempData[Flash.Key] = Tr.T("Thank you: your session is confirmed. The organisers will place it on the agenda.");
        return Redirect($"/proposals/{id}");
    }

    public async Task<IActionResult> OnPostStageAsync(Guid id, StagedDecision? decision, CancellationToken ct)
    {
        var view = await access.ForAsync(id, User, ct);
        if (view is null) return NotFound();
        if (!view.IsOrganiser || view.IsProposer) return Forbid();
        if (decision is null) return BadRequest(Tr.T("Choose accept, reject or pending."));
        var result = await desk.StageAsync(id, decision.Value, ct);
        if (result.Error is not null) return await RefusedAsync(id, result.Error, ct);
        TempData[Flash.Key] = decision switch
        {
            StagedDecision.Pending => Tr.T("The proposal is pending again."),
            StagedDecision.Accept => Tr.T("Staged: accept. It takes effect when you release the decisions of the call."),
            _ => Tr.T("Staged: reject. It takes effect when you release the decisions of the call."),
        };
        return Redirect($"/proposals/{id}");
    }

    public async Task<IActionResult> OnPostAssignAsync(Guid id, List<string> reviewerIds, CancellationToken ct)
    {
        var view = await access.ForAsync(id, User, ct);
        if (view is null) return NotFound();
        if (!view.IsOrganiser || view.IsProposer) return Forbid();
        var allowed = (await users.GetUsersInRoleAsync(Roles.Reviewer)).Where(u => u.Id != view.Proposal.ProposerId).Select(u => u.Id).ToList();
        await desk.AssignAsync(id, reviewerIds, allowed, ct);
        TempData[Flash.Key] = Tr.T("The reviewers of this proposal are saved.");
        return Redirect($"/proposals/{id}");
    }

    private async Task<IActionResult> RefusedAsync(Guid id, string error, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        if (!await LoadAsync(id, ct)) return NotFound();
        ModelState.AddModelError("", error);
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var view = await access.ForAsync(id, User, ct);
        if (view is null) return false;
        View = view;
        var p = view.Proposal;
        ProposerName = (await history.NamesAsync([p.ProposerId], ct)).GetValueOrDefault(p.ProposerId, Tr.T("a removed account"));
        History = await history.ForAsync(id, ct);
        if (view.SeesReviews)
        {
            Reviews = await history.ReviewsAsync(id, ct);
            Score = ReviewScore.From(Reviews.Select(r => r.Review), view.Call.Criteria);
        }
        if (view.IsOrganiser && view.Call.Reviewers == ReviewerPool.Assigned)
        {
            var assigned = await db.ReviewerAssignments.Where(a => a.ProposalId == id).Select(a => a.ReviewerId).ToListAsync(ct);
            Reviewers = (await users.GetUsersInRoleAsync(Roles.Reviewer))
                .Where(u => u.Id != p.ProposerId)
                .OrderBy(u => u.DisplayName)
                .Select(u => new ReviewerChoice(u.Id, u.DisplayName, assigned.Contains(u.Id))).ToList();
        }
        if (p.WorkshopId is { } workshopId) Workshop = await db.Workshops.AsNoTracking().FirstOrDefaultAsync(w => w.Id == workshopId, ct);
        if (view.Call.WorkshopId is { } sessionsFor)
        {
            SessionWorkshop = await db.Workshops.AsNoTracking().FirstOrDefaultAsync(w => w.Id == sessionsFor, ct);
            TrackName = SessionWorkshop?.Tracks.FirstOrDefault(t => t.Id == p.Session?.TrackId)?.Name;
        }
        return true;
    }
}
