using System.Net;

namespace Workshops.IntegrationTests.Infrastructure;

/// <summary>
/// A node asked to stop (SIGTERM, as systemd and docker do) first says it is not ready while it goes on serving, so a
/// load balancer that checks /healthz/ready takes it out before its port closes; then it ends by itself.
/// </summary>
[Trait("Category", "Processes")]
public sealed class DrainTests : IAsyncLifetime
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "workshops-tests", Guid.NewGuid().ToString("N"));
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(Path.Combine(_data, "db"));

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        try { Directory.Delete(_data, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task A_stopping_node_says_not_ready_and_keeps_serving_while_it_drains()
    {
        var environment = new Dictionary<string, string>
        {
            ["Database__Provider"] = _database.Provider,
            ["Storage__DataDirectory"] = Path.Combine(_data, "site"),
            ["Logging__LogLevel__Default"] = "Warning",
            ["Site__DrainSeconds"] = "3",
        };
        if (_database.Provider == "Postgres") environment["Database__ConnectionString"] = _database.ConnectionString;
        await using var site = await SiteProcess.StartAsync(SiteProcess.BuiltSite(), environment);
        using var http = new HttpClient { BaseAddress = new Uri(site.BaseUrl) };
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/healthz/ready")).StatusCode);

        site.Terminate();
        var notReady = false;
        for (var look = 0; look < 40 && !notReady; look++)
        {
            notReady = (await http.GetAsync("/healthz/ready")).StatusCode == HttpStatusCode.ServiceUnavailable;
            if (!notReady) await Task.Delay(25);
        }
        Assert.True(notReady, "/healthz/ready kept answering 200 after SIGTERM");
        // Over loopback the answer says why, as an operator reads it.
        using (var why = await http.GetAsync("/healthz/ready"))
            Assert.Contains("stopping: finishing its requests", await why.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/healthz/live")).StatusCode);
        using var page = await http.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);

        using var exited = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await site.WaitForExitAsync(exited.Token);
        Assert.True(site.HasExited);
    }
}
