using System.Runtime.InteropServices;
using System.Text;

namespace Workshops.Benchmarks;

/// <summary>RESULTS.md: each figure beside the bare Kestrel baseline of the same run, and the target.</summary>
public static partial class Report
{
    public sealed record Figures(double FirstStartMs, double SiteStartMs, double BareStartMs, double SiteIdleMb, double SiteServedMb, double BareMb, IReadOnlyDictionary<string, double> Breakdown,
        WrkResult SiteWrk, WrkResult BareWrk, string WorkshopPath, int Rounds, int Seconds, IReadOnlyList<RushResult> Rushes, AgendaResult Agenda, MaterialsResult Materials);

    public static string Write(Figures f)
    {
        var rpsRatio = f.SiteWrk.RequestsPerSecond / f.BareWrk.RequestsPerSecond;
        var s = new StringBuilder();
        s.AppendLine("# Benchmark results");
        s.AppendLine();
        s.AppendLine($"Written by `tests/Benchmarks/run.sh` on {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC: {Environment.ProcessorCount} cores, " +
                     $"{RuntimeInformation.OSDescription}, .NET {Environment.Version}. The baseline is a bare Kestrel app " +
                     "(tests/Benchmarks/BareKestrel) published, started and measured the same way in the same run, so the ratios " +
                     "hold across machines while the absolute figures do not.");
        s.AppendLine();
        s.AppendLine("| measure | Workshops | bare Kestrel | ratio | target | met |");
        s.AppendLine("|---|---|---|---|---|---|");
        s.AppendLine($"| start-up to first 200 from /healthz (median of {f.Rounds}) | {f.SiteStartMs:0} ms | {f.BareStartMs:0} ms | {f.SiteStartMs / f.BareStartMs:0.0}× | under 2 000 ms | {Yes(f.SiteStartMs < 2000)} |");
        s.AppendLine($"| resident memory (VmRSS), started and 10 s idle | {f.SiteIdleMb:0} MB | {f.BareMb:0} MB | {f.SiteIdleMb / f.BareMb:0.0}× | under 150 MB | {Yes(f.SiteIdleMb < 150)} |");
        s.AppendLine($"| resident memory after serving both pages 50 times, then 10 s idle | {f.SiteServedMb:0} MB | {f.BareMb:0} MB | {f.SiteServedMb / f.BareMb:0.0}× | under 150 MB | {Yes(f.SiteServedMb < 150)} |");
        s.AppendLine($"| requests per second, workshop page vs bare endpoint (wrk, 2 threads, 16 connections, {f.Seconds} s) | {f.SiteWrk.RequestsPerSecond:0} | {f.BareWrk.RequestsPerSecond:0} | {rpsRatio:P0} | at least 20% | {Yes(rpsRatio >= 0.2)} |");
        s.AppendLine($"| median latency under that load | {f.SiteWrk.Latency} | {f.BareWrk.Latency} | | | |");
        s.AppendLine();
        s.AppendLine($"The very first start, on an empty data folder with migrations and demo data, took {f.FirstStartMs:0} ms (not a target).");
        s.AppendLine($"The workshop page measured is `{f.WorkshopPath}` from the demo data, on SQLite; non-2xx answers: {f.SiteWrk.Errors}.");
        s.AppendLine();
        WriteAgenda(s, f.Agenda);
        WriteMaterials(s, f.Materials);
        WriteSearch(s, f.Materials.Search);
        WriteRush(s, f.Rushes);
        s.AppendLine();
        s.AppendLine("Where the site's memory is after serving pages (resident, from /proc/pid/smaps):");
        s.AppendLine();
        foreach (var (kind, mb) in f.Breakdown.OrderByDescending(k => k.Value)) s.AppendLine($"- {kind}: {mb:0} MB");
        s.AppendLine();
        s.AppendLine("Run it again with `tests/Benchmarks/run.sh`; wrk load and the site share the same cores, as do the baseline's.");
        return s.ToString();
    }

    public const string RushHeading = "## Registration rush";
    public const string RushEnd = "PostgreSQL runs when WORKSHOPS_BENCH_POSTGRES names a server the benchmark may create a database on.";

