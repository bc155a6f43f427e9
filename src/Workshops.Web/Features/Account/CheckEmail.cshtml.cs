using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Workshops.Web.Features.Account;

public sealed class CheckEmailModel : PageModel
{
    public string? Email { get; private set; }
    public string Purpose { get; private set; } = "confirm";

    public void OnGet(string? email, string? purpose)
    {
        Email = email;
        Purpose = purpose is "reset" or "delete" ? purpose : "confirm";
    }
}
