using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workshops.Core.Domain.Accounts;
using Workshops.IntegrationTests.Support;

namespace Workshops.IntegrationTests.Features.Api;

/// <summary>Personal API tokens: made and revoked on the account page, shown once, kept hashed, limited by scope, workshop, expiry and role.</summary>
public sealed class ApiTokenTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static string Tomorrow(int days = 1) => DateOnly.FromDateTime(DateTime.UtcNow).AddDays(days).ToString("yyyy-MM-dd");

    [Fact]
    public async Task A_member_makes_a_token_sees_it_once_uses_it_and_revokes_it()
    {
        var member = await app.CreateUserAsync(Roles.Member);
        var browser = await app.SignInAsync(member);
        var page = await (await browser.GetAsync("/account/tokens")).BodyAsync();
        Assert.Contains("account:read", page);
        Assert.DoesNotContain("registrations:write", page); // a member's roles allow no organising scope
        Assert.Contains("href=\"/account/tokens\"", await (await browser.GetAsync("/account")).BodyAsync());

        var made = await browser.PostFormAsync("/account/tokens", new() { ["Input.Name"] = "Node website", ["Input.Scopes"] = "account:read", ["Input.ExpiresOn"] = Tomorrow(30) });
        Assert.Equal(HttpStatusCode.Redirect, made.StatusCode);
        var shown = await browser.GetAsync("/account/tokens");
        Assert.True(shown.Headers.CacheControl?.NoStore);
        var html = await shown.BodyAsync();
        var secret = System.Text.RegularExpressions.Regex.Match(html, "value=\"(wks_[A-Za-z0-9_-]{43})\"").Groups[1].Value;
        Assert.NotEmpty(secret);
        Assert.DoesNotContain(secret, await (await browser.GetAsync("/account/tokens")).BodyAsync()); // shown once
        var stored = await app.WithDb(db => db.ApiTokens.AsNoTracking().SingleAsync(t => t.UserId == member.Id));
        Assert.NotEqual(secret, stored.Hash);
        Assert.Equal(secret[..8], stored.Prefix);
        Assert.Null(stored.LastUsedAt);

        var (me, json) = await app.ApiClient(secret).ApiGetAsync("/api/v1/me");
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Equal(member.Email, (string?)json!["email"]);
        Assert.Equal(["account:read"], json["scopes"]!.AsArray().Select(s => (string)s!).ToArray());
        var used = await app.WithDb(db => db.ApiTokens.AsNoTracking().SingleAsync(t => t.Id == stored.Id));
        Assert.NotNull(used.LastUsedAt);
        Assert.False(string.IsNullOrEmpty(used.LastUsedAddress));
        var list = await (await browser.GetAsync("/account/tokens")).BodyAsync();
        Assert.Contains("Node website", list);
        Assert.Contains(secret[..8] + "…", list);
        Assert.Contains(used.LastUsedAddress!, list);
        Assert.True(await app.WithDb(db => db.SecurityEvents.AnyAsync(e => e.UserId == member.Id && e.Kind == SecurityEventKind.ApiTokenCreated)));

        // Someone else cannot revoke it; its owner can, and it stops at once.
        var other = await app.SignInAsync(await app.CreateUserAsync(Roles.Member));
        var refused = await other.PostFormAsync("/account/tokens?handler=Revoke", new() { ["id"] = stored.Id.ToString() }, "/account/tokens");
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.ApiClient(secret).ApiGetAsync("/api/v1/me")).Response.StatusCode);
        var revoked = await browser.PostFormAsync("/account/tokens?handler=Revoke", new() { ["id"] = stored.Id.ToString() }, "/account/tokens");
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        var (gone, problem) = await app.ApiClient(secret).ApiGetAsync("/api/v1/me");
        Assert.Equal(HttpStatusCode.Unauthorized, gone.StatusCode);
        Assert.Equal("application/problem+json", gone.Content.Headers.ContentType!.MediaType);
        Assert.Equal(401, (int)problem!["status"]!);
        Assert.Contains("invalid_token", gone.Headers.WwwAuthenticate.ToString());
        Assert.Contains("Revoked on", await (await browser.GetAsync("/account/tokens")).BodyAsync());
    }

    [Fact]
    public async Task Bad_tokens_are_refused_with_the_field_and_nothing_is_saved()
    {
        var member = await app.CreateUserAsync(Roles.Member);
        var browser = await app.SignInAsync(member);
        var cases = new (Dictionary<string, string> Fields, string Message)[]
        {
            (new() { ["Input.Name"] = "", ["Input.Scopes"] = "account:read", ["Input.ExpiresOn"] = Tomorrow() }, "Give the token a name"),
            (new() { ["Input.Name"] = new string('x', 101), ["Input.Scopes"] = "account:read", ["Input.ExpiresOn"] = Tomorrow() }, "at most 100 characters"),
            (new() { ["Input.Name"] = "n", ["Input.ExpiresOn"] = Tomorrow() }, "Choose at least one thing"),
            (new() { ["Input.Name"] = "n", ["Input.Scopes"] = "everything:write", ["Input.ExpiresOn"] = Tomorrow() }, "There is no scope called everything:write"),
            (new() { ["Input.Name"] = "n", ["Input.Scopes"] = "registrations:read", ["Input.ExpiresOn"] = Tomorrow() }, "may not give a token the scope registrations:read"),
            (new() { ["Input.Name"] = "n", ["Input.Scopes"] = "account:read", ["Input.ExpiresOn"] = Tomorrow(0) }, "a day after today"),
            (new() { ["Input.Name"] = "n", ["Input.Scopes"] = "account:read", ["Input.ExpiresOn"] = Tomorrow(400) }, "at most a year"),
            (new() { ["Input.Name"] = "n", ["Input.Scopes"] = "account:read" }, "Choose when the token stops working"),
            (new() { ["Input.Name"] = "n", ["Input.Scopes"] = "account:read", ["Input.ExpiresOn"] = Tomorrow(), ["Input.WorkshopIds"] = Guid.NewGuid().ToString() }, "does not exist"),
        };
        foreach (var (fields, message) in cases)
        {
            var response = await browser.PostFormAsync("/account/tokens", fields);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            Assert.Contains(message, System.Net.WebUtility.HtmlDecode(await response.BodyAsync()));
        }
        Assert.False(await app.WithDb(db => db.ApiTokens.AnyAsync(t => t.UserId == member.Id)));

        // Visitors are sent to sign in.
        var visitor = await app.Browser().GetAsync("/account/tokens");
        Assert.Equal(HttpStatusCode.Redirect, visitor.StatusCode);
        Assert.Contains("/account/signin", visitor.Headers.Location!.ToString());
    }

    [Fact]
    public async Task Only_a_live_token_opens_the_api_never_its_hash_a_cookie_an_expired_one_or_one_whose_owner_lost_the_role()
    {
        var organiser = await app.CreateUserAsync(Roles.Organiser);
        var workshop = await app.AddWorkshopAsync($"tok-{Guid.NewGuid():N}"[..20]);
        var secret = await app.TokenAsync(organiser, [ApiScopes.AccountRead, ApiScopes.RegistrationsRead]);
        var hash = Core.Domain.Accounts.ApiToken.HashOf(secret);
        var path = $"/api/v1/workshops/{workshop.Slug}/registrations";
        Assert.Equal(HttpStatusCode.OK, (await app.ApiClient(secret).ApiGetAsync(path)).Response.StatusCode);

        foreach (var wrong in new[] { hash, "wks_" + hash[..43], secret + "x", "not a token at all" })
            Assert.Equal(HttpStatusCode.Unauthorized, (await app.ApiClient(wrong).ApiGetAsync(path)).Response.StatusCode);
        var (none, _) = await app.ApiClient(null).ApiGetAsync(path);
        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal("Bearer realm=\"workshops\"", none.Headers.WwwAuthenticate.ToString());
        // Signed in with a cookie is not enough: the API's changes are made with tokens only.
        var browser = await app.SignInAsync(organiser);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.ApiGetAsync(path)).Response.StatusCode);

        // A scope it lacks is 403.
        var reader = await app.TokenAsync(organiser, [ApiScopes.AccountRead]);
        var (forbidden, problem) = await app.ApiClient(reader).ApiGetAsync(path);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(403, (int)problem!["status"]!);

        // Expired: made to end yesterday.
        await app.WithDb(db => db.ApiTokens.Where(t => t.Hash == Core.Domain.Accounts.ApiToken.HashOf(reader))
            .ExecuteUpdateAsync(u => u.SetProperty(t => t.ExpiresAt, DateTimeOffset.UtcNow.AddDays(-1))));
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.ApiClient(reader).ApiGetAsync("/api/v1/me")).Response.StatusCode);

        // The organiser's role taken away: the organising scope stops, reading one's account goes on.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AppUser>>();
            await users.RemoveFromRoleAsync((await users.FindByIdAsync(organiser.Id))!, Roles.Organiser);
        }
        Assert.Equal(HttpStatusCode.Forbidden, (await app.ApiClient(secret).ApiGetAsync(path)).Response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.ApiClient(secret).ApiGetAsync("/api/v1/me")).Response.StatusCode);

        // A disabled account's tokens stop.
        await app.WithDb(db => db.Users.Where(u => u.Id == organiser.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.DisabledAt, DateTimeOffset.UtcNow)));
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.ApiClient(secret).ApiGetAsync("/api/v1/me")).Response.StatusCode);
    }
}
