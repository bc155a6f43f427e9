using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Domain.Accounts;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Features.Proposals;

[Authorize(Roles = Roles.Reviewer)]
public sealed class ReviewModel(ProposalAccess access, ReviewDesk reviews, ProposalHistory history, Core.Data.AppDbContext db) : PageModel
{
    /// <summary>The proposal, shown beside the scores so reviewers read and score in one place.</summary>
    public ProposalBody Body { get; private set; } = null!;

    [BindProperty] public Dictionary<Guid, int> Scores { get; set; } = [];
    [BindProperty] public string? Comment { get; set; }
    public ProposalView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var view = await access.ForAsync(id, User, ct);
        if (view is null) return NotFound();
        if (!view.MayReview) return Forbid();
        View = view;
        await LoadBodyAsync(view, ct);
        Scores = view.MyReview?.Scores.ToDictionary(s => s.CriterionId, s => s.Score) ?? [];
        Comment = view.MyReview?.Comment;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var view = await access.ForAsync(id, User, ct, track: true);
        if (view is null) return NotFound();
        if (!view.MayReview) return Forbid();
        View = view;
        await LoadBodyAsync(view, ct);
        if (ModelState.IsValid)
        {
            var result = await reviews.SaveAsync(view, Scores, Comment, ct);
            if (result.Error is null)
            {
                TempData[Flash.Key] = Tr.T("Your review is saved. You now see the other reviewers' scores.");
                return Redirect($"/proposals/{id}");
            }
            ModelState.AddModelError(ScoreFields.Key(result.Field), result.Error);
        }
        return Page();
    }

    private async Task LoadBodyAsync(ProposalView view, CancellationToken ct)
    {
        var p = view.Proposal;
        var proposer = (await history.NamesAsync([p.ProposerId], ct)).GetValueOrDefault(p.ProposerId, Tr.T("a removed account"));
        var workshop = view.Call.WorkshopId is { } id
            ? await db.Workshops.AsNoTracking().FirstOrDefaultAsync(w => w.Id == id, ct)
            : null;
        Body = new ProposalBody(view, proposer, workshop?.Title, workshop?.Tracks.FirstOrDefault(t => t.Id == p.Session?.TrackId)?.Name);
    }
}
