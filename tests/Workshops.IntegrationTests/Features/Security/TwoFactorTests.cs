using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Domain.Accounts;
using Workshops.IntegrationTests.Support;

namespace Workshops.IntegrationTests.Features.Security;

public static partial class TwoFactorSteps
{
    /// <summary>Sets up two-factor sign-in as a person would with an app; returns the key and the recovery codes.</summary>
    public static async Task<(string Key, IReadOnlyList<string> Codes)> EnableAsync(HttpClient client)
    {
        var page = await client.GetStringAsync("/account/two-factor");
        var key = KeyPattern().Match(page).Groups[1].Value.Replace(" ", "");
        Assert.False(string.IsNullOrEmpty(key), "no key on the page");
        Assert.Contains("<svg", page); // the QR code
        var enabled = await client.PostFormAsync("/account/two-factor?handler=Enable", new() { ["Code"] = Totp.Code(key) }, "/account/two-factor");
        Assert.Equal(HttpStatusCode.Redirect, enabled.StatusCode);
        var codesPage = await client.GetStringAsync(enabled.Headers.Location!.ToString());
        var codes = CodePattern().Matches(codesPage).Select(m => m.Groups[1].Value).ToList();
        return (key, codes);
    }

    public static Task<HttpResponseMessage> PasswordAsync(HttpClient client, AppUser user) =>
        client.PostFormAsync("/account/signin", new() { ["Input.Email"] = user.Email!, ["Input.Password"] = AppFactory.Password });

    [GeneratedRegex("id=\"authenticator-key\" class=\"key\">([a-z2-7 ]+)</code>")]
    private static partial Regex KeyPattern();

    [GeneratedRegex("<li><code>([A-Z0-9-]+)</code></li>")]
    private static partial Regex CodePattern();
}

