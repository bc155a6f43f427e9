using Workshops.Core.Data;

namespace Workshops.Benchmarks;

public sealed record AgendaResult(int PageBytes, double Bare, double Cached, double Uncached, string BareLatency, string CachedLatency, string UncachedLatency,
    long Errors, int Rounds, int Seconds);

/// <summary>
/// The public agenda page of a workshop with 4 days, 6 rooms and 300 items, served to visitors from the output
/// cache and built afresh for every request, against bare Kestrel sending the very same bytes.
/// </summary>
public static class AgendaBench
{
    public static async Task<AgendaResult> RunAsync(string siteDll, string bareDll, int seconds, int rounds = 3)
    {
        var data = Path.Combine(Path.GetTempPath(), "workshops-agenda-" + Guid.NewGuid().ToString("N")[..8]);
        var env = new Dictionary<string, string> { ["Storage__DataDirectory"] = data, ["Logging__LogLevel__Default"] = "Warning" };
        try
        {
            // The site migrates the empty database on its first start; the agenda then goes straight into it.
            await using (await SiteProcess.StartAsync(siteDll, env)) { }
            var path = await AgendaData.SeedAsync(new DatabaseOptions { Provider = DatabaseProvider.Sqlite }, data);
            await using var site = await SiteProcess.StartAsync(siteDll, env);
            var page = await site.GetAsync(path);
            if (!page.Contains("Version v1", StringComparison.Ordinal)) throw new InvalidOperationException("The agenda page shows no published version.");
            var bodyFile = Path.Combine(data, "agenda.html");
            await File.WriteAllTextAsync(bodyFile, page);
            await using var bare = await SiteProcess.StartAsync(bareDll, new Dictionary<string, string> { ["BARE_BODY_FILE"] = bodyFile });

            // Output caching stores nothing for a request that carries credentials, so the same anonymous page is then
            // built for each request: the cost of the page itself, as the first visitor after a publish pays it.
            const string uncached = "Authorization: Bearer benchmark";
            foreach (var (url, header) in new[] { (bare.BaseUrl + "/body", (string?)null), (site.BaseUrl + path, null), (site.BaseUrl + path, uncached) })
                await Wrk.RunWithHeaderAsync(url, 3, 16, header);
            var results = new List<(WrkResult Bare, WrkResult Cached, WrkResult Uncached)>();
            for (var i = 0; i < rounds; i++)
                results.Add((await Wrk.RunWithHeaderAsync(bare.BaseUrl + "/body", seconds, 16, null),
                    await Wrk.RunWithHeaderAsync(site.BaseUrl + path, seconds, 16, null),
                    await Wrk.RunWithHeaderAsync(site.BaseUrl + path, seconds, 16, uncached)));
            // The round whose uncached ratio is the median: one slow patch of the machine does not decide it.
            var median = results.OrderBy(r => r.Uncached.RequestsPerSecond / r.Bare.RequestsPerSecond).ElementAt(results.Count / 2);
            return new AgendaResult(System.Text.Encoding.UTF8.GetByteCount(page), median.Bare.RequestsPerSecond, median.Cached.RequestsPerSecond,
                median.Uncached.RequestsPerSecond, median.Bare.Latency, median.Cached.Latency, median.Uncached.Latency,
                results.Sum(r => r.Cached.Errors + r.Uncached.Errors), rounds, seconds);
        }
        finally
        {
            try { Directory.Delete(data, recursive: true); } catch (IOException) { }
        }
    }
}
