using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Workshops.Core.Domain.Announcements;

namespace Workshops.Web.Features.Account;

/// <summary>
/// The link at the foot of every bulk email. Opening it asks; the button (or a mail client's one-click POST, RFC 8058)
/// unsubscribes. The signed address in the link is the permission, so no sign-in and no antiforgery token: a mail
/// client's POST has none, and a forged request could do no more than the link itself.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class UnsubscribeModel(UnsubscribeLinks links, Subscriptions subscriptions) : PageModel
{
    public string? Email { get; private set; }
    public bool Done { get; private set; }

    public IActionResult OnGet(string token)
    {
        Email = links.Read(token);
        return Email is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken ct)
    {
        Email = links.Read(token);
        if (Email is null) return NotFound();
        await subscriptions.UnsubscribeAsync(Email, ct);
        Done = true;
        return Page();
    }
}
