using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Workshops.Core.Domain.Accounts;
using Workshops.IntegrationTests.Support;

namespace Workshops.IntegrationTests.Infrastructure;

public sealed class SecurityHeaderTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task The_site_has_an_icon_that_every_page_names()
    {
        var icon = await app.Browser().GetAsync("/favicon.ico");
        Assert.Equal(System.Net.HttpStatusCode.OK, icon.StatusCode);
        Assert.Equal("image/x-icon", icon.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<link rel=\"icon\" href=\"/favicon.ico\"", await app.Browser().GetStringAsync("/"));
    }

    public static TheoryData<string> PublicAddresses() =>
    [
        "/", "/archive", "/archive?q=atlas", "/calls", "/news", "/news.atom", "/community", "/account/signin",
        "/account/signup", "/account/forgot-password", "/healthz", "/css/site.css", "/js/local-time.js", "/no-such-page",
    ];

    [Theory]
    [MemberData(nameof(PublicAddresses))]
    public async Task Every_response_carries_the_security_headers(string path)
    {
        var response = await app.Browser().GetAsync(path);

        var csp = Header(response, "Content-Security-Policy");
        var scripts = csp.Split(';').Select(d => d.Trim()).Single(d => d.StartsWith("script-src "));
        Assert.Equal("script-src 'self'", scripts);
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("object-src 'none'", csp);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("same-origin", Header(response, "Referrer-Policy"));
        Assert.Contains("microphone=()", Header(response, "Permissions-Policy"));
    }

    [Fact]
    public async Task No_page_has_an_inline_script()
    {
        foreach (var path in new[] { "/", "/archive", "/calls", "/news", "/account/signin", "/account/signup" })
        {
            var html = await (await app.Browser().GetAsync(path)).Content.ReadAsStringAsync();
            foreach (System.Text.RegularExpressions.Match tag in System.Text.RegularExpressions.Regex.Matches(html, "<script[^>]*>"))
                Assert.Contains("src=", tag.Value);
            Assert.DoesNotMatch(" on(click|load|submit|change|input)=", html);
        }
    }

    [Fact]
    public async Task The_admins_pages_and_the_job_dashboard_have_no_inline_script()
    {
        var admin = await app.BrowserAs(Roles.Admin);
        foreach (var path in new[] { "/admin", "/admin/users", "/admin/security-log", "/admin/jobs", "/account", "/account/two-factor" })
        {
            var response = await admin.GetAsync(path);
            Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode}");
            var html = await response.Content.ReadAsStringAsync();
            foreach (System.Text.RegularExpressions.Match tag in System.Text.RegularExpressions.Regex.Matches(html, "<script[^>]*>"))
                Assert.True(tag.Value.Contains("src="), $"{path} has an inline script: {tag.Value}");
        }
    }

    [Fact]
    public async Task Under_https_the_site_asks_for_https_for_a_year_and_every_cookie_is_secure()
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://workshops.example.org"), AllowAutoRedirect = false });

        var response = await client.GetAsync("/account/signin");

        Assert.Equal("max-age=31536000", Header(response, "Strict-Transport-Security"));
        var cookies = response.Headers.GetValues("Set-Cookie").ToList();
        Assert.NotEmpty(cookies); // the antiforgery cookie
        Assert.All(cookies, c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));

        // Signed in: the sign-in cookie, and TempData's after a redirect, are Secure too.
        var user = await app.CreateUserAsync();
        var signIn = await client.PostFormAsync("/account/signin", new() { ["Input.Email"] = user.Email!, ["Input.Password"] = AppFactory.Password });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var set = signIn.Headers.GetValues("Set-Cookie").ToList();
        Assert.Contains(set, c => c.StartsWith("workshops.auth="));
        Assert.All(set, c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Over_plain_http_there_is_no_hsts()
    {
        var response = await app.Browser().GetAsync("/");
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task Healthz_tells_strangers_one_word_and_admins_the_details()
    {
        var anonymous = await WaitHealthyAsync(app.Browser());
        Assert.Equal("Healthy", await anonymous.Content.ReadAsStringAsync());

        var admin = await WaitHealthyAsync(await app.BrowserAs(Roles.Admin));
        using var json = JsonDocument.Parse(await admin.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", json.RootElement.GetProperty("checks").GetProperty("jobs").GetProperty("status").GetString());

        var member = await (await app.BrowserAs(Roles.Member)).GetStringAsync("/healthz");
        Assert.DoesNotContain("jobs", member);
    }

    private static async Task<HttpResponseMessage> WaitHealthyAsync(HttpClient client)
    {
        // The job server reports its first heartbeat shortly after start.
        for (var i = 0; ; i++)
        {
            var response = await client.GetAsync("/healthz");
            if (response.StatusCode == HttpStatusCode.OK || i == 50) return response;
            await Task.Delay(200);
        }
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : throw new Xunit.Sdk.XunitException($"{name} is missing on {response.RequestMessage!.RequestUri}");
}
