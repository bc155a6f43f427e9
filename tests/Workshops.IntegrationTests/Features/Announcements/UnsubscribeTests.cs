using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workshops.Core.Domain.Accounts;
using Workshops.Core.Domain.Announcements;
using Workshops.IntegrationTests.Support;

namespace Workshops.IntegrationTests.Features.Announcements;

public sealed class UnsubscribeTests(SmtpAppFactory app) : IClassFixture<SmtpAppFactory>
{
    private string LinkFor(string email) => new Uri(app.Services.GetRequiredService<UnsubscribeLinks>().Url(AnnouncementData.Origin, email)).PathAndQuery;

    [Fact]
    public async Task Opening_the_link_only_asks_and_the_button_unsubscribes_without_signing_in()
    {
        var member = await app.SubscriberAsync();
        var browser = app.Browser();

        var page = await browser.GetStringAsync(LinkFor(member.Email!));
        Assert.Contains(member.Email!, page);
        Assert.True(await IsSubscribedAsync(member.Id));

        var done = await browser.PostAsync(LinkFor(member.Email!), new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Contains("Unsubscribed", await done.Content.ReadAsStringAsync());
        Assert.False(await IsSubscribedAsync(member.Id));
        Assert.True(await app.WithDb(db => db.EmailSuppressions.AnyAsync(s => s.AddressKey == EmailSuppression.Hash(member.Email!))));
    }

    [Fact]
    public async Task A_mail_clients_one_click_post_unsubscribes_and_a_second_click_changes_nothing()
    {
        var address = $"Pasted-{Guid.NewGuid():N}@Example.net";
        var browser = app.Browser();
        var body = new StringContent("List-Unsubscribe=One-Click", System.Text.Encoding.ASCII, "application/x-www-form-urlencoded");

        Assert.Equal(HttpStatusCode.OK, (await browser.PostAsync(LinkFor(address), body)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.PostAsync(LinkFor(address.ToLowerInvariant()), new FormUrlEncodedContent([]))).StatusCode);

        Assert.Equal(1, await app.WithDb(db => db.EmailSuppressions.CountAsync(s => s.AddressKey == EmailSuppression.Hash(address))));
    }

    [Fact]
    public async Task An_unsubscribed_address_is_left_out_of_later_announcements_even_when_pasted()
    {
        var member = await app.SubscriberAsync();
        await app.Browser().PostAsync(LinkFor(member.Email!), new FormUrlEncodedContent([]));
        var organiser = await app.CreateUserAsync(Roles.Organiser);
        var other = $"other-{Guid.NewGuid():N}@example.net";

        var a = await app.AnnouncementAsync("After", "Hello", null, AnnouncementData.To(subscribers: true, pasted: $"{member.Email}\n{other}"), organiser.Id);
        await app.SendNowAsync(a.Id);

        var to = await app.WithDb(db => db.OutboxMessages.Where(m => m.CampaignId == a.Id).Select(m => m.To).ToListAsync());
        Assert.Contains(other, to);
        Assert.DoesNotContain(member.Email, to);
    }

    [Theory]
    [InlineData("/unsubscribe/not-a-token")]
    [InlineData("/unsubscribe/CfDJ8AAAAAAAAAAAAAAAAAAAAAA")]
    public async Task A_link_the_site_did_not_make_is_not_found(string path)
    {
        var browser = app.Browser();
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.PostAsync(path, new FormUrlEncodedContent([]))).StatusCode);
    }

    [Fact]
    public async Task Members_subscribe_and_unsubscribe_in_their_account_and_subscribing_lifts_an_earlier_unsubscribe()
    {
        var member = await app.CreateUserAsync();
        await app.Browser().PostAsync(LinkFor(member.Email!), new FormUrlEncodedContent([]));
        var browser = await app.SignInAsync(member);

        var page = await browser.GetStringAsync("/account");
        Assert.Contains("Community announcements", page);
        var on = await browser.PostFormAsync("/account", new Dictionary<string, string> { ["Subscribed"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, on.StatusCode);
        Assert.True(await IsSubscribedAsync(member.Id));
        Assert.False(await app.WithDb(db => db.EmailSuppressions.AnyAsync(s => s.AddressKey == EmailSuppression.Hash(member.Email!))));

        await browser.PostFormAsync("/account", new Dictionary<string, string>());
        Assert.False(await IsSubscribedAsync(member.Id));
    }

    [Fact]
    public async Task The_account_page_is_for_signed_in_members()
    {
        var response = await app.Browser().GetAsync("/account");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/signin", response.Headers.Location!.ToString());
    }

    private Task<bool> IsSubscribedAsync(string userId) => app.WithDb(db => db.Users.Where(u => u.Id == userId).Select(u => u.SubscribedToAnnouncements).SingleAsync());
}
