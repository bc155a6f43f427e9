using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Workshops.Core;

/// <summary>
/// What the site counts about its own work, for OpenTelemetry (exposed at /metrics): emails, packs, search. Queue
/// lengths are read when scraped (see Telemetry in the web project). Static, as the runtime's own meters are: a meter
/// is found by its name, whoever made it.
/// </summary>
public static class SiteMetrics
{
    public const string MeterName = "Workshops";
    public const string JobSourceName = "Workshops.Jobs";

    private static readonly Meter Meter = new(MeterName);

    /// <summary>Spans for background jobs, each a child of the request that started it.</summary>
    public static readonly ActivitySource Jobs = new(JobSourceName);

    public static readonly Counter<long> EmailsSent = Meter.CreateCounter<long>("workshops.emails.sent", "{email}", "Emails the mail server accepted.");
    public static readonly Counter<long> EmailsFailed = Meter.CreateCounter<long>("workshops.emails.failed", "{email}", "Emails given up on: refused for good, or too many tries.");
    public static readonly Counter<long> PacksBuilt = Meter.CreateCounter<long>("workshops.packs.built", "{pack}", "Attendee packs written as PDF.");
    public static readonly Histogram<double> SearchDuration = Meter.CreateHistogram<double>("workshops.search.duration", "s", "Time to answer an archive search, results and count.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5] });
}
