using System.Net;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Domain.Accounts;
using Workshops.Core.Domain.Community;
using Workshops.IntegrationTests.Support;

namespace Workshops.IntegrationTests.Features.Community;

/// <summary>Members ask to be linked to their installation, organisers decide, and a contact shows only with the member's consent; logos.</summary>
public sealed class InstallationMemberTests(AppFactory app) : IClassFixture<AppFactory>
{
    private async Task<Installation> InstallationAsync()
    {
        var slug = $"portal-{Guid.NewGuid():N}"[..20];
        var organiser = await app.BrowserAs(Roles.Organiser);
        var added = await organiser.PostFormAsync("/organise/installations/new", new Dictionary<string, string>
        {
            ["Input.Name"] = "Atlas of Living Costa Rica", ["Input.Slug"] = slug, ["Input.Country"] = "CR", ["Input.Status"] = "Live", ["Input.Language"] = "en",
        });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        return await app.WithDb(db => db.Installations.AsNoTracking().SingleAsync(i => i.Slug == slug));
    }

    private static Task<HttpResponseMessage> AskAsync(HttpClient member, Installation i, string role, bool show) =>
        member.PostFormAsync($"/community/{i.Slug}?handler=Ask", new Dictionary<string, string> { ["role"] = role, ["showPublicly"] = show ? "true" : "false" },
            $"/community/{i.Slug}");

    [Fact]
    public async Task A_member_asks_an_organiser_approves_and_the_contact_shows_only_with_consent()
    {
        var installation = await InstallationAsync();
        var user = await app.CreateUserAsync();
        var member = await app.SignInAsync(user);
        Assert.Equal(HttpStatusCode.Redirect, (await AskAsync(member, installation, "Technical lead", show: false)).StatusCode);
        Assert.Contains("You asked to be linked", WebUtility.HtmlDecode(await member.GetStringAsync($"/community/{installation.Slug}")));

        var organiser = await app.BrowserAs(Roles.Organiser);
        Assert.Contains($"/organise/installations/{installation.Id}/edit#members\">1</a>", await organiser.GetStringAsync("/organise/installations"));
        var decide = await BrowserForm.LoadAsync(organiser, $"/organise/installations/{installation.Id}/edit", "Decide");
        Assert.Equal(HttpStatusCode.Redirect, (await decide.With("approve", "true").PostAsync(organiser)).StatusCode);
        var link = await app.WithDb(db => db.InstallationMembers.AsNoTracking().SingleAsync(m => m.UserId == user.Id));
        Assert.Equal(MembershipStatus.Approved, link.Status);

        // Approved, but not agreed to be shown: visitors see no contact.
        Assert.DoesNotContain(user.Email!, await app.Browser().GetStringAsync($"/community/{installation.Slug}"));
        Assert.Equal(HttpStatusCode.Redirect, (await AskAsync(member, installation, "Technical lead", show: true)).StatusCode);
        var page = WebUtility.HtmlDecode(await app.Browser().GetStringAsync($"/community/{installation.Slug}"));
        Assert.Contains($"{user.DisplayName}, Technical lead · <a href=\"mailto:{user.Email}\">", page);

        // Taking the link back takes the contact away.
        var leave = await BrowserForm.LoadAsync(member, $"/community/{installation.Slug}", "Leave");
        Assert.Equal(HttpStatusCode.Redirect, (await leave.PostAsync(member)).StatusCode);
        Assert.DoesNotContain(user.Email!, await app.Browser().GetStringAsync($"/community/{installation.Slug}"));
    }

    [Fact]
    public async Task A_declined_member_may_ask_again_and_a_stale_decision_is_refused()
    {
        var installation = await InstallationAsync();
        var user = await app.CreateUserAsync();
        var member = await app.SignInAsync(user);
        await AskAsync(member, installation, "Data manager", show: true);
        var organiser = await app.BrowserAs(Roles.Organiser);
        var first = await BrowserForm.LoadAsync(organiser, $"/organise/installations/{installation.Id}/edit", "Decide");
        Assert.Equal(HttpStatusCode.Redirect, (await first.With("approve", "false").PostAsync(organiser)).StatusCode);
        Assert.Contains("An organiser declined your request", WebUtility.HtmlDecode(await member.GetStringAsync($"/community/{installation.Slug}")));
        Assert.DoesNotContain(user.Email!, await app.Browser().GetStringAsync($"/community/{installation.Slug}"));

        var again = await BrowserForm.LoadAsync(member, $"/community/{installation.Slug}", "Ask");
        Assert.Equal(HttpStatusCode.Redirect, (await again.PostAsync(member)).StatusCode);
        Assert.Equal(MembershipStatus.Requested, await app.WithDb(db => db.InstallationMembers.Where(m => m.UserId == user.Id).Select(m => m.Status).SingleAsync()));
        // The organiser's form was drawn before the member asked again: it no longer decides.
        Assert.Equal(HttpStatusCode.Conflict, (await first.With("approve", "true").PostAsync(organiser)).StatusCode);
    }

