using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Workshops.Web.Features.Account;

/// <summary>Shows new recovery codes once, straight after they are made; they are stored only hashed.</summary>
[Authorize]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class RecoveryCodesModel : PageModel
{
    public const string CodesKey = "workshops.recovery-codes";

    public IReadOnlyList<string> Codes { get; private set; } = [];

    public IActionResult OnGet()
    {
        if (TempData[CodesKey] is not string codes) return RedirectToPage("TwoFactor");
        Codes = codes.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return Page();
    }
}
