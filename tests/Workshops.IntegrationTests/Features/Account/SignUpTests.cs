using System.Net;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Email;
using Workshops.IntegrationTests.Support;
using Workshops.Tests.Shared;
using Workshops.Web.Features.Account;

namespace Workshops.IntegrationTests.Features.Account;

public sealed class SignUpTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static Dictionary<string, string> Form(string email, string password = AppFactory.Password, string? again = null, string name = "Ana Pérez") => new()
    {
        ["Input.DisplayName"] = name,
        ["Input.Email"] = email,
        ["Input.Password"] = password,
        ["Input.ConfirmPassword"] = again ?? password,
    };

    [Fact]
    public async Task Sign_up_sends_a_confirmation_email_whose_link_confirms_and_then_sign_in_works()
    {
        var email = $"ana-{Guid.NewGuid():N}@example.org";
        var client = app.Browser();

        var response = await client.PostFormAsync("/account/signup", Form(email));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/check-email", response.Headers.Location!.OriginalString);

        // Not confirmed yet: sign-in is refused with a clear message.
        var early = await client.PostFormAsync("/account/signin", new() { ["Input.Email"] = email, ["Input.Password"] = AppFactory.Password });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, early.StatusCode);
        Assert.Contains("Confirm your email address first", await early.BodyAsync());

        var mail = await app.Mail.WaitForAsync(email, "Confirm your email address");
        Assert.Contains("Ana Pérez", mail.TextBody);
        Assert.Contains("Ana P&#xE9;rez", mail.HtmlBody);
        var link = Mailbox.LinkTo(mail, "/account/confirm-email");
        var confirm = await client.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        var body = await confirm.BodyAsync();
        Assert.Contains("Email address confirmed", body);
        // Confirming signs the person in: the next page is theirs.
        Assert.Contains("you are signed in", body);
        Assert.Contains("Sign out", await client.GetStringAsync("/"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account")).StatusCode);

        // The same link opened again, in another browser, confirms nothing new and signs nobody in.
        var other = app.Browser();
        var again = await other.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.DoesNotContain("you are signed in", await again.BodyAsync());
        Assert.DoesNotContain("Sign out", await other.GetStringAsync("/"));

        var signIn = await app.Browser().PostFormAsync("/account/signin", new() { ["Input.Email"] = email, ["Input.Password"] = AppFactory.Password });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);

        var row = await app.WithDb(db => db.OutboxMessages.SingleAsync(m => m.To == email));
        Assert.Equal(OutboxStatus.Sent, row.Status);
        Assert.Equal(AccountEmails.ConfirmKind, row.Kind);
    }

    [Theory]
    [InlineData("short pass", "at least 12 characters")]
    [InlineData("1qaz2wsx3edc", "common passwords")]
    [InlineData("QAZWSXEDCRFV", "common passwords")]
    [InlineData("aaaaaaaaaaaaaaaaaaa", "repeats one or two characters")]
    public async Task Weak_passwords_are_refused_with_a_message_and_nothing_is_saved(string password, string message)
    {
        var email = $"weak-{Guid.NewGuid():N}@example.org";
        var response = await app.Browser().PostFormAsync("/account/signup", Form(email, password));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains(message, await response.BodyAsync());
        Assert.False(await app.WithDb(db => db.Users.AnyAsync(u => u.Email == email)));
    }

    [Fact]
    public async Task Long_passphrases_up_to_128_characters_are_accepted_and_longer_refused()
    {
        var ok = await app.Browser().PostFormAsync("/account/signup", Form($"long-{Guid.NewGuid():N}@example.org", Passphrase(128)));
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);

        var email = $"toolong-{Guid.NewGuid():N}@example.org";
        var tooLong = await app.Browser().PostFormAsync("/account/signup", Form(email, Passphrase(129)));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooLong.StatusCode);
        Assert.Contains("at most 128 characters", await tooLong.BodyAsync());
    }

    private static string Passphrase(int length) => string.Concat(Enumerable.Repeat("lichen moss fern ", 10))[..length];

    [Fact]
    public async Task Bad_input_comes_back_with_messages_beside_the_fields()
    {
        var response = await app.Browser().PostFormAsync("/account/signup", Form("not-an-email", AppFactory.Password, "something else", name: ""));
        var body = await response.BodyAsync();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Enter an email address like name@example.org.", body);
        Assert.Contains("The two passwords are not the same.", body);
        Assert.Contains("Enter your name as others should see it.", body);
    }

    [Fact]
    public async Task Signing_up_answers_the_same_for_a_new_and_an_existing_address_and_tells_the_owner()
    {
        var existing = await app.CreateUserAsync();
        var fresh = $"fresh-{Guid.NewGuid():N}@example.org";

        var forExisting = await app.Browser().PostFormAsync("/account/signup", Form(existing.Email!));
        var forNew = await app.Browser().PostFormAsync("/account/signup", Form(fresh));

        // The same status, the same kind of address, the same page behind it: the stranger learns nothing.
        Assert.Equal(HttpStatusCode.Redirect, forExisting.StatusCode);
        Assert.Equal(forNew.StatusCode, forExisting.StatusCode);
        Assert.Equal(forNew.Headers.Location!.ToString().Split('?')[0], forExisting.Headers.Location!.ToString().Split('?')[0]);
        var page = await app.Browser().GetStringAsync(forExisting.Headers.Location);
        Assert.DoesNotContain("exists", page);

        // The owner is told by email; no second account was made.
        var mail = await app.Mail.WaitForAsync(existing.Email!, "You already have an account");
        Assert.Contains("/account/forgot-password", mail.TextBody);
        Assert.Equal(1, await app.WithDb(db => db.Users.CountAsync(u => u.Email == existing.Email)));
        await app.Mail.WaitForAsync(fresh, "Confirm your email address");
    }

    [Fact]
    public async Task A_weak_password_is_refused_alike_for_a_new_and_an_existing_address()
    {
        var existing = await app.CreateUserAsync();
        var weak = Form(existing.Email!);
        weak["Input.Password"] = weak["Input.ConfirmPassword"] = "password1234";

        var response = await app.Browser().PostFormAsync("/account/signup", weak);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("common passwords", await response.BodyAsync());
    }

    [Fact]
    public async Task A_broken_confirmation_link_is_a_400_with_a_way_forward()
    {
        var response = await app.Browser().GetAsync("/account/confirm-email?userId=nobody&code=bm90LWEtdG9rZW4");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Send a new confirmation link", await response.BodyAsync());
    }

    [Fact]
    public async Task Posting_without_the_antiforgery_token_is_refused()
    {
        var response = await app.Browser().PostAsync("/account/signup", new FormUrlEncodedContent(Form("x@example.org")));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
