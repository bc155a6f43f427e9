using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Workshops.Core.Domain.Accounts;
using Workshops.IntegrationTests.Support;

namespace Workshops.IntegrationTests.Infrastructure;

/// <summary>
/// /metrics for Prometheus, only to admins and this machine, with the site's own measures beside ASP.NET Core's; and
/// a job started by a request logs under that request's trace id.
/// </summary>
public sealed class TelemetryTests(TelemetryTests.Site app) : IClassFixture<TelemetryTests.Site>
{
    [Fact]
    public async Task Metrics_are_for_admins_and_this_machine_only_and_name_the_sites_own_work()
    {
        var member = await app.CreateUserAsync();
        using (var asked = await app.Browser().PostFormAsync("/account/forgot-password", new() { ["Email"] = member.Email! }))
            Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        await app.Mail.WaitForAsync(member.Email!, "Reset your password");
        using (var searched = await app.Browser().GetAsync("/archive?q=biocache")) Assert.Equal(HttpStatusCode.OK, searched.StatusCode);

        // A stranger (the test client has no loopback address) and a member find no such page.
        Assert.Equal(HttpStatusCode.NotFound, (await app.Browser().GetAsync("/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.BrowserAs(Roles.Member)).GetAsync("/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.BrowserAs(Roles.Organiser)).GetAsync("/metrics")).StatusCode);

        var admin = await app.BrowserAs(Roles.Admin);
        using var scraped = await admin.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, scraped.StatusCode);
        var text = await scraped.Content.ReadAsStringAsync();
        foreach (var name in new[]
        {
            "workshops_emails_sent_total", "workshops_search_duration_seconds_bucket", "workshops_outbox_messages{", "state=\"queued\"", "state=\"failed\"",
            "workshops_jobs{", "state=\"enqueued\"", "http_server_request_duration_seconds_bucket", "dotnet_gc_collections_total",
        })
            Assert.Contains(name, text);
    }

    [Fact]
    public async Task A_job_started_by_a_request_logs_under_that_requests_trace()
    {
        var member = await app.CreateUserAsync();
        const string trace = "4bf92f3577b34da6a3ce929d0e0e4736";
        var client = app.Browser();
        var token = await client.AntiforgeryTokenAsync("/account/forgot-password");
        using var post = new HttpRequestMessage(HttpMethod.Post, "/account/forgot-password")
        {
            Content = new FormUrlEncodedContent([new("Email", member.Email!), new("__RequestVerificationToken", token)]),
        };
        post.Headers.Add("traceparent", $"00-{trace}-00f067aa0ba902b7-01");
        using (var asked = await client.SendAsync(post)) Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        await app.Mail.WaitForAsync(member.Email!, "Reset your password");

        var started = app.Logs.Where(l => l.Category == "Workshops.Jobs" && l.Message.StartsWith("Job SendOutboxJob.Run", StringComparison.Ordinal)
            && l.Scopes.GetValueOrDefault("TraceId") == trace).ToList();
        Assert.NotEmpty(started);
        Assert.All(started, l => Assert.False(string.IsNullOrEmpty(l.Scopes.GetValueOrDefault("RequestId")), "the job's log names no request"));
    }

    public sealed class Site : AppFactory
    {
        public ConcurrentBag<(string Category, string Message, Dictionary<string, string?> Scopes)> Logs { get; } = [];

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureLogging(l => l.AddProvider(new Capture(Logs)));
        }
    }

    /// <summary>Keeps each line with the values of the scopes it was written in, as a structured log would show them.</summary>
    private sealed class Capture(ConcurrentBag<(string, string, Dictionary<string, string?>)> lines) : ILoggerProvider, ISupportExternalScope
    {
        private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

        public ILogger CreateLogger(string category) => new Line(category, this);

        public void SetScopeProvider(IExternalScopeProvider scopes) => _scopes = scopes;

        public void Dispose() { }

        private sealed class Line(string category, Capture owner) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => owner._scopes.Push(state);

            public bool IsEnabled(LogLevel level) => level >= LogLevel.Information;

            public void Log<TState>(LogLevel level, EventId id, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var values = new Dictionary<string, string?>();
                owner._scopes.ForEachScope((scope, into) =>
                {
                    if (scope is IEnumerable<KeyValuePair<string, object?>> pairs)
                        foreach (var (key, value) in pairs) into[key] = value?.ToString();
                }, values);
                owner.Lines.Add((category, formatter(state, exception), values));
            }
        }

        private ConcurrentBag<(string, string, Dictionary<string, string?>)> Lines => lines;
    }
}
