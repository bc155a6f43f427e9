using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Workshops.Web.Features.Account;

public sealed class DeletedModel : PageModel
{
    public void OnGet()
    {
    }
}
