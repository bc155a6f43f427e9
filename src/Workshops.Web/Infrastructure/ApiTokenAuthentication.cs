using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Workshops.Core.Data;
using Workshops.Core.Domain.Accounts;

namespace Workshops.Web.Infrastructure;

/// <summary>
/// Personal API tokens sent as <c>Authorization: Bearer wks_…</c>. Only the API's token policies ask this scheme,
/// so a browser's cookie never opens a write endpoint (no cross-site request can borrow it), and a token never opens
/// a page. The account behind the token is read fresh on every request: a disabled account, a locked one or a role
/// taken away stops its tokens at once.
/// </summary>
public sealed class ApiTokenAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    AppDbContext db, UserManager<AppUser> users, IUserClaimsPrincipalFactory<AppUser> principals, TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";
    public const string ScopeClaim = "scope";
    public const string TokenClaim = "workshops:api-token";
    public const string TokenItem = "workshops.api-token";

    public static IServiceCollection Register(IServiceCollection services)
    {
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, ApiTokenAuthentication>(SchemeName, null);
        var policies = services.AddAuthorizationBuilder();
        foreach (var scope in ApiScopes.All)
            policies.AddPolicy(Policy(scope), p => p.AddAuthenticationSchemes(SchemeName).RequireAuthenticatedUser().RequireClaim(ScopeClaim, scope));
        return services;
    }

    public static string Policy(string scope) => "api:" + scope;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header) || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return AuthenticateResult.NoResult();
        var secret = header[7..].Trim();
        // Anything not shaped like a secret (a stored hash, a password) is refused without asking the database.
        if (!ApiToken.LooksLikeSecret(secret)) return AuthenticateResult.Fail("not a token");
        var hash = ApiToken.HashOf(secret);
        var token = await db.ApiTokens.AsNoTracking().FirstOrDefaultAsync(t => t.Hash == hash, Context.RequestAborted);
        var now = clock.GetUtcNow();
        if (token is null || !token.IsActive(now)) return AuthenticateResult.Fail("unknown, expired or revoked token");
        var user = await users.FindByIdAsync(token.UserId);
        if (user is null || user.IsDisabled || await users.IsLockedOutAsync(user)) return AuthenticateResult.Fail("account closed");
        var principal = await principals.CreateAsync(user);
        var roles = principal.FindAll(ClaimTypes.Role).Select(c => c.Value).ToList();
        var identity = new ClaimsIdentity(principal.Claims, SchemeName, ClaimTypes.Name, ClaimTypes.Role);
        foreach (var scope in token.Scopes.Where(s => ApiScopes.Allowed(s, roles))) identity.AddClaim(new Claim(ScopeClaim, scope));
        identity.AddClaim(new Claim(TokenClaim, token.Id.ToString()));
        Context.Items[TokenItem] = token;
        var address = RateLimiting.ClientAddress(Context);
        if (token.UseIsNews(now, address))
            await db.ApiTokens.Where(t => t.Id == token.Id)
                .ExecuteUpdateAsync(u => u.SetProperty(t => t.LastUsedAt, now).SetProperty(t => t.LastUsedAddress, address), Context.RequestAborted);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = Request.Headers.Authorization.Count == 0 ? "Bearer realm=\"workshops\"" : "Bearer realm=\"workshops\", error=\"invalid_token\"";
        return Task.CompletedTask;
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        Response.Headers.WWWAuthenticate = "Bearer realm=\"workshops\", error=\"insufficient_scope\"";
        return Task.CompletedTask;
    }
}

public static class ApiTokenAccess
{
    public static IServiceCollection AddApiTokens(this IServiceCollection services) => ApiTokenAuthentication.Register(services);

    /// <summary>The token a request came with, as it was read (no tracking).</summary>
    public static ApiToken? ApiToken(this HttpContext http) => http.Items.TryGetValue(ApiTokenAuthentication.TokenItem, out var t) ? t as ApiToken : null;
}
