using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Workshops.Core.Domain.Accounts;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Features.Admin;

public sealed class UsersModel(UserDesk admin) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    public IReadOnlyList<UserRow> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Rows = await admin.SearchAsync(Q, ct);

    public async Task<IActionResult> OnPostRolesAsync(string userId, List<string> roles, CancellationToken ct)
    {
        var result = await admin.SetRolesAsync(userId, roles, User.Id()!);
        return await Done(result, Tr.T("Roles saved."), ct);
    }

    public async Task<IActionResult> OnPostDisableAsync(string userId, bool disabled, CancellationToken ct)
    {
        var result = await admin.SetDisabledAsync(userId, disabled, User.Id()!);
        return await Done(result, disabled ? Tr.T("The account is disabled and signed out everywhere.") : Tr.T("The account is enabled again."), ct);
    }

    public async Task<IActionResult> OnPostResetTwoFactorAsync(string userId, CancellationToken ct)
    {
        var result = await admin.ResetTwoFactorAsync(userId, User.Id()!);
        return await Done(result, Tr.T("Two-factor sign-in is reset: the person signs in with their password and sets it up again."), ct);
    }

    private async Task<IActionResult> Done(EditResult result, string success, CancellationToken ct)
    {
        if (result.Error is not { } error)
        {
            TempData[Flash.Key] = success;
            return RedirectToPage(new { Q });
        }
        ModelState.AddModelError("", error);
        Rows = await admin.SearchAsync(Q, ct);
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }

    /// <summary>A role as the list of roles names it; the form's value stays the role's code name.</summary>
    public static string RoleName(string role) => role switch
    {
        Roles.Admin => Tr.T("Admin"),
        Roles.Organiser => Tr.T("Organiser"),
        Roles.Reviewer => Tr.T("Reviewer"),
        Roles.Member => Tr.T("Member"),
        _ => role,
    };
}