    public static void WriteRush(StringBuilder s, IReadOnlyList<RushResult> rushes)
    {
        s.AppendLine("## Registration rush");
        s.AppendLine();
        s.AppendLine("Signed-in participants register (first come) through the real form; the baseline is the workshop page served to as many " +
                     "wrk connections in the same run. After a 20 s warm-up, short rounds alternate the two, and the table shows the round with the " +
                     $"median ratio ({rushes.FirstOrDefault()?.Rounds} rounds). Then each burst fires every participant's registration at once at a fresh workshop.");
        s.AppendLine();
        s.AppendLine("The target compares registering with the workshop page as the people registering get it: signed in, built for them " +
                     "each time. Anonymous visitors get a kept copy (output cache), far cheaper than any write; that ratio is shown for scale only.");
        s.AppendLine();
        s.AppendLine("| database | registrations per second (32 clients) | workshop page, signed in | ratio | target | met | workshop page, visitors (kept copy) | ratio |");
        s.AppendLine("|---|---|---|---|---|---|---|---|");
        foreach (var r in rushes)
        {
            var cached = r.RegistrationsPerSecond / r.PageRequestsPerSecond;
            var built = r.RegistrationsPerSecond / r.SignedInPageRequestsPerSecond;
            s.AppendLine($"| {r.Provider} | {r.RegistrationsPerSecond:0} | {r.SignedInPageRequestsPerSecond:0} | {built:P1} | at least 25% | {Yes(built >= 0.25)} | {r.PageRequestsPerSecond:0} | {cached:P1} |");
        }
        s.AppendLine();
        s.AppendLine("The site's processor time per request in that round (user and system, all threads, including sending the receipts):");
        s.AppendLine();
        s.AppendLine("| database | per registration | per signed-in page |");
        s.AppendLine("|---|---|---|");
        foreach (var r in rushes) s.AppendLine($"| {r.Provider} | {r.RegistrationCpuMs:0.00} ms | {r.PageCpuMs:0.00} ms |");
        s.AppendLine();
        s.AppendLine("| database | bursts × attempts for seats | seats given twice | target | met | seats left empty while people waited | server errors | seat counters off | emails not sent |");
        s.AppendLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var r in rushes)
            s.AppendLine($"| {r.Provider} | {r.Bursts} × {r.Attempts} for {r.Seats} | {r.Overbooked} | 0 | {Yes(r.Overbooked == 0)} | {r.Underfilled} | {r.ServerErrors} | {r.CounterMismatches} | {r.UnsentEmails} |");
        s.AppendLine();
        s.AppendLine("A registration is a form post that checks the answers, takes a seat by conditional update, writes the registration, its " +
                     "history and its receipt email in one transaction, and the email is then sent by a job, all on the same two cores as the " +
                     "clients. With no SMTP server set, the site writes each email as a file; here that folder is in memory (tmpfs), standing in " +
                     "for the SMTP relay a real site sends to, while the database stays on disk. Every receipt is checked to have gone out. " +
                     "Both paths are warmed up before they are measured.");
        s.AppendLine("PostgreSQL runs when WORKSHOPS_BENCH_POSTGRES names a server the benchmark may create a database on.");
        s.AppendLine("The rate limiter is on, as in production: every registration and sign-in is counted in the database, per address " +
                     "and per account; only its limits are raised, since all the clients come from one loopback address.");
    }

    /// <summary>Puts a new rush section in place of the old one, keeping what follows it (the memory breakdown of the full run).</summary>
    public static string ReplaceRush(string existing, string section)
    {
        var start = existing.IndexOf(RushHeading, StringComparison.Ordinal);
        var end = start < 0 ? -1 : existing.IndexOf(RushEnd, start, StringComparison.Ordinal);
        if (start < 0 || end < 0) return ReplaceSection(existing, RushHeading, section);
        var after = existing.IndexOf('\n', end) + 1;
        // The line about the rate limiter belongs to the section too.
        if (existing.AsSpan(after).StartsWith("The rate limiter is on")) after = existing.IndexOf('\n', after) + 1;
        return existing[..start] + section + existing[after..];
    }

    private static void WriteAgenda(StringBuilder s, AgendaResult a)
    {
        var cached = a.Cached / a.Bare;
        var uncached = a.Uncached / a.Bare;
        s.AppendLine("## Agenda page");
        s.AppendLine();
        s.AppendLine($"The public agenda of a workshop with 4 days, 6 rooms and 300 items ({a.PageBytes / 1024.0:0} KB of HTML), against bare Kestrel sending the same bytes " +
            $"from memory (`/body` of tests/Benchmarks/BareKestrel), wrk with 2 threads and 16 connections, {a.Rounds} alternating rounds of {a.Seconds} s, the round with the median uncached ratio.");
        s.AppendLine();
        s.AppendLine("| measure | requests per second | median latency | ratio to bare Kestrel | target | met |");
        s.AppendLine("|---|---|---|---|---|---|");
        s.AppendLine($"| bare Kestrel, same bytes | {a.Bare:0} | {a.BareLatency} | | | |");
        s.AppendLine($"| agenda page, visitors (output cache) | {a.Cached:0} | {a.CachedLatency} | {cached:P0} | at least 60% | {Yes(cached >= 0.6)} |");
        s.AppendLine($"| agenda page, built for every request | {a.Uncached:0} | {a.UncachedLatency} | {uncached:P0} | at least 20% | {Yes(uncached >= 0.2)} |");
        s.AppendLine();
        s.AppendLine($"\"Built for every request\" sends the same anonymous request with an `Authorization` header, for which output caching stores nothing, so every answer renders the whole page, as signed-in people get it. " +
            "Which version is the latest is read from the database at most every two seconds (kept that briefly, and dropped at once on publishing); a published version's items are parsed, and each item's markup written, once per version. " +
            $"Publishing evicts the cached page (integration tests check that visitors and signed-in people see v2 at once). Non-2xx answers: {a.Errors}.");
        s.AppendLine();
    }

    public static void WriteMaterials(StringBuilder s, MaterialsResult m)
    {
        var d = m.Download;
        var ratio = d.SiteMBps / d.NginxMBps;
        var growth = m.Memory.PeakMb - m.Memory.BeforeMb;
        s.AppendLine("## Materials: downloads");
        s.AppendLine();
        s.AppendLine($"A 1 GiB file downloaded with curl from the site's `/materials/{{id}}/file` (the viewer's right checked, streamed from the file store) and from nginx " +
            $"serving the same file from a folder (sendfile on, its usual setup) in the same run: {d.Rounds} alternating rounds after one warm-up download from each, the round with the median ratio.");
        s.AppendLine();
        s.AppendLine("| measure | Workshops | baseline | ratio | target | met |");
        s.AppendLine("|---|---|---|---|---|---|");
        s.AppendLine($"| 1 GiB download, megabytes per second | {d.SiteMBps:0} | nginx {d.NginxMBps:0} | {ratio:P0} | at least 50% | {Yes(ratio >= 0.5)} |");
        s.AppendLine($"| resident memory growth, {m.Memory.Clients} downloads at once ({m.Memory.ClientRate}B/s each, {m.Memory.Seconds} s) | {growth:0} MB ({m.Memory.BeforeMb:0} → {m.Memory.PeakMb:0} MB) | | | under 64 MB | {Yes(growth < 64)} |");
        s.AppendLine();
        s.AppendLine($"The memory figure is the highest VmRSS sampled every 50 ms while {m.Memory.Clients} curl clients, each held to {m.Memory.ClientRate}B/s like people on real links, " +
            $"downloaded the file for {m.Memory.Seconds} s ({m.Memory.BytesSent / 1e9:0.0} GB sent in all), against the site's VmRSS after the download rounds and 3 s idle.");
        s.AppendLine();
    }

    public const string SearchHeading = "## Archive search";

    public static void WriteSearch(StringBuilder s, IReadOnlyList<SearchLatency> search)
    {
        s.AppendLine(SearchHeading);
        s.AppendLine();
        s.AppendLine($"Measured on {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC.");
        s.AppendLine();
        s.AppendLine("| measure | Workshops | baseline | ratio | target | met |");
        s.AppendLine("|---|---|---|---|---|---|");
        foreach (var q in search)
            s.AppendLine($"| search `/archive?q=` over {q.Materials:N0} materials, {q.Provider}, 95th percentile (50th, 99th) | {q.P95:0.0} ms ({q.P50:0.0}, {q.P99:0.0}) | bare Kestrel {q.BareP95:0.0} ms ({q.BareP50:0.0}) | {q.P95 / q.BareP95:0}× | under 20 ms | {Yes(q.P95 < 20)} |");
        s.AppendLine();
        s.AppendLine("The slowest single query at its 95th percentile (20 requests each): " + string.Join("; ", search.Select(q => $"{q.Provider} `{q.WorstP95.Query}` {q.WorstP95.P95:0.0} ms")) + ".");
        s.AppendLine("The slowest queries, by median: " + string.Join("; ", search.Select(q => $"{q.Provider} " + string.Join(", ", q.Slowest.Select(x => $"`{x.Query}` {x.MedianMs:0.0} ms")))) + ".");
        s.AppendLine();
        s.AppendLine($"Search runs one request at a time, as one person searches: {MaterialsData.Queries.Length} queries (common words found in nearly every file, rare ones, " +
            "speakers' names, two words, with a year, type or country filter) in turn after a warm-up round, " +
            $"{search.FirstOrDefault()?.Requests} requests in all. Each answer is the whole archive page with 20 highlighted results. The archive has {MaterialsData.Events} past events " +
            $"of {MaterialsData.MaterialsPerEvent} materials, each file with 300 to 700 words of text, indexed by the site's own index (FTS5 on SQLite, tsvector on PostgreSQL). " +
            $"The baseline is bare Kestrel sending the bytes of one results page ({search.FirstOrDefault()?.PageBytes / 1024.0:0} KB) the same way. " +
            $"One statement finds the matches with their scores in one pass over the index (filters and the viewer's access inside it: a column of filter words in FTS5, " +
            $"btree indexes beside the GIN index on PostgreSQL), ranks at most {Workshops.Core.Domain.Archive.ArchiveSearch.RankedAtMost} of them (all of them for rarer words, in the engine's own order), " +
            "and reads the page's 20 rows; the words are marked and the passage cut in the site, not by FTS5's snippet or ts_headline, which read every text again.");
        s.AppendLine();
    }

    private static string Yes(bool met) => met ? "yes" : "**no**";
}
