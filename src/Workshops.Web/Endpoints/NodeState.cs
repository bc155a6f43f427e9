using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Workshops.Core;

namespace Workshops.Web.Endpoints;

/// <summary>
/// Whether this node should get requests: not before it has started, and not once it is stopping. On stopping it keeps
/// serving for Site:DrainSeconds while /healthz/ready says no, so a load balancer takes it out before its port closes;
/// then the server finishes the requests it has, and the job server hands back the jobs it had not finished.
/// </summary>
public sealed class NodeState(IHostApplicationLifetime lifetime, IOptions<SiteOptions> site, ILogger<NodeState> log) : IHealthCheck, IHostedLifecycleService
{
    private volatile bool _draining;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default) => Task.FromResult(
        _draining ? HealthCheckResult.Unhealthy("stopping: finishing its requests")
        : !lifetime.ApplicationStarted.IsCancellationRequested ? HealthCheckResult.Unhealthy("starting")
        : HealthCheckResult.Healthy("serving"));

    public async Task StoppingAsync(CancellationToken ct)
    {
        _draining = true;
        var drain = TimeSpan.FromSeconds(site.Value.DrainSeconds);
        if (drain <= TimeSpan.Zero) return;
        log.LogInformation("Stopping: serving {Seconds} s more while /healthz/ready answers 503", site.Value.DrainSeconds);
        try { await Task.Delay(drain, ct); }
        catch (OperationCanceledException) { }
    }

    public Task StartingAsync(CancellationToken ct) => Task.CompletedTask;
    public Task StartAsync(CancellationToken ct) => Task.CompletedTask;
    public Task StartedAsync(CancellationToken ct) => Task.CompletedTask;
    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken ct) => Task.CompletedTask;
}
