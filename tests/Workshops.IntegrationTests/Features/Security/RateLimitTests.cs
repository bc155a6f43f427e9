using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Workshops.Core.Security;
using Workshops.IntegrationTests.Support;

namespace Workshops.IntegrationTests.Features.Security;

/// <summary>
/// Requests arrive as they do in production: through the proxy on this machine, which names the client in
/// X-Forwarded-For. Each test speaks from addresses of its own, so the limits it reaches are its own.
/// </summary>
public sealed class RateLimitTests(RateLimitTests.Factory app) : IClassFixture<RateLimitTests.Factory>
{
    public sealed class Factory : AppFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings()
        {
            (string Rule, int Permits)[] rules =
            [
                (RateLimitOptions.SignIn, 3), (RateLimitOptions.Account(RateLimitOptions.SignIn), 2),
                (RateLimitOptions.SignUp, 1), (RateLimitOptions.AccountEmail, 1), (RateLimitOptions.Reset, 1), (RateLimitOptions.Setup, 1),
                (RateLimitOptions.TwoFactor, 1), (RateLimitOptions.Register, 1), (RateLimitOptions.Propose, 1), (RateLimitOptions.Search, 2),
            ];
            foreach (var (rule, permits) in rules)
            {
                yield return new($"RateLimits:Rules:{rule}:Permits", permits.ToString());
                yield return new($"RateLimits:Rules:{rule}:WindowSeconds", "3600");
            }
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(s => s.AddTransient<IStartupFilter, ThroughLocalProxy>());
        }
    }

    /// <summary>Names the machine a test request comes from, where a real connection would have its own address.</summary>
    private const string PeerHeader = "X-Test-Peer";

    /// <summary>
    /// The test server has no peer address: here every request comes from the proxy on loopback, as behind nginx,
    /// unless the test names another peer (a stranger connecting directly).
    /// </summary>
    private sealed class ThroughLocalProxy : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = context.Request.Headers.TryGetValue(PeerHeader, out var peer)
                    ? IPAddress.Parse(peer.ToString()) : IPAddress.Loopback;
                return nextMiddleware(context);
            });
            next(app);
        };
    }

    private static int _next;

    private HttpClient From(string? address = null)
    {
        var client = app.Browser();
        client.DefaultRequestHeaders.Add("X-Forwarded-For", address ?? NewAddress());
        return client;
    }

    private static string NewAddress() => $"203.0.113.{Interlocked.Increment(ref _next) % 250 + 1}";

    private static Task<HttpResponseMessage> SignInAsync(HttpClient client, string email) =>
        client.PostFormAsync("/account/signin", new() { ["Input.Email"] = email, ["Input.Password"] = "a wrong password here" });

    private static async Task AssertRefusedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, "no Retry-After");
        var page = await response.Content.ReadAsStringAsync();
        Assert.True(page.Contains("Too many attempts"), System.Text.RegularExpressions.Regex.Match(page, "<main.*?</main>", System.Text.RegularExpressions.RegexOptions.Singleline).Value);
        // Windows follow the clock: near the end of one, the wait is in seconds.
        Assert.Matches(@"Wait \d+ (seconds|minutes|hours) and try again", page);
    }

    [Fact]
    public async Task Sign_in_is_limited_per_client_address()
    {
        var client = From();
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.UnprocessableEntity, (await SignInAsync(client, $"nobody{i}-{Guid.NewGuid():N}@example.org")).StatusCode);
        await AssertRefusedAsync(await SignInAsync(client, $"nobody-{Guid.NewGuid():N}@example.org"));

        // Another client behind the same proxy is not held back by the first one's attempts.
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await SignInAsync(From(), $"nobody-{Guid.NewGuid():N}@example.org")).StatusCode);
        // Reading the form is not an attempt.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/signin")).StatusCode);
    }

    [Fact]
    public async Task Sign_in_is_limited_per_account_whatever_the_address()
    {
        var member = await app.CreateUserAsync();
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await SignInAsync(From(), member.Email!)).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await SignInAsync(From(), member.Email!)).StatusCode);
        await AssertRefusedAsync(await SignInAsync(From(), member.Email!));
    }

    [Fact]
    public async Task A_sender_that_is_not_a_trusted_proxy_cannot_choose_its_address_with_X_Forwarded_For()
    {
        // Straight to the site from a stranger's machine: its X-Forwarded-For is ignored, so a new one each time
        // does not give it new attempts.
        var client = app.Browser();
        client.DefaultRequestHeaders.Add(PeerHeader, "192.0.2.50");
        for (var i = 0; i < 4; i++)
        {
            client.DefaultRequestHeaders.Remove("X-Forwarded-For");
            client.DefaultRequestHeaders.Add("X-Forwarded-For", NewAddress());
            var response = await SignInAsync(client, $"nobody-{Guid.NewGuid():N}@example.org");
            if (i < 3) Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            else await AssertRefusedAsync(response);
        }
    }

    public static TheoryData<string, string> Forms() => new()
    {
        { "/account/signup", "Input.Email" },
        { "/account/forgot-password", "Email" },
        { "/account/resend-confirmation", "Email" },
        { "/account/reset-password?userId=x&code=eA", "Password" },
        { "/setup?token=wrong", "Input.Email" },
        { "/account/signin/two-factor", "Code" },
        { "/account/signin/recovery", "Code" },
    };

    [Theory]
    [MemberData(nameof(Forms))]
    public async Task Each_form_that_costs_or_reveals_something_answers_429_past_its_limit(string path, string field)
    {
        var client = From();
        var fields = new Dictionary<string, string> { [field] = $"x{Guid.NewGuid():N}@example.org" };
        // Any page's form token will do: the limit is met before the form is read.
        var first = await client.PostFormAsync(path, fields, "/account/signin");
        Assert.NotEqual(HttpStatusCode.TooManyRequests, first.StatusCode);
        await AssertRefusedAsync(await client.PostFormAsync(path, fields, "/account/signin"));
    }

    [Fact]
    public async Task Registering_and_proposing_are_limited_for_signed_in_members()
    {
        var member = await app.CreateUserAsync();
        var client = From();
        var signedIn = await client.PostFormAsync("/account/signin", new() { ["Input.Email"] = member.Email!, ["Input.Password"] = AppFactory.Password });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        foreach (var path in new[] { "/workshops/no-such-workshop/register", $"/calls/{Guid.NewGuid()}/propose" })
        {
            var token = await client.AntiforgeryTokenAsync("/account");
            var content = () => new FormUrlEncodedContent([new("__RequestVerificationToken", token)]);
            Assert.NotEqual(HttpStatusCode.TooManyRequests, (await client.PostAsync(path, content())).StatusCode);
            await AssertRefusedAsync(await client.PostAsync(path, content()));
        }
    }

    [Fact]
    public async Task The_api_is_limited_as_the_pages_are_and_says_so_in_a_problem_document()
    {
        var client = From();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/search?q=atlas")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/search?q=biocache")).StatusCode);
        await AssertProblemAsync(await client.GetAsync("/api/v1/search?q=ansible"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/archive")).StatusCode); // reading lists is not searching

        // A program proposing with a token meets the proposal form's limit.
        var token = await app.TokenAsync(await app.CreateUserAsync(), [Workshops.Core.Domain.Accounts.ApiScopes.ProposalsWrite]);
        var program = From();
        program.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        var path = $"/api/v1/calls/{Guid.NewGuid()}/proposals";
        Assert.Equal(HttpStatusCode.NotFound, (await program.PostAsync(path, System.Net.Http.Json.JsonContent.Create(new { title = "One" }))).StatusCode);
        await AssertProblemAsync(await program.PostAsync(path, System.Net.Http.Json.JsonContent.Create(new { title = "Two" })));

        static async Task AssertProblemAsync(HttpResponseMessage response)
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero);
            var problem = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            Assert.Equal(429, (int)problem["status"]!);
            Assert.False(string.IsNullOrEmpty((string?)problem["detail"]), problem.ToJsonString());
        }
    }

    [Fact]
    public async Task Searching_is_limited_but_browsing_the_archive_is_not()
    {
        var client = From();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/archive?q=atlas")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/archive?q=biocache")).StatusCode);
        await AssertRefusedAsync(await client.GetAsync("/archive?q=ansible"));
        for (var i = 0; i < 5; i++) Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/archive")).StatusCode);
    }
}
