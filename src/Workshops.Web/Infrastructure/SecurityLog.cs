using Microsoft.Extensions.DependencyInjection;
using Workshops.Core.Domain.Accounts;
using Workshops.Core.Data;

namespace Workshops.Web.Infrastructure;

/// <summary>
/// Writes the security log through a context of its own, so that recording never saves (or is lost with) the
/// caller's half-done work.
/// </summary>
public sealed class SecurityLog(IServiceScopeFactory scopes, IHttpContextAccessor http, TimeProvider clock)
{
    public async Task RecordAsync(SecurityEventKind kind, string? userId, string? email, string? actorId = null, string? detail = null, bool withAddress = true)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.SecurityEvents.Add(new SecurityEvent
        {
            At = clock.GetUtcNow(),
            Kind = kind,
            UserId = userId,
            Email = Cut(email, 256),
            ActorId = actorId,
            IpAddress = withAddress && http.HttpContext is { } context ? RateLimiting.ClientAddress(context) : null,
            Detail = Cut(detail, 300),
        });
        await db.SaveChangesAsync();
    }

    public Task RecordAsync(SecurityEventKind kind, AppUser user, string? actorId = null, string? detail = null) =>
        RecordAsync(kind, user.Id, user.Email, actorId, detail);

    private static string? Cut(string? text, int max) => text is null || text.Length <= max ? text : text[..max];
}
