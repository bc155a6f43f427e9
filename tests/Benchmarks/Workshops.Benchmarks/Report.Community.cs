using System.Text;

namespace Workshops.Benchmarks;

public static partial class Report
{
    public const string CommunityHeading = "## The community's home: home page and registry";

    public static void WriteCommunity(StringBuilder s, CommunityResult r)
    {
        s.AppendLine(CommunityHeading);
        s.AppendLine();
        s.AppendLine($"Measured on {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, on SQLite, with the demo's data and the registry filled to {r.Installations} installations. " +
                     "Each page is served to visitors from the output cache and measured with wrk (2 threads, 16 connections) against bare Kestrel sending the same " +
                     $"bytes from memory, {r.Rounds} rounds of {r.Seconds} s taking turns, the round with the median ratio. \"Built\" sends an `Authorization` header, " +
                     $"for which the output cache stores nothing, so the page is built for each of {r.BuiltRequests} requests made one after another, as a signed-in " +
                     $"person gets it. Non-2xx answers: {r.Errors}.");
        s.AppendLine();
        s.AppendLine("| page | size | cached, requests per second | bare Kestrel, same bytes | ratio | target | met | built, median (95th percentile) | target | met |");
        s.AppendLine("|---|---|---|---|---|---|---|---|---|---|");
        var workshop = r.Rows[0].CachedRps / r.Rows[0].BareRps;
        foreach (var row in r.Rows)
        {
            var ratio = row.CachedRps / row.BareRps;
            var first = row == r.Rows[0];
            s.AppendLine($"| {row.Page} (`{row.Path}`) | {row.Bytes / 1024} KB | {row.CachedRps:0} | {row.BareRps:0} | {ratio:P0} | " +
                         $"{(first ? "" : $"at least the workshop page's {workshop:P0}")} | {(first ? "" : Yes(ratio >= workshop * 0.95))} | " +
                         $"{row.BuiltMedianMs:0.0} ms ({row.BuiltP95Ms:0.0} ms) | {(first ? "" : "under 20 ms at the median")} | {(first ? "" : Yes(row.BuiltMedianMs < 20))} |");
        }
        s.AppendLine();
        s.AppendLine("\"At least the workshop page's\" allows 5 % for the noise between rounds on a shared machine. The map is drawn on the server once per build " +
                     "of the page from the country shapes kept in memory; the registry's counts, map rows and status chart are worked out once per request.");
        s.AppendLine();
    }
}
