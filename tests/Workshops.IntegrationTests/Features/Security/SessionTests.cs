using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Domain.Accounts;
using Workshops.IntegrationTests.Support;

namespace Workshops.IntegrationTests.Features.Security;

public sealed class SessionTests(SessionTests.Factory app) : IClassFixture<SessionTests.Factory>
{
    public sealed class Factory : AppFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings() =>
            [new("Security:SessionAbsoluteDays", "3"), new("Security:SessionSlidingDays", "2")];
    }

    /// <summary>A client that sends exactly the given cookie and keeps none: a thief replaying a copied cookie.</summary>
    private HttpClient WithCookie(string cookie)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return client;
    }

    private async Task<(HttpClient Browser, string Cookie)> SignedInAsync(AppUser user)
    {
        var client = app.Browser();
        var response = await client.PostFormAsync("/account/signin", new() { ["Input.Email"] = user.Email!, ["Input.Password"] = AppFactory.Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var auth = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("workshops.auth="));
        return (client, auth.Split(';')[0]);
    }

    [Fact]
    public async Task A_cookie_copied_before_sign_out_no_longer_works()
    {
        var member = await app.CreateUserAsync();
        var (browser, cookie) = await SignedInAsync(member);
        var thief = WithCookie(cookie);
        Assert.Equal(HttpStatusCode.OK, (await thief.GetAsync("/account")).StatusCode);

        var signOut = await browser.PostFormAsync("/account/signout", new Dictionary<string, string>(), "/account/signout");
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);

        var replay = await thief.GetAsync("/account");
        Assert.Equal(HttpStatusCode.Redirect, replay.StatusCode);
        Assert.Contains("/account/signin", replay.Headers.Location!.ToString());
    }

    [Fact]
    public async Task The_cookie_holds_a_key_to_the_session_not_the_session_itself()
    {
        var member = await app.CreateUserAsync();
        var (browser, _) = await SignedInAsync(member);
        Assert.Equal(1, await app.WithDb(db => db.UserSessions.CountAsync(s => s.UserId == member.Id)));

        // Without its row on the server, the cookie opens nothing.
        await app.WithDb(db => db.UserSessions.Where(s => s.UserId == member.Id).ExecuteDeleteAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/account")).StatusCode);
    }

    [Fact]
    public async Task Signing_out_everywhere_ends_every_browser_of_the_person_and_no_one_elses()
    {
        var member = await app.CreateUserAsync();
        var other = await app.CreateUserAsync();
        var (laptop, _) = await SignedInAsync(member);
        var (phone, _) = await SignedInAsync(member);
        var (someoneElse, _) = await SignedInAsync(other);

        var sessions = await laptop.GetStringAsync("/account/sessions");
        Assert.Contains("(this browser)", sessions);
        var response = await laptop.PostFormAsync("/account/sessions?handler=Everywhere", new Dictionary<string, string>(), "/account/sessions");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        foreach (var client in new[] { laptop, phone })
            Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/account")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await someoneElse.GetAsync("/account")).StatusCode);
        Assert.Contains(SecurityEventKind.SignedOutEverywhere, await app.WithDb(db => db.SecurityEvents.Where(e => e.UserId == member.Id).Select(e => e.Kind).ToListAsync()));
    }

    [Fact]
    public async Task One_other_browser_can_be_signed_out_from_the_sessions_page()
    {
        var member = await app.CreateUserAsync();
        var (laptop, _) = await SignedInAsync(member);
        var (phone, _) = await SignedInAsync(member);
        var phoneSession = await app.WithDb(db => db.UserSessions.Where(s => s.UserId == member.Id).OrderByDescending(s => s.LastSeenAt).Select(s => s.Id).FirstAsync());

        var response = await laptop.PostFormAsync("/account/sessions?handler=End", [new("id", phoneSession)], "/account/sessions");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await phone.GetAsync("/account")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await laptop.GetAsync("/account")).StatusCode);
    }

    [Fact]
    public async Task Nobody_ends_another_persons_session()
    {
        var victim = await app.CreateUserAsync();
        var (victimBrowser, _) = await SignedInAsync(victim);
        var victimSession = await app.WithDb(db => db.UserSessions.Where(s => s.UserId == victim.Id).Select(s => s.Id).FirstAsync());
        var (attacker, _) = await SignedInAsync(await app.CreateUserAsync());

        await attacker.PostFormAsync("/account/sessions?handler=End", [new("id", victimSession)], "/account/sessions");

        Assert.Equal(HttpStatusCode.OK, (await victimBrowser.GetAsync("/account")).StatusCode);
    }

    [Fact]
    public async Task A_session_ends_its_absolute_lifetime_after_sign_in_however_recently_it_was_used()
    {
        var member = await app.CreateUserAsync();
        var (browser, _) = await SignedInAsync(member);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/account")).StatusCode);

        // Signed in three days and a minute ago, renewed a minute ago: the sliding window is fine, the absolute one is not.
        await app.WithDb(db => db.UserSessions.Where(s => s.UserId == member.Id).ExecuteUpdateAsync(u => u
            .SetProperty(s => s.SignedInAt, DateTimeOffset.UtcNow.AddDays(-3).AddMinutes(-1))
            .SetProperty(s => s.LastSeenAt, DateTimeOffset.UtcNow.AddMinutes(-1))));

        var after = await browser.GetAsync("/account");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Contains("/account/signin", after.Headers.Location!.ToString());
    }

    [Fact]
    public async Task The_sessions_page_is_for_signed_in_people()
    {
        var response = await app.Browser().GetAsync("/account/sessions");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/signin", response.Headers.Location!.ToString());
    }
}
