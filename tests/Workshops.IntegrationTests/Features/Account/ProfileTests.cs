using System.Net;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Domain.Accounts;
using Workshops.IntegrationTests.Support;

namespace Workshops.IntegrationTests.Features.Account;

/// <summary>The account page is the person's home: their name, institution and country, which fill their forms in.</summary>
public sealed class ProfileTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static Dictionary<string, string> Profile(string name, string institution, string country, string? stamp = null)
    {
        var form = new Dictionary<string, string> { ["Profile.DisplayName"] = name, ["Profile.Institution"] = institution, ["Profile.Country"] = country };
        if (stamp is not null) form["Profile.Stamp"] = stamp;
        return form;
    }

    [Fact]
    public async Task A_saved_profile_shows_in_the_header_and_fills_the_registration_form()
    {
        var user = await app.CreateUserAsync();
        var client = await app.SignInAsync(user);
        var saved = await client.PostFormAsync("/account?handler=Profile", Profile("Maria da Conceição Oliveira", "Universidade de São Paulo", "BR"), "/account");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var stored = await app.WithDb(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == user.Id));
        Assert.Equal(("Maria da Conceição Oliveira", "Universidade de São Paulo", "BR"), (stored.DisplayName, stored.Institution, stored.Country));
        var account = WebUtility.HtmlDecode(await client.GetStringAsync("/account"));
        Assert.Contains("Maria da Conceição Oliveira", account); // the header's name, renewed at once
        Assert.Contains("<option value=\"BR\" selected=\"selected\">Brazil</option>", account);

        var workshop = await app.AddWorkshopAsync($"pf-{Guid.NewGuid():N}"[..20]);
        await app.AddRegistrationAsync(workshop);
        var form = WebUtility.HtmlDecode(await client.GetStringAsync($"/workshops/{workshop.Slug}/register"));
        Assert.Contains("value=\"Universidade de São Paulo\"", form);
        Assert.Contains("<option value=\"BR\" selected=\"selected\">Brazil</option>", form);
    }

    [Fact]
    public async Task Every_problem_is_shown_at_once_and_nothing_is_saved()
    {
        var user = await app.CreateUserAsync();
        var client = await app.SignInAsync(user);
        var refused = await client.PostFormAsync("/account?handler=Profile", Profile("", new string('x', AppUser.MaxInstitution + 1), "Atlantis"), "/account");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var errors = Forms.Errors(await refused.BodyAsync());
        Assert.Contains($"Give your name: 2 to {AppUser.MaxDisplayName} characters.", errors);
        Assert.Contains($"Your institution can be at most {AppUser.MaxInstitution} characters.", errors);
        Assert.Contains("Choose your country from the list.", errors);
        var stored = await app.WithDb(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == user.Id));
        Assert.Equal((user.DisplayName, (string?)null, (string?)null), (stored.DisplayName, stored.Institution, stored.Country));
    }

    [Fact]
    public async Task A_form_drawn_before_another_change_is_refused()
    {
        var user = await app.CreateUserAsync();
        var client = await app.SignInAsync(user);
        var stale = await client.PostFormAsync("/account?handler=Profile", Profile("Ana Pérez", "SiB Colombia", "CO", stamp: "an-older-stamp"), "/account");
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.NotEqual("Ana Pérez", await app.WithDb(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.DisplayName).SingleAsync()));
    }

    [Fact]
    public async Task Visitors_are_sent_to_sign_in()
    {
        var response = await app.Browser().GetAsync("/account");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/signin", response.Headers.Location!.ToString());
        var post = await app.Browser().PostAsync("/account?handler=Profile", new FormUrlEncodedContent(Profile("X Y", "Z", "BR")));
        Assert.True((int)post.StatusCode is >= 300 and < 500);
    }
}
