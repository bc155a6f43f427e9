using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Accounts;
using Workshops.Core.Data;
using Workshops.Core.Email;

namespace Workshops.Web.Features.Account;

/// <summary>Queues the account emails through the outbox; links are built by the page that asks.</summary>
public sealed class AccountEmails(AppDbContext db, UserManager<AppUser> users, Outbox outbox, TimeProvider clock)
{
    public const string ConfirmKind = "account.confirm";
    public const string ResetKind = "account.reset";

    /// <summary>One email of a kind per account every two minutes, so nobody can flood an inbox through our forms.</summary>
    public static readonly TimeSpan MinimumGap = TimeSpan.FromMinutes(2);

    public async Task<bool> QueueConfirmationAsync(AppUser user, Func<string, string, string> link, CancellationToken ct)
    {
        var code = Encode(await users.GenerateEmailConfirmationTokenAsync(user));
        return await QueueAsync(user, ConfirmKind, new ConfirmAccountEmail(user.DisplayName, link(user.Id, code)), ct);
    }

    public async Task<bool> QueueResetAsync(AppUser user, Func<string, string, string> link, CancellationToken ct)
    {
        var code = Encode(await users.GeneratePasswordResetTokenAsync(user));
        return await QueueAsync(user, ResetKind, new ResetPasswordEmail(user.DisplayName, link(user.Id, code)), ct);
    }

    public static string Encode(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

    public static string? Decode(string? code)
    {
        if (string.IsNullOrEmpty(code)) return null;
        try { return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code)); }
        catch (FormatException) { return null; }
    }

    private async Task<bool> QueueAsync(AppUser user, string kind, IEmailModel email, CancellationToken ct)
    {
        var since = clock.GetUtcNow() - MinimumGap;
        var recent = await db.OutboxMessages.AnyAsync(m => m.Kind == kind && m.To == user.Email && m.CreatedAt > since, ct);
        if (recent) return false;
        // Each request is its own message; the reference keeps a retried request from mailing twice.
        var message = outbox.Queue(kind, $"{user.Id}:{clock.GetUtcNow().ToUnixTimeSeconds()}", user.Email!, user.DisplayName, email);
        await db.SaveChangesAsync(ct);
        outbox.Kick(message);
        return true;
    }
}
