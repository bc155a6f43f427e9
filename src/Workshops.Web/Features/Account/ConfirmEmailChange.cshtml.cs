using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Workshops.Core.Domain.Accounts;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Features.Account;

public sealed class ConfirmEmailChangeModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, AccountEmails emails, SecurityLog log) : PageModel
{
    public bool Changed { get; private set; }
    public string? NewEmail { get; private set; }

    public async Task OnGetAsync(string? userId, string? email, string? code, CancellationToken ct)
    {
        var token = AccountEmails.Decode(code);
        var user = string.IsNullOrEmpty(userId) ? null : await users.FindByIdAsync(userId);
        if (user is null || token is null || string.IsNullOrWhiteSpace(email) || user.IsDisabled)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        NewEmail = email;
        if (string.Equals(user.Email, email, StringComparison.OrdinalIgnoreCase))
        {
            Changed = true;
            return;
        }
        var old = user.Email!;
        var result = await users.ChangeEmailAsync(user, email, token);
        if (result.Succeeded) result = await users.SetUserNameAsync(user, email);
        if (!result.Succeeded)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        Changed = true;
        await log.RecordAsync(Core.Domain.Accounts.SecurityEventKind.EmailChanged, user, detail: $"from {old}");
        await emails.QueueEmailChangedAsync(user, old, ct);
        // The change renewed the account's stamp; the browser that opened the link stays signed in if it was.
        if (signIn.IsSignedIn(User) && users.GetUserId(User) == user.Id) await signIn.RefreshSignInAsync(user);
    }
}
