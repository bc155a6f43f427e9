using System.Net;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Domain.Accounts;
using Workshops.IntegrationTests.Support;
using Workshops.Web.Features.Account;

namespace Workshops.IntegrationTests.Features.Security;

/// <summary>Changing one's password and email address from the account page.</summary>
public sealed class AccountChangeTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string NewPassword = "a fresh passphrase for 2027";

    private Task<HttpResponseMessage> SignInAsync(string email, string password) =>
        app.Browser().PostFormAsync("/account/signin", new() { ["Input.Email"] = email, ["Input.Password"] = password });

    [Fact]
    public async Task Changing_the_password_needs_the_current_one_and_signs_out_the_other_browsers()
    {
        var member = await app.CreateUserAsync();
        var here = await app.SignInAsync(member);
        var elsewhere = await app.SignInAsync(member);

        var wrong = await here.PostFormAsync("/account/password", new() { ["Current"] = "not my password at all", ["Password"] = NewPassword, ["ConfirmPassword"] = NewPassword });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrong.StatusCode);
        Assert.Contains("Your current password is wrong.", Forms.Errors(await wrong.BodyAsync()));

        var changed = await here.PostFormAsync("/account/password", new() { ["Current"] = AppFactory.Password, ["Password"] = NewPassword, ["ConfirmPassword"] = NewPassword });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await here.GetAsync("/account")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await elsewhere.GetAsync("/account")).StatusCode);
        Assert.NotEqual(HttpStatusCode.Redirect, (await SignInAsync(member.Email!, AppFactory.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(member.Email!, NewPassword)).StatusCode);
        Assert.Contains(SecurityEventKind.PasswordChanged, await app.WithDb(db => db.SecurityEvents.Where(e => e.UserId == member.Id).Select(e => e.Kind).ToListAsync()));
    }

    [Theory]
    [InlineData("short one", "at least 12")]
    [InlineData("Test Workshops rules ok", "site's name")]
    [InlineData("password1234", "common passwords")]
    public async Task A_weak_new_password_is_refused_and_the_old_one_stays(string password, string message)
    {
        var member = await app.CreateUserAsync();
        var client = await app.SignInAsync(member);

        var response = await client.PostFormAsync("/account/password", new() { ["Current"] = AppFactory.Password, ["Password"] = password, ["ConfirmPassword"] = password });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains(message, Forms.Errors(await response.BodyAsync()));
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(member.Email!, AppFactory.Password)).StatusCode);
    }

    [Fact]
    public async Task A_new_address_takes_effect_once_confirmed_and_the_old_one_is_told()
    {
        var member = await app.CreateUserAsync();
        var client = await app.SignInAsync(member);
        var fresh = $"moved-{Guid.NewGuid():N}@example.org";

        var asked = await client.PostFormAsync("/account/email", new() { ["NewEmail"] = fresh, ["Password"] = AppFactory.Password });
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        // Nothing changes until the link is opened.
        Assert.Equal(member.Email, (await app.WithDb(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == member.Id))).Email);

        var mail = await app.Mail.WaitForAsync(fresh, "Confirm your new email address");
        var confirmed = await client.GetAsync(Tests.Shared.Mailbox.LinkTo(mail, "/account/confirm-email-change"));
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Contains("Email address changed", await confirmed.BodyAsync());

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account")).StatusCode); // still signed in
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(fresh, AppFactory.Password)).StatusCode);
        await app.Mail.WaitForAsync(member.Email!, "Your email address was changed");
        Assert.Contains(SecurityEventKind.EmailChanged, await app.WithDb(db => db.SecurityEvents.Where(e => e.UserId == member.Id).Select(e => e.Kind).ToListAsync()));
    }

    [Fact]
    public async Task An_address_with_an_apostrophe_or_an_accent_can_be_taken()
    {
        var member = await app.CreateUserAsync();
        var client = await app.SignInAsync(member);
        var fresh = $"o'brien.josé-{Guid.NewGuid():N}@example.org";

        await client.PostFormAsync("/account/email", new() { ["NewEmail"] = fresh, ["Password"] = AppFactory.Password });
        var mail = await app.Mail.WaitForAsync(fresh, "Confirm your new email address");
        var confirmed = await client.GetAsync(Tests.Shared.Mailbox.LinkTo(mail, "/account/confirm-email-change"));

        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        var stored = await app.WithDb(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == member.Id));
        Assert.Equal((fresh, fresh), (stored.Email, stored.UserName));
    }

    [Fact]
    public async Task Wrong_current_passwords_count_towards_the_lockout()
    {
        var member = await app.CreateUserAsync();
        var client = await app.SignInAsync(member);
        for (var i = 0; i < 5; i++)
            await client.PostFormAsync("/account/password", new() { ["Current"] = "a guess at it " + i, ["Password"] = NewPassword, ["ConfirmPassword"] = NewPassword });

        Assert.Equal(HttpStatusCode.TooManyRequests, (await SignInAsync(member.Email!, AppFactory.Password)).StatusCode);
    }

    [Fact]
    public async Task Another_accounts_address_gets_the_same_answer_and_no_email()
    {
        var member = await app.CreateUserAsync();
        var taken = await app.CreateUserAsync();
        var client = await app.SignInAsync(member);

        var response = await client.PostFormAsync("/account/email", new() { ["NewEmail"] = taken.Email!, ["Password"] = AppFactory.Password });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False(await app.WithDb(db => db.OutboxMessages.AnyAsync(m => m.Kind == AccountEmails.ChangeEmailKind && m.To == taken.Email)));
    }

    [Theory]
    [InlineData("not-an-address", "my password is wrong", "Enter an email address like name@example.org.")]
    [InlineData("elsewhere@example.org", "my password is wrong", "Your password is wrong.")]
    public async Task Bad_input_to_change_the_address_is_refused_and_nothing_is_sent(string email, string password, string message)
    {
        var member = await app.CreateUserAsync();
        var client = await app.SignInAsync(member);

        var response = await client.PostFormAsync("/account/email", new() { ["NewEmail"] = email, ["Password"] = password });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains(message, Forms.Errors(await response.BodyAsync()));
        Assert.False(await app.WithDb(db => db.OutboxMessages.AnyAsync(m => m.Kind == AccountEmails.ChangeEmailKind && m.To == email)));
    }

    [Theory]
    [InlineData("/account/password")]
    [InlineData("/account/email")]
    [InlineData("/account/two-factor")]
    [InlineData("/account/sessions")]
    public async Task The_account_pages_are_for_signed_in_people(string path)
    {
        var response = await app.Browser().GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/signin", response.Headers.Location!.ToString());
    }
}
