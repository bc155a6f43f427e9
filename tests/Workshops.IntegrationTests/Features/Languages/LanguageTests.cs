using System.Net;
using Microsoft.EntityFrameworkCore;
using Workshops.IntegrationTests.Support;

namespace Workshops.IntegrationTests.Features.Languages;

/// <summary>Which language a page is in: the browser's at first, then the visitor's choice, kept in a cookie and in the account.</summary>
public sealed class LanguageTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Cookie = ".AspNetCore.Culture";

    private HttpClient Visitor(string acceptLanguage)
    {
        var client = app.Browser();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(acceptLanguage);
        return client;
    }

    private static async Task<string> LangOf(HttpClient client, string path)
    {
        var page = await client.GetStringAsync(path);
        var start = page.IndexOf("<html lang=\"", StringComparison.Ordinal) + 12;
        return page[start..page.IndexOf('"', start)];
    }

    [Fact]
    public async Task The_first_visit_follows_the_browser()
    {
        var response = await Visitor("es-AR,es;q=0.9,en;q=0.5").GetAsync("/archive");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("es", response.Content.Headers.ContentLanguage.Single());
        Assert.Contains("<html lang=\"es\">", await response.Content.ReadAsStringAsync());

        Assert.Equal("pt", await LangOf(Visitor("pt-BR"), "/archive"));
        Assert.Equal("en", await LangOf(Visitor("de-DE,de;q=0.9"), "/archive")); // a language the site does not speak
        Assert.Equal("en", await LangOf(app.Browser(), "/archive"));
    }

    [Fact]
    public async Task The_switcher_lists_each_language_in_itself_and_keeps_the_choice_in_a_cookie()
    {
        var client = Visitor("es");
        var page = await client.GetStringAsync("/archive");
        foreach (var (code, name) in new[] { ("en", "English"), ("es", "Español"), ("fr", "Français"), ("pt", "Português") })
            Assert.Contains($"name=\"lang\" value=\"{code}\" lang=\"{code}\"", page.Replace("\r", ""));
        Assert.Contains(">Français</button>", WebUtility.HtmlDecode(page));
        Assert.Contains("name=\"return\" value=\"/archive\"", page);

        var switched = await client.PostAsync("/language", new FormUrlEncodedContent(new Dictionary<string, string> { ["lang"] = "fr", ["return"] = "/archive?q=atlas" }));
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal("/archive?q=atlas", switched.Headers.Location!.OriginalString);
        Assert.Contains(switched.Headers.GetValues("Set-Cookie"), c => c.StartsWith($"{Cookie}=c%3Dfr%7Cuic%3Dfr", StringComparison.Ordinal));
        Assert.Equal("fr", await LangOf(client, "/archive")); // the cookie wins over the browser's Spanish
    }

    [Fact]
    public async Task The_switcher_refuses_an_unknown_language_and_returns_only_to_this_site()
    {
        var client = app.Browser();
        var refused = await client.PostAsync("/language", new FormUrlEncodedContent(new Dictionary<string, string> { ["lang"] = "xx", ["return"] = "/archive" }));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Choose one of the site's languages", await refused.Content.ReadAsStringAsync());
        Assert.False(refused.Headers.Contains("Set-Cookie"));

        var empty = await client.PostAsync("/language", new StringContent(""));
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);

        foreach (var away in new[] { "//evil.example/x", "https://evil.example/", "/\\evil.example" })
        {
            var response = await client.PostAsync("/language", new FormUrlEncodedContent(new Dictionary<string, string> { ["lang"] = "pt", ["return"] = away }));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/", response.Headers.Location!.OriginalString);
        }
    }

    [Fact]
    public async Task A_member_s_choice_is_kept_in_the_account_and_follows_them_to_another_browser()
    {
        var user = await app.CreateUserAsync();
        var client = await app.SignInAsync(user);
        var switched = await client.PostAsync("/language", new FormUrlEncodedContent(new Dictionary<string, string> { ["lang"] = "es", ["return"] = "/account" }));
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal("es", await app.WithDb(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.Language).SingleAsync()));

        // A new browser, which asks for English: signing in brings the account's language.
        var elsewhere = app.Browser();
        elsewhere.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var signedIn = await elsewhere.PostFormAsync("/account/signin", new() { ["Input.Email"] = user.Email!, ["Input.Password"] = AppFactory.Password });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Contains(signedIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith($"{Cookie}=c%3Des%7Cuic%3Des", StringComparison.Ordinal));
        Assert.Equal("es", await LangOf(elsewhere, "/account"));
    }

    [Fact]
    public async Task The_account_page_sets_the_language_and_refuses_one_the_site_does_not_speak()
    {
        var user = await app.CreateUserAsync();
        var client = await app.SignInAsync(user);
        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/account"));
        Assert.Contains("<label for=\"Language\">", page);
        Assert.Contains("<option value=\"pt\" lang=\"pt\">Português</option>", page);

        var saved = await client.PostFormAsync("/account?handler=Language", new() { ["Language"] = "pt" }, "/account");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains(saved.Headers.GetValues("Set-Cookie"), c => c.StartsWith($"{Cookie}=c%3Dpt%7Cuic%3Dpt", StringComparison.Ordinal));
        Assert.Equal("pt", await app.WithDb(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.Language).SingleAsync()));
        Assert.Equal("pt", await LangOf(client, "/account"));

        var refused = await client.PostFormAsync("/account?handler=Language", new() { ["Language"] = "klingon" }, "/account");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.NotEmpty(Forms.Errors(await refused.BodyAsync()));
        Assert.Equal("pt", await app.WithDb(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.Language).SingleAsync()));
    }

    [Fact]
    public async Task Visitors_cannot_set_an_account_language()
    {
        var response = await app.Browser().PostAsync("/account?handler=Language", new FormUrlEncodedContent(new Dictionary<string, string> { ["Language"] = "es" }));
        Assert.True((int)response.StatusCode is >= 300 and < 500);
    }

    [Fact]
    public async Task Cached_pages_are_kept_apart_per_language()
    {
        // The home page is cached for visitors; each language has its own copy.
        Assert.Equal("es", await LangOf(Visitor("es"), "/"));
        Assert.Equal("en", await LangOf(Visitor("en"), "/"));
        Assert.Equal("fr", await LangOf(Visitor("fr"), "/"));
        Assert.Equal("es", await LangOf(Visitor("es"), "/"));
    }

    [Fact]
    public async Task New_accounts_keep_the_language_they_signed_up_in()
    {
        var client = Visitor("fr-FR");
        var email = $"fr-{Guid.NewGuid():N}@example.org";
        var response = await client.PostFormAsync("/account/signup", new()
        {
            ["Input.DisplayName"] = "Amélie Durand",
            ["Input.Email"] = email,
            ["Input.Password"] = AppFactory.Password,
            ["Input.ConfirmPassword"] = AppFactory.Password,
        }, "/account/signup");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("fr", await app.WithDb(db => db.Users.Where(u => u.Email == email).Select(u => u.Language).SingleAsync()));
    }
}
