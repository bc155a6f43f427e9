using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Workshops.Core.Data;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Features.Proposals;

[Authorize]
public sealed class EditModel(AppDbContext db, ProposalAccess access, ProposalDesk proposals, TimeProvider clock) : PageModel
{
    [BindProperty] public ProposalForm Input { get; set; } = new();
    public ProposalView View { get; private set; } = null!;
    public bool Late => View.Call.ClosesAt <= clock.GetUtcNow();
    public IReadOnlyDictionary<Guid, string> TrackNames { get; private set; } = new Dictionary<Guid, string>();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var view = await access.ForAsync(id, User, ct);
        if (view is null || !view.IsProposer) return NotFound();
        View = view;
        if (!view.MayEdit)
        {
            TempData[Flash.Key] = Tr.T("A {0} proposal can no longer be changed.", Organise.StatusWords.Lower(view.Proposal.Status));
            return Redirect($"/proposals/{id}");
        }
        Input = ProposalForm.From(view.Proposal).WithSpareRows();
        TrackNames = await SessionTracks.NamesAsync(db, view.Call, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, bool submit, CancellationToken ct)
    {
        var view = await access.ForAsync(id, User, ct, track: true);
        if (view is null || !view.IsProposer) return NotFound();
        View = view;
        if (ModelState.IsValid)
        {
            var wasDraft = view.Proposal.Status == Core.Domain.Proposals.ProposalStatus.Draft;
            var result = await proposals.SaveAsync(view.Proposal, view.Call, view.UserId!, Input, submit, ct);
            if (result.Error is null)
            {
                TempData[Flash.Key] = submit && wasDraft ? Tr.T("Your proposal is submitted. We emailed you a receipt.") : Tr.T("Your changes are saved.");
                return Redirect($"/proposals/{id}");
            }
            result.ShowIn(ModelState, ProposalForm.Key);
            // A refused edit (the deadline, say) is refused with 409 when the rule, not the form, said no.
            if (result.Field is null) Response.StatusCode = StatusCodes.Status409Conflict;
        }
        TrackNames = await SessionTracks.NamesAsync(db, view.Call, ct);
        return Page();
    }
}
