using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Domain.Accounts;
using Workshops.Core.Data;
using Workshops.Core.Email;

namespace Workshops.Web.Features.Account;

/// <summary>Queues the account emails through the outbox; links are built by the page that asks.</summary>
public sealed class AccountEmails(AppDbContext db, UserManager<AppUser> users, Outbox outbox, TimeProvider clock)
{
    public const string ConfirmKind = "account.confirm";
    public const string ResetKind = "account.reset";
    public const string ExistsKind = "account.exists";
    public const string ChangeEmailKind = Core.Privacy.Erasure.UnconfirmedAddressKind;
    public const string EmailChangedKind = "account.email-changed";
    public const string DeleteKind = "account.delete";

    /// <summary>The purpose of the token in the deletion link: it opens nothing else.</summary>
    public const string DeletePurpose = "DeleteAccount";

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

    /// <summary>Someone signed up with this account's address: its owner hears of it, the stranger sees the usual "check your email".</summary>
    public Task<bool> QueueExistsAsync(AppUser user, string signInLink, string resetLink, CancellationToken ct) =>
        QueueAsync(user, ExistsKind, new AccountExistsEmail(user.DisplayName, signInLink, resetLink), ct);

    public async Task<bool> QueueEmailChangeAsync(AppUser user, string newEmail, Func<string, string, string> link, CancellationToken ct)
    {
        var code = Encode(await users.GenerateChangeEmailTokenAsync(user, newEmail));
        return await QueueAsync(user, ChangeEmailKind, new ConfirmEmailChangeEmail(user.DisplayName, newEmail, link(user.Id, code)), ct, to: newEmail);
    }

    public Task<bool> QueueEmailChangedAsync(AppUser user, string oldEmail, CancellationToken ct) =>
        QueueAsync(user, EmailChangedKind, new EmailChangedEmail(user.DisplayName, user.Email!), ct, to: oldEmail);

    public async Task<bool> QueueDeletionAsync(AppUser user, Func<string, string, string> link, CancellationToken ct)
    {
        var code = Encode(await users.GenerateUserTokenAsync(user, TokenOptions.DefaultProvider, DeletePurpose));
        return await QueueAsync(user, DeleteKind, new DeleteAccountEmail(user.DisplayName, link(user.Id, code)), ct);
    }

    public static string Encode(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

    public static string? Decode(string? code)
    {
        if (string.IsNullOrEmpty(code)) return null;
        try { return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code)); }
        catch (FormatException) { return null; }
    }

    private async Task<bool> QueueAsync(AppUser user, string kind, IEmailModel email, CancellationToken ct, string? to = null)
    {
        to ??= user.Email!;
        var since = clock.GetUtcNow() - MinimumGap;
        var recent = await db.OutboxMessages.AnyAsync(m => m.Kind == kind && m.To == to && m.CreatedAt > since, ct);
        if (recent) return false;
        // Each request is its own message; the reference keeps a retried request from mailing twice.
        // In the account's language: a password reset asked for from a borrowed browser still comes in the owner's.
        OutboxMessage message;
        using (Tr.Use(user.Language)) message = outbox.Queue(kind, $"{user.Id}:{clock.GetUtcNow().ToUnixTimeSeconds()}", to, user.DisplayName, email);
        await db.SaveChangesAsync(ct);
        outbox.Kick(message);
        return true;
    }
}
