using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Workshops.Core.Domain.Accounts;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Features.Travel;

/// <summary>A reviewer reads a travel support application and scores it; others' scores show once they have scored.</summary>
[Authorize(Roles = Roles.Reviewer)]
public sealed class ReviewModel(TravelReviewAccess access, TravelReviewDesk desk) : PageModel
{
    [BindProperty] public Dictionary<Guid, int> Scores { get; set; } = [];
    [BindProperty] public string? Comment { get; set; }
    public TravelReviewView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var view = await access.ForAsync(id, User, ct);
        if (view is null) return NotFound();
        View = view;
        if (!view.Eligibility.May) Response.StatusCode = StatusCodes.Status403Forbidden;
        Scores = view.Mine?.Scores.ToDictionary(s => s.CriterionId, s => s.Score) ?? [];
        Comment = view.Mine?.Comment;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var view = await access.ForAsync(id, User, ct, track: true);
        if (view is null) return NotFound();
        View = view;
        if (!view.Eligibility.May)
        {
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }
        if (ModelState.IsValid)
        {
            var result = await desk.SaveAsync(view, User.Id()!, Scores, Comment, ct);
            if (result.Succeeded)
            {
                TempData[Flash.Key] = Tr.T("Your review is saved. You now see the other reviewers' scores.");
                return Redirect($"/review/travel/{id}");
            }
            ModelState.AddModelError(ScoreFields.Key(result.Field), result.Error!);
            Response.StatusCode = result.RefusedStatus;
        }
        else Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }
}
