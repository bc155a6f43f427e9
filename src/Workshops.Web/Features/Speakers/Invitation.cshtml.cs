using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;
using Workshops.Core.Domain.Common;
using Workshops.Core.Domain.Proposals;
using Workshops.Core.Domain.Workshops;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Features.Speakers;

/// <summary>
/// A co-speaker answers their invitation through the private link in their email. The link is the key: no account is
/// needed, and a signed-in account is remembered as the one that answered.
/// </summary>
[AllowAnonymous]
public sealed class InvitationModel(AppDbContext db, Proposals.ProposalDesk proposals) : PageModel
{
    public Proposal Proposal { get; private set; } = null!;
    public CoSpeaker Speaker { get; private set; } = null!;
    public Call Call { get; private set; } = null!;
    public Workshop? Workshop { get; private set; }
    public string ProposerName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct) =>
        await LoadAsync(token, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string token, bool confirm, CancellationToken ct)
    {
        if (!await LoadAsync(token, ct)) return NotFound();
        var result = await proposals.AnswerInvitationAsync(Proposal, token, confirm, User.Id(), ct);
        if (result.Error is { } error)
        {
            // Shown again from what is stored, so the next answer is given to the session as it now is.
            db.ChangeTracker.Clear();
            if (!await LoadAsync(token, ct)) return NotFound();
            ModelState.AddModelError("", error);
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
        TempData[Flash.Key] = confirm
            ? Tr.T("Thank you: you are confirmed as a co-speaker. Everyone who can read the proposal sees your answer.")
            : Tr.T("Your answer is saved: you will not present this session. You can change your mind from this page.");
        return Redirect($"/speakers/invitation/{token}");
    }

    private async Task<bool> LoadAsync(string token, CancellationToken ct)
    {
        Response.Headers["Referrer-Policy"] = "no-referrer"; // the address is the key: keep it out of other sites' logs
        if (string.IsNullOrEmpty(token) || token.Length > 100) return false;
        var hash = CoSpeaker.Hash(token);
        var proposal = await db.Proposals.FirstOrDefaultAsync(p => p.CoSpeakers.Any(c => c.TokenHash == hash && c.Status != CoSpeakerStatus.Removed), ct);
        if (proposal is null) return false;
        Proposal = proposal;
        Speaker = proposal.CoSpeakers.Single(c => c.TokenHash == hash);
        Call = await db.Calls.AsNoTracking().FirstAsync(c => c.Id == proposal.CallId, ct);
        if (Call.WorkshopId is { } workshopId) Workshop = await db.Workshops.AsNoTracking().FirstOrDefaultAsync(w => w.Id == workshopId, ct);
        ProposerName = await db.Users.Where(u => u.Id == proposal.ProposerId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) ?? Tr.T("a removed account");
        return true;
    }
}
