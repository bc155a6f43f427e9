using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Workshops.Core.Domain.Registrations;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Features.Registrations;

/// <summary>The participant changes their answers while registration is open.</summary>
[Authorize]
public sealed class EditModel(RegistrationAccess access, RegistrationDesk desk, RegistrationConsents consents) : PageModel
{
    [BindProperty] public RegistrationForm Input { get; set; } = new();
    public RegistrationView View { get; private set; } = null!;
    public bool TrackLocked => RegistrationStatuses.HoldsSeat(View.Registration.Status);
    public string? Controller { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var view = await access.ForAsync(id, User, ct);
        if (view is null || !view.IsParticipant) return NotFound();
        View = view;
        Controller = await consents.ControllerAsync(view.Setup, ct);
        if (!view.MayEdit)
        {
            TempData[Flash.Key] = Tr.T("This registration can no longer be changed: registration has closed, or it is {0}.", view.Registration.Status.Label());
            return Redirect($"/registrations/{id}");
        }
        Input = RegistrationForm.From(view.Registration);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var view = await access.ForAsync(id, User, ct, track: true);
        if (view is null || !view.IsParticipant) return NotFound();
        View = view;
        Controller = await consents.ControllerAsync(view.Setup, ct);
        // The address stays the one the registration was made with (the account's): see RegisterModel.
        Input.Email = view.Registration.Email;
        ModelState.Remove($"{nameof(Input)}.{nameof(Input.Email)}");
        if (!ModelState.IsValid) return Page();
        var result = await desk.EditAsync(view.Registration, view.Workshop, view.Setup, Input, ct);
        if (result.Error is null)
        {
            TempData[Flash.Key] = Tr.T("Your changes are saved.");
            return Redirect($"/registrations/{id}");
        }
        result.ShowIn(ModelState, RegistrationForm.Key);
        if (result.Field is null) Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }
}
