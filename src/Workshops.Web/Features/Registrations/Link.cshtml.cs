using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Workshops.Core.Domain.Registrations;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Features.Registrations;

/// <summary>The participant's page through the private link in their emails: no sign-in needed to see or cancel it.</summary>
[AllowAnonymous]
public sealed class LinkModel(RegistrationAccess access, RegistrationDesk desk, RegistrationLinks links) : PageModel
{
    public RegistrationView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct) =>
        await LoadAsync(token, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostCancelAsync(string token, bool confirmed, CancellationToken ct)
    {
        if (!await LoadAsync(token, ct)) return NotFound();
        if (!confirmed)
        {
            View = View with { ConfirmingCancel = true };
            return Page();
        }
        var result = await desk.MoveAsync(View.Registration.Id, RegistrationStatus.Cancelled, View.Registration.UserId, ct);
        if (result.Error is not null)
        {
            await LoadAsync(token, ct);
            ModelState.AddModelError("", result.Error);
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
        TempData[Flash.Key] = Tr.T("Your registration is cancelled. We emailed you a confirmation.");
        return Redirect($"/registrations/link/{token}");
    }

    private async Task<bool> LoadAsync(string token, CancellationToken ct)
    {
        Response.Headers["Referrer-Policy"] = "no-referrer"; // the address is the key: keep it out of other sites' logs
        if (links.Read(token) is not { } id) return false;
        var view = await access.ForAsync(id, User, ct, viaLink: true);
        if (view is null) return false;
        View = view;
        return true;
    }
}
