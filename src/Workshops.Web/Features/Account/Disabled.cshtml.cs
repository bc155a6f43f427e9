using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Workshops.Web.Features.Account;

/// <summary>Where a person lands when an admin disables their account while they are signed in.</summary>
public sealed class DisabledModel : PageModel
{
    public static string Message => Tr.T("An administrator has disabled this account, so it cannot sign in. If you think this is a mistake, write to the organisers.");

    public void OnGet() => Response.StatusCode = StatusCodes.Status403Forbidden;
}