    [Fact]
    public async Task Asking_needs_an_account_a_long_role_is_refused_and_others_cannot_decide()
    {
        var installation = await InstallationAsync();
        var anonymous = app.Browser();
        // Visitors get no form (their page is the cached one); a post made anyway is refused and saves nothing.
        var refused = await anonymous.PostAsync($"/community/{installation.Slug}?handler=Ask", new FormUrlEncodedContent([new("role", "x"), new("showPublicly", "true")]));
        Assert.True((int)refused.StatusCode is >= 300 and < 500);
        Assert.False(await app.WithDb(db => db.InstallationMembers.AnyAsync(m => m.InstallationId == installation.Id)));
        Assert.Contains("Sign in</a> to ask to be linked", WebUtility.HtmlDecode(await anonymous.GetStringAsync($"/community/{installation.Slug}")));

        var user = await app.CreateUserAsync();
        var member = await app.SignInAsync(user);
        var tooLong = await AskAsync(member, installation, new string('x', 200), show: true);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooLong.StatusCode);
        Assert.Contains("Keep your role under 120 characters.", Forms.Errors(await tooLong.BodyAsync()));
        Assert.False(await app.WithDb(db => db.InstallationMembers.AnyAsync(m => m.UserId == user.Id)));

        await AskAsync(member, installation, "Developer", show: true);
        var id = await app.WithDb(db => db.InstallationMembers.Where(m => m.UserId == user.Id).Select(m => m.Id).SingleAsync());
        foreach (var role in new[] { Roles.Member, Roles.Reviewer })
        {
            var client = await app.BrowserAs(role);
            var post = await client.PostAsync($"/organise/installations/{installation.Id}/edit?handler=Decide",
                new FormUrlEncodedContent([new("member", id.ToString()), new("approve", "true")]));
            Assert.True((int)post.StatusCode is >= 300 and < 500);
        }
        Assert.Equal(MembershipStatus.Requested, await app.WithDb(db => db.InstallationMembers.Where(m => m.Id == id).Select(m => m.Status).SingleAsync()));
    }

    [Fact]
    public async Task An_organiser_adds_a_png_logo_and_other_files_are_refused()
    {
        var installation = await InstallationAsync();
        var organiser = await app.BrowserAs(Roles.Organiser);
        var edit = $"/organise/installations/{installation.Id}/edit";
        var version = (await BrowserForm.LoadAsync(organiser, edit, "Logo")).Fields.First(f => f.Key == "version").Value;
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. new byte[200]];
        var saved = await organiser.PostUploadAsync($"{edit}?handler=Logo", new Dictionary<string, string> { ["version"] = version }, ("logo", "logo.png", png), edit);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var page = WebUtility.HtmlDecode(await app.Browser().GetStringAsync($"/community/{installation.Slug}"));
        Assert.Matches($"<img src=\"/community/{installation.Slug}/logo\\?v=[0-9a-f]{{12}}\" alt=\"Logo of Atlas of Living Costa Rica\"", page);
        var logo = await app.Browser().GetAsync($"/community/{installation.Slug}/logo");
        Assert.Equal("image/png", logo.Content.Headers.ContentType?.MediaType);

        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"u8.ToArray();
        version = (await BrowserForm.LoadAsync(organiser, edit, "Logo")).Fields.First(f => f.Key == "version").Value;
        var refused = await organiser.PostUploadAsync($"{edit}?handler=Logo", new Dictionary<string, string> { ["version"] = version }, ("logo", "logo.svg", svg), edit);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("A logo is a PNG or JPEG image.", Forms.Errors(await refused.BodyAsync()));
        Assert.Equal(HttpStatusCode.OK, (await app.Browser().GetAsync($"/community/{installation.Slug}/logo")).StatusCode);
    }
}
