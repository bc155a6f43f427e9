using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workshops.Core.Domain.Accounts;
using Workshops.IntegrationTests.Support;
using Workshops.Web.Features.Account;

namespace Workshops.IntegrationTests.Features.Security;

/// <summary>An admin's "disabled" is its own state, apart from the lockout that counts wrong passwords: nothing undoes it but an admin.</summary>
public sealed class DisabledAccountTests(AppFactory app) : IClassFixture<AppFactory>
{
    private async Task DisableAsync(AppUser member, bool disabled = true)
    {
        var admin = await app.BrowserAs(Roles.Admin);
        var response = await admin.PostFormAsync("/admin/users?handler=Disable", [new("userId", member.Id), new("disabled", disabled ? "true" : "false")], "/admin/users");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private Task<HttpResponseMessage> SignInAsync(AppUser user) =>
        app.Browser().PostFormAsync("/account/signin", new() { ["Input.Email"] = user.Email!, ["Input.Password"] = AppFactory.Password });

    [Fact]
    public async Task A_disabled_member_who_resets_the_password_still_cannot_sign_in()
    {
        var member = await app.CreateUserAsync();
        // The reset link was asked for before the admin acted (or the mailbox is the attacker's).
        string token;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            token = AccountEmails.Encode(await users.GeneratePasswordResetTokenAsync((await users.FindByIdAsync(member.Id))!));
        }
        await DisableAsync(member);

        var reset = await app.Browser().PostFormAsync($"/account/reset-password?userId={member.Id}&code={token}",
            new() { ["UserId"] = member.Id, ["Code"] = token, ["Password"] = "a brand new passphrase 77", ["ConfirmPassword"] = "a brand new passphrase 77" },
            $"/account/reset-password?userId={member.Id}&code={token}");
        Assert.Equal(HttpStatusCode.Forbidden, reset.StatusCode);
        Assert.Contains("disabled", await reset.BodyAsync());

        foreach (var password in new[] { AppFactory.Password, "a brand new passphrase 77" })
        {
            var signIn = await app.Browser().PostFormAsync("/account/signin", new() { ["Input.Email"] = member.Email!, ["Input.Password"] = password });
            Assert.NotEqual(HttpStatusCode.Redirect, signIn.StatusCode);
        }
        var refused = await SignInAsync(member);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("An administrator has disabled this account", await refused.BodyAsync());
    }

    [Fact]
    public async Task A_failed_password_lockout_is_not_a_disabled_account_and_the_admins_lock_survives_its_end()
    {
        var member = await app.CreateUserAsync();
        await DisableAsync(member);
        var stored = await app.WithDb(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == member.Id));
        Assert.NotNull(stored.DisabledAt);
        Assert.Null(stored.LockoutEnd);
        Assert.Equal(HttpStatusCode.Forbidden, (await SignInAsync(member)).StatusCode);
    }

    [Fact]
    public async Task Disabling_ends_the_persons_open_sessions_and_tells_them_why()
    {
        var member = await app.CreateUserAsync(Roles.Organiser);
        var person = await app.SignInAsync(member);
        Assert.Equal(HttpStatusCode.OK, (await person.GetAsync("/organise/workshops")).StatusCode);

        await DisableAsync(member);

        var after = await person.GetAsync("/organise/workshops");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Equal("/account/disabled", after.Headers.Location!.ToString());
        var page = await person.GetAsync("/account/disabled");
        Assert.Contains("An administrator has disabled this account", await page.BodyAsync());
        Assert.Equal(0, await app.WithDb(db => db.UserSessions.CountAsync(s => s.UserId == member.Id)));
    }

    [Fact]
    public async Task A_disabled_account_cannot_confirm_its_address()
    {
        var member = await app.CreateUserAsync(confirmed: false);
        string token;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            token = AccountEmails.Encode(await users.GenerateEmailConfirmationTokenAsync((await users.FindByIdAsync(member.Id))!));
        }
        await DisableAsync(member);

        var response = await app.Browser().GetAsync($"/account/confirm-email?userId={member.Id}&code={token}");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("An administrator has disabled this account", await response.BodyAsync());
        Assert.False((await app.WithDb(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == member.Id))).EmailConfirmed);
    }

    [Fact]
    public async Task A_disabled_account_gets_no_reset_email()
    {
        var member = await app.CreateUserAsync();
        await DisableAsync(member);

        var response = await app.Browser().PostFormAsync("/account/forgot-password", new() { ["Email"] = member.Email! });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode); // the usual answer
        Assert.False(await app.WithDb(db => db.OutboxMessages.AnyAsync(m => m.To == member.Email && m.Kind == AccountEmails.ResetKind)));
    }

    [Fact]
    public async Task Enabled_again_the_account_signs_in_and_both_acts_are_logged()
    {
        var member = await app.CreateUserAsync();
        await DisableAsync(member);
        Assert.Equal(HttpStatusCode.Forbidden, (await SignInAsync(member)).StatusCode);
        await DisableAsync(member, disabled: false);

        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(member)).StatusCode);
        var kinds = await app.WithDb(db => db.SecurityEvents.Where(e => e.UserId == member.Id).Select(e => e.Kind).ToListAsync());
        Assert.Contains(SecurityEventKind.AccountDisabled, kinds);
        Assert.Contains(SecurityEventKind.AccountEnabled, kinds);
        Assert.Contains(SecurityEventKind.SignInRefused, kinds);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(Roles.Member)]
    [InlineData(Roles.Organiser)]
    public async Task Only_admins_disable_accounts(string? role)
    {
        var member = await app.CreateUserAsync();
        var client = await app.BrowserAs(role);
        var token = await client.AntiforgeryTokenAsync("/account/signin");
        var response = await client.PostAsync("/admin/users?handler=Disable",
            new FormUrlEncodedContent([new("userId", member.Id), new("disabled", "true"), new("__RequestVerificationToken", token)]));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains(role is null ? "/account/signin" : "/account/access-denied", response.Headers.Location!.ToString());
        Assert.Null((await app.WithDb(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == member.Id))).DisabledAt);
    }

    [Fact]
    public async Task An_admin_cannot_disable_themself()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var client = await app.SignInAsync(admin);
        var response = await client.PostFormAsync("/admin/users?handler=Disable", [new("userId", admin.Id), new("disabled", "true")], "/admin/users");
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("You cannot disable your own account", await response.BodyAsync());
    }
}
