using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Features.Registrations;

[Authorize]
public sealed class DetailsModel(RegistrationAccess access, RegistrationDesk desk) : PageModel
{
    public RegistrationView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var view = await access.ForAsync(id, User, ct);
        if (view is null) return NotFound();
        View = view;
        return Page();
    }

    public async Task<IActionResult> OnPostCancelAsync(Guid id, bool confirmed, CancellationToken ct)
    {
        var view = await access.ForAsync(id, User, ct);
        if (view is null || !view.IsParticipant) return NotFound();
        if (!confirmed)
        {
            View = view with { ConfirmingCancel = true };
            return Page();
        }
        var result = await desk.MoveAsync(id, Core.Domain.Registrations.RegistrationStatus.Cancelled, view.Registration.UserId, ct);
        if (result.Error is not null)
        {
            View = (await access.ForAsync(id, User, ct))!;
            ModelState.AddModelError("", result.Error);
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
        TempData[Flash.Key] = Tr.T("Your registration is cancelled. We emailed you a confirmation.");
        return Redirect($"/registrations/{id}");
    }
}
