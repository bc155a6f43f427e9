using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;
using Workshops.Core.Domain.Accounts;
using Workshops.Core.Domain.Common;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Features.Account;

/// <summary>What a person asks for in a new token.</summary>
public sealed record ApiTokenRequest(string? Name, IReadOnlyCollection<string> Scopes, IReadOnlyCollection<Guid> WorkshopIds, DateOnly? ExpiresOn);

/// <summary>Making and revoking a person's API tokens, each written in the security log.</summary>
public sealed class ApiTokenDesk(AppDbContext db, UserManager<AppUser> users, SecurityLog log, TimeProvider clock)
{
    /// <summary>The new token's secret (to show once), or the refusal.</summary>
    public async Task<EditResult<string>> CreateAsync(string userId, ApiTokenRequest request, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null) return EditResult<string>.Fail(null, Tr.T("This account no longer exists."));
        var roles = (await users.GetRolesAsync(user)).ToList();
        var known = await db.Workshops.Where(w => request.WorkshopIds.Contains(w.Id)).Select(w => w.Id).ToListAsync(ct);
        if (known.Count != request.WorkshopIds.Distinct().Count()) return EditResult<string>.Fail("WorkshopIds", Tr.T("One of the workshops chosen does not exist."));
        try
        {
            var (token, secret) = ApiToken.Create(userId, request.Name, request.Scopes, roles, known, request.ExpiresOn, clock.GetUtcNow());
            db.ApiTokens.Add(token);
            await db.SaveChangesAsync(ct);
            await log.RecordAsync(SecurityEventKind.ApiTokenCreated, user, detail: $"{token.Name} ({token.Prefix}…): {string.Join(", ", token.Scopes)}");
            return EditResult<string>.Ok(secret, token.Id);
        }
        catch (DomainException e)
        {
            return EditResult<string>.Refused(e);
        }
    }

    public async Task<EditResult> RevokeAsync(string userId, Guid tokenId, CancellationToken ct)
    {
        var token = await db.ApiTokens.FirstOrDefaultAsync(t => t.Id == tokenId && t.UserId == userId, ct);
        if (token is null) return EditResult.Fail(null, Tr.T("This token no longer exists."));
        token.Revoke(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        if (await users.FindByIdAsync(userId) is { } user)
            await log.RecordAsync(SecurityEventKind.ApiTokenRevoked, user, detail: $"{token.Name} ({token.Prefix}…)");
        return EditResult.Ok(token.Id);
    }
}
