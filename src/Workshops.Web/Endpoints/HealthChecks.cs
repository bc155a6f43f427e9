using System.Text.Json;
using Hangfire;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Workshops.Core.Data;
using Workshops.Core.Storage;

namespace Workshops.Web.Endpoints;

public static class HealthChecks
{
    public static IHealthChecksBuilder AddWorkshopChecks(this IHealthChecksBuilder builder) => builder
        .AddDbContextCheck<AppDbContext>("database")
        .AddCheck<JobServerCheck>("jobs")
        .AddCheck<StorageCheck>("storage");

    public static void MapHealth(this WebApplication app) =>
        app.MapHealthChecks("/healthz", new HealthCheckOptions { ResponseWriter = WriteJson }).AllowAnonymous();

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
