using System.Diagnostics;
using Hangfire.Client;
using Hangfire.Server;
using Microsoft.Extensions.Logging;

namespace Workshops.Core.Jobs;

/// <summary>
/// Carries the request's trace into the jobs it starts: the job keeps the W3C trace id of the request that queued it,
/// and runs in a span that is that request's child, with a log scope naming the request and the job. Logs of a job
/// then carry the same TraceId as the request's, so one search finds both.
/// </summary>
public sealed class JobTracing(ILoggerFactory loggers) : IClientFilter, IServerFilter
{
    public const string TraceParameter = "traceparent";
    public const string RequestParameter = "requestId";
    private const string ActivityItem = "workshops.activity";
    private const string ScopeItem = "workshops.log-scope";

    private readonly ILogger _log = loggers.CreateLogger("Workshops.Jobs");

    /// <summary>The request a job is queued in, set by the web host for the length of each request.</summary>
    public static readonly AsyncLocal<string?> CurrentRequest = new();

    public void OnCreating(CreatingContext context)
    {
        if (Activity.Current?.Id is { } parent) context.SetJobParameter(TraceParameter, parent);
        if (CurrentRequest.Value is { } request) context.SetJobParameter(RequestParameter, request);
    }

    public void OnCreated(CreatedContext context) { }

    public void OnPerforming(PerformingContext context)
    {
        var job = context.BackgroundJob.Job;
        var name = job is null ? "job" : $"{job.Type.Name}.{job.Method.Name}";
        var parent = context.GetJobParameter<string>(TraceParameter);
        var request = context.GetJobParameter<string>(RequestParameter);
        var activity = StartChild(name, parent);
        activity?.SetTag("hangfire.job.id", context.BackgroundJob.Id);
        context.Items[ActivityItem] = activity;
        var scope = new Dictionary<string, object?> { ["JobId"] = context.BackgroundJob.Id, ["Job"] = name };
        if (request is not null) scope["RequestId"] = request;
        context.Items[ScopeItem] = _log.BeginScope(scope);
        _log.LogInformation("Job {Job} {JobId} started{ForRequest}", name, context.BackgroundJob.Id, request is null ? "" : " for request " + request);
    }

    /// <summary>
    /// An activity that is the child of <paramref name="parent"/> (a W3C trace id): a recorded span when traces are
    /// exported, otherwise an activity of its own, which logging still reads its trace id from.
    /// </summary>
    public static Activity StartChild(string name, string? parent)
    {
        if (SiteMetrics.Jobs.StartActivity(name, ActivityKind.Internal, parent) is { } recorded) return recorded;
        var activity = new Activity(name);
        if (parent is not null) activity.SetParentId(parent);
        return activity.Start();
    }

    public void OnPerformed(PerformedContext context)
    {
        var activity = context.Items.TryGetValue(ActivityItem, out var a) ? a as Activity : null;
        if (context.Exception is { } e && !context.ExceptionHandled) activity?.SetStatus(ActivityStatusCode.Error, e.Message);
        if (context.Items.TryGetValue(ScopeItem, out var scope)) (scope as IDisposable)?.Dispose();
        activity?.Dispose();
    }
}

/// <summary>Hangfire's own filters (global ones and attributes on jobs) and this host's tracing.</summary>
public sealed class HostJobFilters(JobTracing tracing) : Hangfire.Common.IJobFilterProvider
{
    private readonly Hangfire.Common.JobFilter _tracing = new(tracing, Hangfire.Common.JobFilterScope.Global, null);

    public IEnumerable<Hangfire.Common.JobFilter> GetFilters(Hangfire.Common.Job job) =>
        Hangfire.Common.JobFilterProviders.Providers.GetFilters(job).Append(_tracing);
}
