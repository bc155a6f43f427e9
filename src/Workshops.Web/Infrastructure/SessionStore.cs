using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Workshops.Core.Domain.Accounts;
using Workshops.Core.Data;
using Workshops.Core.Security;

namespace Workshops.Web.Infrastructure;

/// <summary>
/// Sessions live in the database and the cookie carries only a random key to one. Signing out deletes the row,
/// so a cookie copied before sign-out opens nothing any more, on any instance; "sign out everywhere" and an admin
/// disabling an account delete all of a person's rows. A session also ends Security:SessionAbsoluteDays after its
/// password sign-in, however often it is renewed.
/// </summary>
public sealed class SessionStore(IServiceScopeFactory scopes, IHttpContextAccessor http, TimeProvider clock, IOptions<SecurityOptions> options) : ITicketStore
{
    /// <summary>Carried in the ticket's properties from the password sign-in through every renewal and refresh.</summary>
    public const string SignedInAtItem = "workshops.signed-in-at";

    public Task<string> StoreAsync(AuthenticationTicket ticket) => StoreAsync(ticket, CancellationToken.None);

    public async Task<string> StoreAsync(AuthenticationTicket ticket, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var signedInAt = SignedInAt(ticket) ?? now;
        ticket.Properties.Items[SignedInAtItem] = signedInAt.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var key = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var context = http.HttpContext;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.UserSessions.Add(new UserSession
        {
            Id = key,
            UserId = ticket.Principal.Id() ?? "",
            SignedInAt = signedInAt,
            LastSeenAt = now,
            ExpiresAt = ticket.Properties.ExpiresUtc ?? now.AddDays(options.Value.SessionSlidingDays),
            Ticket = TicketSerializer.Default.Serialize(ticket),
            IpAddress = context is null ? null : RateLimiting.ClientAddress(context),
            UserAgent = context?.Request.Headers.UserAgent.ToString() is { Length: > 0 } agent ? agent[..Math.Min(agent.Length, 300)] : null,
        });
        await db.SaveChangesAsync(ct);
        if (context is not null) context.Items[KeyItem] = key;
        return key;
    }

    public Task RenewAsync(string key, AuthenticationTicket ticket) => RenewAsync(key, ticket, CancellationToken.None);

    public async Task RenewAsync(string key, AuthenticationTicket ticket, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var bytes = TicketSerializer.Default.Serialize(ticket);
        var expires = ticket.Properties.ExpiresUtc ?? now.AddDays(options.Value.SessionSlidingDays);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.UserSessions.Where(s => s.Id == key).ExecuteUpdateAsync(u => u
            .SetProperty(s => s.Ticket, bytes).SetProperty(s => s.ExpiresAt, expires).SetProperty(s => s.LastSeenAt, now), ct);
    }

    public Task<AuthenticationTicket?> RetrieveAsync(string key) => RetrieveAsync(key, CancellationToken.None);

    public async Task<AuthenticationTicket?> RetrieveAsync(string key, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var session = await db.UserSessions.AsNoTracking().Where(s => s.Id == key)
            .Select(s => new { s.Ticket, s.ExpiresAt, s.SignedInAt }).FirstOrDefaultAsync(ct);
        var now = clock.GetUtcNow();
        if (session is null || session.ExpiresAt <= now || session.SignedInAt.AddDays(options.Value.SessionAbsoluteDays) <= now) return null;
        if (http.HttpContext is { } context) context.Items[KeyItem] = key;
        return TicketSerializer.Default.Deserialize(session.Ticket);
    }

    public Task RemoveAsync(string key) => RemoveAsync(key, CancellationToken.None);

    public async Task RemoveAsync(string key, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.UserSessions.Where(s => s.Id == key).ExecuteDeleteAsync(ct);
    }

    /// <summary>The session this request came with, to tell "this browser" among a person's sessions.</summary>
    public static string? CurrentKey(HttpContext context) => context.Items[KeyItem] as string;

    private const string KeyItem = "workshops.session-key";

    private static DateTimeOffset? SignedInAt(AuthenticationTicket ticket) =>
        ticket.Properties.Items.TryGetValue(SignedInAtItem, out var ticks) && long.TryParse(ticks, out var t)
            ? new DateTimeOffset(t, TimeSpan.Zero) : null;
}
