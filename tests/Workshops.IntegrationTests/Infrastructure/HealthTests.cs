using System.Net;
using System.Text.Json;
using Workshops.IntegrationTests.Support;

namespace Workshops.IntegrationTests.Infrastructure;

public sealed class HealthTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Healthz_reports_database_jobs_and_storage()
    {
        // The job server reports its first heartbeat shortly after start.
        HttpResponseMessage response = null!;
        for (var i = 0; i < 50; i++)
        {
            response = await app.Browser().GetAsync("/healthz");
            if (response.StatusCode == HttpStatusCode.OK) break;
            await Task.Delay(200);
        }
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", json.RootElement.GetProperty("status").GetString());
        var checks = json.RootElement.GetProperty("checks");
        foreach (var name in new[] { "database", "jobs", "storage" })
            Assert.Equal("Healthy", checks.GetProperty(name).GetProperty("status").GetString());
    }
}
