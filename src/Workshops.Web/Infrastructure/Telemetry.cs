using System.Diagnostics.Metrics;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Workshops.Core;
using Workshops.Core.Data;
using Workshops.Core.Email;
using Workshops.Core.Jobs;

namespace Workshops.Web.Infrastructure;

/// <summary>
/// OpenTelemetry: metrics of ASP.NET Core, the runtime, Npgsql and the site's own work (emails, packs, search, the
/// outbox and the job queues), served at /metrics for Prometheus to admins and to callers on this machine; traces of
/// requests, database commands and jobs, recorded and sent over OTLP only when OTEL_EXPORTER_OTLP_ENDPOINT names a
/// collector.
/// </summary>
public static class Telemetry
{
    public const string QueuesMeter = "Workshops.Queues";
    public const string MetricsPath = "/metrics";

    public static IServiceCollection AddTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<QueueGauges>();
        // Every log line written inside a request or a job names its trace, so a job's lines are found with its request's.
        services.Configure<LoggerFactoryOptions>(o => o.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
        var telemetry = services.AddOpenTelemetry()
            .WithMetrics(m => m
                .AddMeter(SiteMetrics.MeterName, QueuesMeter)
                .AddAspNetCoreInstrumentation()
                .AddRuntimeInstrumentation()
                // What AddNpgsqlInstrumentation does, without its options type loading Npgsql on a SQLite site.
                .AddMeter("Npgsql")
                .AddView(instrument => new MetricStreamConfiguration { CardinalityLimit = CardinalityLimit(instrument) })
                .AddPrometheusExporter());
        // Spans are recorded only when they have somewhere to go: recording one for every request and database command
        // costs a cached page most of its speed. Without them, a job still runs in an activity that is its request's
        // child, so its logs carry the request's trace id (see JobTracing).
        if (!string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
            telemetry.WithTracing(t => t
                .AddSource(SiteMetrics.JobSourceName)
                .AddAspNetCoreInstrumentation(o => o.Filter = c => !c.Request.Path.StartsWithSegments(MetricsPath) && !c.Request.Path.StartsWithSegments("/healthz"))
                .AddNpgsql()
                .AddOtlpExporter());
        return services;
    }

    /// <summary>
    /// How many sets of tags each metric keeps. OpenTelemetry sets aside room for 2,000 per metric when the metric is
    /// created, 8 MB for the site's 57 metrics; only the request metrics, tagged by route, come near that many. A set
    /// past the limit is still counted, under otel.metric.overflow.
    /// </summary>
    private static int CardinalityLimit(System.Diagnostics.Metrics.Instrument instrument) =>
        instrument.Name.StartsWith("http.server.", StringComparison.Ordinal)
        || instrument.Name.StartsWith("aspnetcore.routing.", StringComparison.Ordinal) ? 1000 : 100;

    /// <summary>
    /// The scrape endpoint, before the site's own pages: for an admin or a caller on this machine (Prometheus beside the
    /// node); anyone else finds no such page. Behind a proxy the caller is the forwarded address, never the proxy's.
    /// </summary>
    public static WebApplication UseMetricsEndpoint(this WebApplication app)
    {
        app.Services.GetRequiredService<QueueGauges>();
        app.UseOpenTelemetryPrometheusScrapingEndpoint(context => context.Request.Path == MetricsPath
            && (context.User.IsInRole(Core.Domain.Accounts.Roles.Admin)
                || context.Connection.RemoteIpAddress is { } remote && System.Net.IPAddress.IsLoopback(remote)));
        return app;
    }

    /// <summary>Lets jobs queued during a request carry its id into their logs.</summary>
    public static WebApplication UseRequestIdForJobs(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            JobTracing.CurrentRequest.Value = context.TraceIdentifier;
            return next(context);
        });
        return app;
    }
}

/// <summary>Lengths read when Prometheus scrapes: emails in the outbox by state, and Hangfire's jobs by state.</summary>
public sealed class QueueGauges
{
    public QueueGauges(IMeterFactory meters, IServiceScopeFactory scopes, IServiceProvider services)
    {
        var meter = meters.Create(Telemetry.QueuesMeter);
        meter.CreateObservableGauge("workshops.outbox.messages", () => Outbox(scopes), "{email}",
            "Emails not sent yet, by state: queued (waiting), sending, held (a paused campaign) and failed.");
        // The job storage is asked for at the first scrape, once the host has started and checked its settings.
        meter.CreateObservableGauge("workshops.jobs", () => Jobs(services.GetRequiredService<JobStorage>()), "{job}", "Background jobs by state.");
    }

    private static IEnumerable<Measurement<long>> Outbox(IServiceScopeFactory scopes)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var counts = db.OutboxMessages.Where(m => m.Status != OutboxStatus.Sent).GroupBy(m => m.Status)
            .Select(g => new { g.Key, Count = g.LongCount() }).ToList();
        foreach (var status in new[] { OutboxStatus.Queued, OutboxStatus.Sending, OutboxStatus.Held, OutboxStatus.Failed })
            yield return new(counts.FirstOrDefault(c => c.Key == status)?.Count ?? 0, new KeyValuePair<string, object?>("state", status.ToString().ToLowerInvariant()));
    }

    private static IEnumerable<Measurement<long>> Jobs(JobStorage storage)
    {
        var stats = storage.GetMonitoringApi().GetStatistics();
        foreach (var (state, count) in new[] { ("enqueued", stats.Enqueued), ("scheduled", stats.Scheduled), ("processing", stats.Processing), ("failed", stats.Failed) })
            yield return new(count, new KeyValuePair<string, object?>("state", state));
    }
}
