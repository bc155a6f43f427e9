using System.Text;

namespace Workshops.Benchmarks;

public static partial class Report
{
    public const string ApiHeading = "## API: the agenda as JSON";

    public static void WriteApi(StringBuilder s, ApiResult r)
    {
        s.AppendLine(ApiHeading);
        s.AppendLine();
        s.AppendLine($"Measured on {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC. `GET /api/v1/workshops/{{slug}}/agenda` for the workshop of 4 days, 6 rooms and 300 items " +
                     $"({r.ApiBytes / 1024} KB of JSON; the HTML page is {r.PageBytes / 1024} KB), against bare Kestrel sending the same JSON bytes from memory, " +
                     $"in the same run: wrk with 2 threads and 16 connections, {r.Rounds} rounds of {r.Seconds} s in which the baseline and each measure take turns, " +
                     "the round with the median ratio for the API built for every request. \"ETag held\" sends the answer's ETag in `If-None-Match` and gets 304 " +
                     "with no body; \"built for every request\" carries an `Authorization` header, which output caching stores nothing for. Non-2xx-or-3xx answers: " + r.Errors + ".");
        s.AppendLine();
        s.AppendLine("| measure | requests per second | median latency | ratio to bare Kestrel | target | met |");
        s.AppendLine("|---|---|---|---|---|---|");
        var pageCached = r.Rate(ApiBench.PageCached) / r.Bare;
        var pageUncached = r.Rate(ApiBench.PageUncached) / r.Bare;
        foreach (var rate in r.Rates)
        {
            var ratio = rate.Measure.StartsWith("bare", StringComparison.Ordinal) ? "" : $"{rate.RequestsPerSecond / r.Bare:P0}";
            var (target, met) = rate.Measure switch
            {
                ApiBench.NotModified or ApiBench.Cached => ($"as the cached page ({pageCached:P0}) or better", Yes(rate.RequestsPerSecond / r.Bare >= pageCached * 0.95)),
                ApiBench.Uncached => ($"as the page built for every request ({pageUncached:P0}) or better", Yes(rate.RequestsPerSecond / r.Bare >= pageUncached * 0.95)),
                _ => ("", ""),
            };
            s.AppendLine($"| {rate.Measure} | {rate.RequestsPerSecond:0} | {rate.Latency} | {ratio} | {target} | {met} |");
        }
        s.AppendLine();
        s.AppendLine("The target is the HTML agenda page's own ratios in the same run (within 5 %, the spread between rounds). A published version's answer " +
                     "is built from the version kept in memory; its ETag is a hash of the bytes, so a client polling for changes pays for a 304 only.");
        s.AppendLine();
    }
}
