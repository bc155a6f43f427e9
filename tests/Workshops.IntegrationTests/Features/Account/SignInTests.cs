using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Workshops.Core.Domain.Accounts;
using Workshops.IntegrationTests.Support;
using Workshops.Tests.Shared;

namespace Workshops.IntegrationTests.Features.Account;

public sealed class SignInTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task The_header_greets_people_by_name_not_by_email()
    {
        var user = await app.CreateUserAsync();
        var client = await app.SignInAsync(user);
        var home = WebUtility.HtmlDecode(await (await client.GetAsync("/")).BodyAsync());
        Assert.Contains($"<span class=\"visually-hidden\">Your account: </span>{user.DisplayName}</a>", home);
        Assert.DoesNotContain(user.Email!, home);
    }

    [Fact]
    public async Task Wrong_password_is_refused_without_saying_which_part_was_wrong()
    {
        var user = await app.CreateUserAsync();
        var response = await app.Browser().PostFormAsync("/account/signin", new() { ["Input.Email"] = user.Email!, ["Input.Password"] = "not the right password" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("The email address or the password is wrong.", await response.BodyAsync());
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_for_the_right_password()
    {
        var user = await app.CreateUserAsync();
        var client = app.Browser();
        for (var i = 0; i < 5; i++)
            await client.PostFormAsync("/account/signin", new() { ["Input.Email"] = user.Email!, ["Input.Password"] = "wrong password " + i });

        var response = await client.PostFormAsync("/account/signin", new() { ["Input.Email"] = user.Email!, ["Input.Password"] = AppFactory.Password });

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Contains("locked for 15 minutes", await response.BodyAsync());
    }

    [Fact]
    public async Task Sign_in_returns_to_the_page_asked_for_but_never_to_another_site()
    {
        var user = await app.CreateUserAsync();
        var local = await app.Browser().PostFormAsync("/account/signin?returnUrl=%2Fworkshops%2Fx",
            new() { ["Input.Email"] = user.Email!, ["Input.Password"] = AppFactory.Password, ["ReturnUrl"] = "/workshops/x" });
        Assert.Equal("/workshops/x", local.Headers.Location!.OriginalString);

        var foreign = await app.Browser().PostFormAsync("/account/signin",
            new() { ["Input.Email"] = user.Email!, ["Input.Password"] = AppFactory.Password, ["ReturnUrl"] = "https://evil.example/" });
        Assert.Equal("/", foreign.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Forgotten_password_is_reset_through_the_emailed_link_which_also_lifts_a_lockout()
    {
        var user = await app.CreateUserAsync();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            await users.SetLockoutEndDateAsync((await users.FindByIdAsync(user.Id))!, DateTimeOffset.UtcNow.AddMinutes(15));
        }
        var client = app.Browser();

        var asked = await client.PostFormAsync("/account/forgot-password", new() { ["Email"] = user.Email! });
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        var mail = await app.Mail.WaitForAsync(user.Email!, "Reset your password");
        var link = Mailbox.LinkTo(mail, "/account/reset-password");

        const string newPassword = "a brand new passphrase for me";
        var reset = await client.PostFormAsync(link, new() { ["Password"] = newPassword, ["ConfirmPassword"] = newPassword }, link);
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);

        var signIn = await client.PostFormAsync("/account/signin", new() { ["Input.Email"] = user.Email!, ["Input.Password"] = newPassword });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
    }

    [Fact]
    public async Task Forgot_password_answers_the_same_for_unknown_addresses_and_sends_nothing()
    {
        var email = $"nobody-{Guid.NewGuid():N}@example.org";
        var response = await app.Browser().PostFormAsync("/account/forgot-password", new() { ["Email"] = email });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await Task.Delay(500);
        Assert.Equal(0, app.Mail.CountTo(email));
    }

    [Fact]
    public async Task A_reset_link_with_a_wrong_token_is_refused_and_the_password_stays()
    {
        var user = await app.CreateUserAsync();
        var link = $"/account/reset-password?userId={user.Id}&code=d3Jvbmc";
        var response = await app.Browser().PostFormAsync(link, new() { ["Password"] = "another long passphrase", ["ConfirmPassword"] = "another long passphrase" }, link);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("This link has expired or was already used", await response.BodyAsync());
        var signIn = await app.Browser().PostFormAsync("/account/signin", new() { ["Input.Email"] = user.Email!, ["Input.Password"] = AppFactory.Password });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
    }

    [Fact]
    public async Task Resending_the_confirmation_is_limited_to_one_email_per_two_minutes()
    {
        var user = await app.CreateUserAsync(confirmed: false);
        var client = app.Browser();
        await client.PostFormAsync("/account/resend-confirmation", new() { ["Email"] = user.Email! });
        await client.PostFormAsync("/account/resend-confirmation", new() { ["Email"] = user.Email! });
        await app.Mail.WaitForAsync(user.Email!, "Confirm");
        await Task.Delay(500);
        Assert.Equal(1, app.Mail.CountTo(user.Email!));
    }

    [Fact]
    public async Task Sign_out_ends_the_session()
    {
        var client = await app.BrowserAs(Roles.Member);
        var response = await client.PostFormAsync("/account/signout", new Dictionary<string, string>(), "/");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("Sign in", await client.GetStringAsync("/"));
    }
}