public sealed class TwoFactorTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task A_member_sets_up_an_authenticator_then_signs_in_with_a_code()
    {
        var member = await app.CreateUserAsync();
        var (key, codes) = await TwoFactorSteps.EnableAsync(await app.SignInAsync(member));
        Assert.Equal(10, codes.Count);
        Assert.Equal(10, codes.Distinct().Count());

        var browser = app.Browser();
        var password = await TwoFactorSteps.PasswordAsync(browser, member);
        Assert.Equal(HttpStatusCode.Redirect, password.StatusCode);
        Assert.StartsWith("/account/signin/two-factor", password.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/account")).StatusCode); // not signed in yet

        var wrong = await browser.PostFormAsync("/account/signin/two-factor", new() { ["Code"] = "000000" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrong.StatusCode);
        Assert.Contains("That code is wrong", Forms.Errors(await wrong.BodyAsync()));

        var signedIn = await browser.PostFormAsync("/account/signin/two-factor", new() { ["Code"] = Totp.Code(key) });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/account")).StatusCode);
        var kinds = await app.WithDb(db => db.SecurityEvents.Where(e => e.UserId == member.Id).Select(e => e.Kind).ToListAsync());
        Assert.Contains(SecurityEventKind.TwoFactorEnabled, kinds);
        Assert.Contains(SecurityEventKind.SignInFailed, kinds);
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once()
    {
        var member = await app.CreateUserAsync();
        var (_, codes) = await TwoFactorSteps.EnableAsync(await app.SignInAsync(member));

        var first = app.Browser();
        await TwoFactorSteps.PasswordAsync(first, member);
        var used = await first.PostFormAsync("/account/signin/recovery", new() { ["Code"] = codes[3] });
        Assert.Equal(HttpStatusCode.Redirect, used.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/account")).StatusCode);

        var second = app.Browser();
        await TwoFactorSteps.PasswordAsync(second, member);
        var again = await second.PostFormAsync("/account/signin/recovery", new() { ["Code"] = codes[3] });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
        Assert.Contains("wrong or was used already", Forms.Errors(await again.BodyAsync()));
        Assert.Contains(SecurityEventKind.RecoveryCodeUsed, await app.WithDb(db => db.SecurityEvents.Where(e => e.UserId == member.Id).Select(e => e.Kind).ToListAsync()));
    }

    [Fact]
    public async Task Remember_this_browser_skips_the_code_next_time()
    {
        var member = await app.CreateUserAsync();
        var (key, _) = await TwoFactorSteps.EnableAsync(await app.SignInAsync(member));
        var browser = app.Browser();
        await TwoFactorSteps.PasswordAsync(browser, member);
        await browser.PostFormAsync("/account/signin/two-factor", new() { ["Code"] = Totp.Code(key), ["RememberBrowser"] = "true" });
        await browser.PostFormAsync("/account/signout", new Dictionary<string, string>(), "/account/signout");

        var again = await TwoFactorSteps.PasswordAsync(browser, member);
        Assert.Equal("/", again.Headers.Location!.ToString());
    }

    [Fact]
    public async Task Opening_the_setup_page_signs_no_other_browser_out()
    {
        var member = await app.CreateUserAsync();
        var laptop = await app.SignInAsync(member);
        var phone = await app.SignInAsync(member);

        await laptop.GetStringAsync("/account/two-factor");

        Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync("/account")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await laptop.GetAsync("/account")).StatusCode);
    }

    [Fact]
    public async Task A_wrong_setup_code_enables_nothing()
    {
        var member = await app.CreateUserAsync();
        var client = await app.SignInAsync(member);
        await client.GetStringAsync("/account/two-factor");

        var response = await client.PostFormAsync("/account/two-factor?handler=Enable", new() { ["Code"] = "123456" }, "/account/two-factor");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("That code does not match", Forms.Errors(await response.BodyAsync()));
        Assert.False((await app.WithDb(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == member.Id))).TwoFactorEnabled);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account")).StatusCode); // still signed in
    }

    [Fact]
    public async Task Turning_it_off_needs_the_password()
    {
        var member = await app.CreateUserAsync();
        var client = await app.SignInAsync(member);
        await TwoFactorSteps.EnableAsync(client);

        var refused = await client.PostFormAsync("/account/two-factor?handler=Disable", new() { ["Password"] = "not the password" }, "/account/two-factor");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.True((await app.WithDb(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == member.Id))).TwoFactorEnabled);

        var off = await client.PostFormAsync("/account/two-factor?handler=Disable", new() { ["Password"] = AppFactory.Password }, "/account/two-factor");
        Assert.Equal(HttpStatusCode.Redirect, off.StatusCode);
        Assert.False((await app.WithDb(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == member.Id))).TwoFactorEnabled);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account")).StatusCode);
    }

    [Fact]
    public async Task An_admin_resets_someones_two_factor_and_it_is_logged()
    {
        var member = await app.CreateUserAsync();
        await TwoFactorSteps.EnableAsync(await app.SignInAsync(member));
        var admin = await app.CreateUserAsync(Roles.Admin);
        var adminClient = await app.SignInAsync(admin);

        var reset = await adminClient.PostFormAsync("/admin/users?handler=ResetTwoFactor", [new("userId", member.Id)], "/admin/users");
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);

        var browser = app.Browser();
        Assert.Equal("/", (await TwoFactorSteps.PasswordAsync(browser, member)).Headers.Location!.ToString());
        var logged = await app.WithDb(db => db.SecurityEvents.SingleAsync(e => e.UserId == member.Id && e.Kind == SecurityEventKind.TwoFactorReset));
        Assert.Equal(admin.Id, logged.ActorId);
    }

    [Fact]
    public async Task The_code_step_without_a_password_first_goes_back_to_sign_in()
    {
        var response = await app.Browser().GetAsync("/account/signin/two-factor");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/signin", response.Headers.Location!.ToString());
        var recovery = await app.Browser().GetAsync("/account/signin/recovery");
        Assert.Equal(HttpStatusCode.Redirect, recovery.StatusCode);
    }
}

/// <summary>With Security:RequireTwoFactorForStaff, admins and organisers are led through setup before anything else.</summary>
public sealed class RequiredTwoFactorTests(RequiredTwoFactorTests.Factory app) : IClassFixture<RequiredTwoFactorTests.Factory>
{
    public sealed class Factory : AppFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings() => [new("Security:RequireTwoFactorForStaff", "true")];
    }

    [Theory]
    [InlineData(Roles.Organiser)]
    [InlineData(Roles.Admin)]
    public async Task Staff_without_two_factor_are_led_through_setup_and_cannot_turn_it_off(string role)
    {
        var person = await app.CreateUserAsync(role);
        var client = await app.SignInAsync(person);

        var page = await client.GetAsync(role == Roles.Admin ? "/admin" : "/organise/workshops");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/account/two-factor?required=1", page.Headers.Location!.ToString());
        Assert.Contains("Your role on this site requires two-factor sign-in", await client.GetStringAsync("/account/two-factor?required=1"));

        await TwoFactorSteps.EnableAsync(client);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(role == Roles.Admin ? "/admin" : "/organise/workshops")).StatusCode);

        var off = await client.PostFormAsync("/account/two-factor?handler=Disable", new() { ["Password"] = AppFactory.Password }, "/account/two-factor");
        Assert.Equal(HttpStatusCode.Conflict, off.StatusCode);
        Assert.True((await app.WithDb(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == person.Id))).TwoFactorEnabled);
    }

    [Fact]
    public async Task Members_are_not_asked()
    {
        var client = await app.BrowserAs(Roles.Member);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/proposals")).StatusCode);
    }
}
