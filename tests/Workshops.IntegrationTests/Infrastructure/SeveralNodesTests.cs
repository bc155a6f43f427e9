using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workshops.Core.Data;
using Workshops.Core.Email;
using Workshops.IntegrationTests.Support;
using Workshops.Web.Infrastructure;

namespace Workshops.IntegrationTests.Infrastructure;

/// <summary>
/// Two nodes of the site on one PostgreSQL database, in this process: what one node evicts, the other evicts too,
/// and the email rate is one grid for both. The whole thing behind nginx, with processes killed, is ScaleOutTests in
/// the end-to-end suite.
/// </summary>
public sealed class SeveralNodesTests : IAsyncLifetime
{
    private readonly AppFactory _first = new();
    private OtherNode _second = null!;

    public async Task InitializeAsync()
    {
        await _first.InitializeAsync();
        _second = new OtherNode(_first.Database, _first.DataDirectory);
        _ = _second.Server;
    }

    public async Task DisposeAsync()
    {
        await _second.DisposeAsync();
        await _first.DisposeAsync();
    }

    [PostgresFact]
    public async Task A_change_evicts_the_visitors_page_on_the_other_node_too()
    {
        await _first.AddWorkshopAsync("two-nodes");
        var onFirst = _first.Browser();
        var onSecond = _second.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Contains("Real Jardín Botánico", await onSecond.GetStringAsync("/workshops/two-nodes"));
        Assert.Contains("Real Jardín Botánico", await onFirst.GetStringAsync("/workshops/two-nodes"));

        // Written behind both nodes' backs: each keeps serving its copy, which shows the copies are what is served.
        await _first.WithDb(db => db.Database.ExecuteSqlAsync($"""UPDATE "Workshops" SET "Venue" = 'Jardim Botânico' WHERE "Slug" = 'two-nodes'"""));
        Assert.Contains("Real Jardín Botánico", await onSecond.GetStringAsync("/workshops/two-nodes"));

        // The first node evicts, as a desk does after a change; the second hears it through PostgreSQL.
        await _first.Services.GetRequiredService<IOutputCacheStore>().EvictAsync(default);
        Assert.Contains("Jardim Botânico", await onFirst.GetStringAsync("/workshops/two-nodes"));
        var seen = "";
        for (var look = 0; look < 100 && !seen.Contains("Jardim Botânico"); look++)
        {
            seen = await onSecond.GetStringAsync("/workshops/two-nodes");
            if (!seen.Contains("Jardim Botânico")) await Task.Delay(50);
        }
        Assert.Contains("Jardim Botânico", seen);
        Assert.DoesNotContain("Real Jardín Botánico", seen);
    }

    [PostgresFact]
    public async Task Two_nodes_sending_at_once_share_one_grid_of_slots()
    {
        // One email every 100 ms for the site (600 a minute): 30 turns asked on each node at the same moment.
        var interval = TimeSpan.FromMilliseconds(100);
        // Whole seconds (PostgreSQL keeps microseconds), an hour ahead of any slot given before, so the grid starts at now.
        var now = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds());
        var connection = _first.Database.ConnectionString;
        var nodes = new[] { new SharedPaceGrid(connection), new SharedPaceGrid(connection) };
        var turns = await Task.WhenAll(Enumerable.Range(0, 60).Select(i => nodes[i % 2].NextSlotAsync(now, interval, default)));

        var slots = turns.Order().ToList();
        Assert.Equal(60, slots.Distinct().Count());
        for (var i = 0; i < slots.Count; i++) Assert.Equal(now + i * interval, slots[i]);
        // After a quiet spell the grid starts again from the moment asked, with nothing owed to catch up.
        var later = now.AddMinutes(5);
        Assert.Equal(later, await nodes[0].NextSlotAsync(later, interval, default));
    }

    [Fact]
    public async Task Ready_and_live_answer_apart_from_the_whole_health_report()
    {
        var client = _first.Browser();
        // A stranger (the test client has no loopback address) learns one word; the details are for this machine
        // and admins (DrainTests reads them over loopback).
        foreach (var path in new[] { "/healthz/ready", "/healthz/live", "/healthz" })
        {
            using var answer = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            Assert.Equal("Healthy", await answer.Content.ReadAsStringAsync());
        }
        var admin = await _first.BrowserAs(Workshops.Core.Domain.Accounts.Roles.Admin);
        var ready = await admin.GetStringAsync("/healthz/ready");
        Assert.Contains("\"node\":{\"status\":\"Healthy\",\"description\":\"serving\"}", ready);
        Assert.Contains("\"database\"", ready);
        Assert.DoesNotContain("\"jobs\"", ready);
        Assert.Contains("\"checks\":{}", await admin.GetStringAsync("/healthz/live"));
        Assert.Contains("\"jobs\"", await admin.GetStringAsync("/healthz"));
    }

    /// <summary>The second node: same database and file folder, and (in this process) no job server of its own.</summary>
    private sealed class OtherNode(TestDatabase database, string dataDirectory) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseTestDefaults(database, dataDirectory, "Test Workshops");
            builder.UseSetting("Site:BaseUrl", "http://localhost");
            builder.UseSetting("Jobs:RunServer", "false");
        }
    }
}
