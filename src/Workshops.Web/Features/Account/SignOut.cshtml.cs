using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Workshops.Core.Domain.Accounts;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Features.Account;

public sealed class SignOutModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, SecurityLog log) : PageModel
{
    public IActionResult OnGet() => Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var userId = users.GetUserId(User);
        // Deletes this browser's session on the server too (SessionStore): a copy of the cookie opens nothing afterwards.
        await signIn.SignOutAsync();
        if (userId is not null) await log.RecordAsync(SecurityEventKind.SignedOut, userId, null);
        TempData[Flash.Key] = Tr.T("You are signed out.");
        return Redirect("/");
    }
}
