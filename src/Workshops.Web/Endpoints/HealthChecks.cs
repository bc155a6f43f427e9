using System.Text.Json;
using Hangfire;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Workshops.Core.Data;
using Workshops.Core.Storage;

namespace Workshops.Web.Endpoints;

/// <summary>
/// Three questions. /healthz/live: is the process answering at all (restart it if not). /healthz/ready: should it get
/// requests (its database and files answer, it has started and is not draining). /healthz: all of that and the job
/// servers, for a person looking.
/// </summary>
public static class HealthChecks
{
    private const string Ready = "ready";

    public static IHealthChecksBuilder AddWorkshopChecks(this IHealthChecksBuilder builder)
    {
        builder.Services.AddSingleton<NodeState>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<NodeState>());
        return builder
            .AddCheck<NodeState>("node", tags: [Ready])
            .AddDbContextCheck<AppDbContext>("database", tags: [Ready])
            .AddCheck<StorageCheck>("storage", tags: [Ready])
            .AddCheck<JobServerCheck>("jobs");
    }

    public static void MapHealth(this WebApplication app)
    {
        app.MapHealthChecks("/healthz", new HealthCheckOptions { ResponseWriter = WriteJson }).AllowAnonymous();
        app.MapHealthChecks("/healthz/ready", new HealthCheckOptions { ResponseWriter = WriteJson, Predicate = c => c.Tags.Contains(Ready) }).AllowAnonymous();
        app.MapHealthChecks("/healthz/live", new HealthCheckOptions { ResponseWriter = WriteJson, Predicate = _ => false }).AllowAnonymous();
    }

    /// <summary>
    /// Strangers learn only healthy or not (the status code and one word): the checks' details name the job
    /// servers and queue sizes. Admins and callers on this machine (a load balancer's probe, an operator) see them.
    /// </summary>
    private static Task WriteJson(HttpContext context, HealthReport report)
    {
        context.Response.Headers.CacheControl = "no-store";
        var remote = context.Connection.RemoteIpAddress;
        var trusted = context.User.IsInRole(Core.Domain.Accounts.Roles.Admin) || remote is not null && System.Net.IPAddress.IsLoopback(remote);
        if (!trusted)
        {
            context.Response.ContentType = "text/plain; charset=utf-8";
            return context.Response.WriteAsync(report.Status == HealthStatus.Healthy ? "Healthy" : "Unhealthy");
        }
        context.Response.ContentType = "application/json; charset=utf-8";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, JsonSerializerOptions.Web));
    }
}

/// <summary>Healthy when at least one job server has reported in recently, so queued emails will go out.</summary>
public sealed class JobServerCheck(JobStorage storage, TimeProvider clock) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        var servers = storage.GetMonitoringApi().Servers();
        var now = clock.GetUtcNow().UtcDateTime;
        var alive = servers.Count(s => s.Heartbeat is { } beat && now - beat < TimeSpan.FromMinutes(5));
        var stats = storage.GetMonitoringApi().GetStatistics();
        var description = $"{alive} job server(s), {stats.Enqueued} enqueued, {stats.Failed} failed";
        return Task.FromResult(alive > 0 ? HealthCheckResult.Healthy(description) : HealthCheckResult.Unhealthy(description));
    }
}

public sealed class StorageCheck(IFileStore files) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default) =>
        await files.IsWritableAsync(ct) ? HealthCheckResult.Healthy("file store writable") : HealthCheckResult.Unhealthy("file store not writable");
}
