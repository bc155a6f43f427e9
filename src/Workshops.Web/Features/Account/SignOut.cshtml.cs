using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Workshops.Core.Accounts;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Features.Account;

public sealed class SignOutModel(SignInManager<AppUser> signIn) : PageModel
{
    public IActionResult OnGet() => Page();

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        TempData[Flash.Key] = "You are signed out.";
        return Redirect("/");
    }
}
