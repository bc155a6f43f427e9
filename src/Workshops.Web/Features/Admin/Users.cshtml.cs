using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Features.Admin;

public sealed class UsersModel(UserAdmin admin) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    public IReadOnlyList<UserRow> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Rows = await admin.SearchAsync(Q, ct);

    public async Task<IActionResult> OnPostRolesAsync(string userId, List<string> roles, CancellationToken ct)
    {
        var error = await admin.SetRolesAsync(userId, roles, User.FindFirstValue(ClaimTypes.NameIdentifier)!);
        return await Done(error, "Roles saved.", ct);
    }

    public async Task<IActionResult> OnPostLockAsync(string userId, bool locked, CancellationToken ct)
    {
        var error = await admin.SetLockedAsync(userId, locked, User.FindFirstValue(ClaimTypes.NameIdentifier)!);
        return await Done(error, locked ? "The account is locked." : "The account is unlocked.", ct);
    }

    private async Task<IActionResult> Done(string? error, string success, CancellationToken ct)
    {
        if (error is null)
        {
            TempData[Flash.Key] = success;
            return RedirectToPage(new { Q });
        }
        ModelState.AddModelError("", error);
        Rows = await admin.SearchAsync(Q, ct);
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }
}
