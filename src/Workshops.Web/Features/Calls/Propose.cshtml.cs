using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;
using Workshops.Core.Domain.Proposals;
using Workshops.Web.Features.Proposals;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Features.Calls;

[Authorize]
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Workshops.Core.Security.RateLimitOptions.Propose)]
public sealed class ProposeModel(AppDbContext db, ProposalDesk proposals, TimeProvider clock) : PageModel
{
    [BindProperty] public ProposalForm Input { get; set; } = new();
    public Call Call { get; private set; } = null!;
    public bool Late => Call.ClosesAt <= clock.GetUtcNow();
    public IReadOnlyDictionary<Guid, string> TrackNames { get; private set; } = new Dictionary<Guid, string>();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Input = ProposalForm.For(Call).WithSpareRows();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, bool submit, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (ModelState.IsValid)
        {
            var result = await proposals.StartAsync(Call, User.Id()!, Input, submit, ct);
            if (result.Error is null)
            {
                TempData[Flash.Key] = submit ? Tr.T("Your proposal is submitted. We emailed you a receipt.") : Tr.T("Your draft is saved. Only you can see it.");
                return Redirect($"/proposals/{result.Id}");
            }
            if (result.Id is { } saved)
            {
                // Saved as a draft, but not submitted: show why on the edit page, where the rest of the work happens.
                // Every gap at once, so one more visit to the form is enough.
                TempData[Flash.Key] = Tr.T("Your draft is saved, but it is not submitted yet. {0}",
                    string.Join(" ", result.Problems.Count > 0 ? result.Problems.Select(p => p.Message) : [result.Error!]));
                return Redirect($"/proposals/{saved}/edit");
            }
            result.ShowIn(ModelState, ProposalForm.Key);
        }
        Input.WithSpareRows(0);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var call = await PublicCalls.Of(db).AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (call is null) return false;
        Call = call;
        TrackNames = await SessionTracks.NamesAsync(db, call, ct);
        return true;
    }
}
