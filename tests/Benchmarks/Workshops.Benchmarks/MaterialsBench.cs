using System.Diagnostics;
using Workshops.Core.Data;

namespace Workshops.Benchmarks;

public sealed record DownloadResult(long Bytes, double SiteMBps, double NginxMBps, int Rounds);
public sealed record MemoryResult(int Clients, string ClientRate, int Seconds, double BeforeMb, double PeakMb, long BytesSent);
public sealed record SearchLatency(string Provider, int Materials, int Requests, double P50, double P95, double P99, double BareP50, double BareP95, int PageBytes,
    IReadOnlyList<(string Query, double MedianMs)> Slowest, (string Query, double P95) WorstP95);
public sealed record MaterialsResult(DownloadResult Download, MemoryResult Memory, IReadOnlyList<SearchLatency> Search);

/// <summary>
/// Materials and the archive: a 1 GiB download through the site against nginx serving the same file, the site's
/// memory while 50 people download at once, and the archive's search over 10,000 materials.
/// </summary>
public static class MaterialsBench
{
    private const long BigFileBytes = 1L << 30;

    public static async Task<MaterialsResult> RunAsync(string siteDll, string bareDll, string? postgresServer, int rounds = 3)
    {
        var data = Path.Combine(Path.GetTempPath(), "workshops-materials-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var folder = Path.Combine(data, "nginx-root");
            Directory.CreateDirectory(folder);
            var bigFile = Path.Combine(folder, "recordings-2024.zip");
            Console.WriteLine("  writing a 1 GiB file...");
            await WriteRandomFileAsync(bigFile, BigFileBytes);

            var search = new List<SearchLatency>();
            DownloadResult? download = null;
            MemoryResult? memory = null;
            foreach (var provider in postgresServer is null ? ["Sqlite"] : new[] { "Sqlite", "Postgres" })
            {
                var site = Path.Combine(data, provider.ToLowerInvariant());
                var (database, env, dropDatabase) = await BenchDatabase.CreateAsync(provider, postgresServer, site);
                try
                {
                    await using (await SiteProcess.StartAsync(siteDll, env)) { }
                    Console.WriteLine($"  {provider}: seeding {MaterialsData.Events * MaterialsData.MaterialsPerEvent} materials and indexing them...");
                    var clock = Stopwatch.StartNew();
                    await MaterialsData.SeedAsync(database, site);
                    Console.WriteLine($"  {provider}: seeded in {clock.Elapsed.TotalSeconds:0} s");
                    var downloadPath = provider == "Sqlite" ? await MaterialsData.AddBigFileAsync(database, site, bigFile) : null;
                    await using var server = await SiteProcess.StartAsync(siteDll, env);
                    search.Add(await SearchAsync(server, bareDll, provider, site));
                    if (downloadPath is not null)
                    {
                        download = await DownloadAsync(server, downloadPath, folder, Path.Combine(data, "nginx"), rounds);
                        memory = await ConcurrentDownloadsAsync(server, downloadPath);
                    }
                }
                finally
                {
                    if (dropDatabase is not null) await dropDatabase();
                }
            }
            return new MaterialsResult(download!, memory!, search);
        }
        finally
        {
            // BENCH_KEEP=1 leaves the seeded folder for a closer look at the queries.
            if (Environment.GetEnvironmentVariable("BENCH_KEEP") == "1") Console.WriteLine("  kept " + data);
            else try { Directory.Delete(data, recursive: true); } catch (IOException) { }
        }
    }

    private static async Task<DownloadResult> DownloadAsync(SiteProcess site, string path, string folder, string nginxWork, int rounds)
    {
        await using var nginx = await Nginx.StartAsync(folder, nginxWork);
        var nginxUrl = nginx.BaseUrl + "/recordings-2024.zip";
        // Once each first: both then read the file from the page cache, as a busy server does.
        Check(await Curl.GetAsync(nginxUrl), "nginx");
        Check(await Curl.GetAsync(site.BaseUrl + path), "the site");
        var pairs = new List<(double Site, double Nginx)>();
        for (var i = 0; i < rounds; i++)
        {
            Console.WriteLine($"  1 GiB download, round {i + 1} of {rounds}...");
            var n = Check(await Curl.GetAsync(nginxUrl), "nginx");
            var s = Check(await Curl.GetAsync(site.BaseUrl + path), "the site");
            pairs.Add((s.BytesPerSecond, n.BytesPerSecond));
        }
        var median = pairs.OrderBy(p => p.Site / p.Nginx).ElementAt(pairs.Count / 2);
        return new DownloadResult(BigFileBytes, median.Site / 1e6, median.Nginx / 1e6, rounds);
    }

    private static Download Check(Download d, string who) =>
        d.Status == 200 && d.Bytes == BigFileBytes ? d : throw new InvalidOperationException($"{who} answered {d.Status} with {d.Bytes} bytes instead of the whole file");

    /// <summary>50 people on 10 MB/s links download the big file at once for 15 s; the site's resident memory is sampled every 50 ms.</summary>
    private static async Task<MemoryResult> ConcurrentDownloadsAsync(SiteProcess site, string path, int clients = 50, string rate = "10M", int seconds = 15)
    {
        Console.WriteLine($"  {clients} concurrent downloads for {seconds} s...");
        await Task.Delay(TimeSpan.FromSeconds(3));
        var before = site.ResidentMegabytes();
        var downloads = Enumerable.Range(0, clients).Select(_ => Curl.GetAsync(site.BaseUrl + path, rate, seconds)).ToList();
        var all = Task.WhenAll(downloads);
        var peak = before;
        while (!all.IsCompleted)
        {
            peak = Math.Max(peak, site.ResidentMegabytes());
            await Task.WhenAny(all, Task.Delay(50));
        }
        var results = await all;
        if (results.Any(r => r.Status != 200)) throw new InvalidOperationException("A concurrent download was refused: " + string.Join(", ", results.Select(r => r.Status).Distinct()));
        return new MemoryResult(clients, rate, seconds, before, peak, results.Sum(r => r.Bytes));
    }

    /// <param name="language">Sent as Accept-Language, so the results page is in that language; none is English.</param>
    internal static async Task<SearchLatency> SearchAsync(SiteProcess site, string bareDll, string provider, string dataDirectory, int repeats = 20, string? language = null)
    {
        Console.WriteLine($"  {provider}: search latency{(language is null ? "" : " in " + language)}...");
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1 }) { Timeout = TimeSpan.FromSeconds(30) };
        if (language is not null) http.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        var paths = MaterialsData.Queries.Select(q => "/archive?q=" + q.Replace(" ", "+")).ToList();
        var sample = await site.GetAsync(paths[0]);
        if (!sample.Contains("<mark>", StringComparison.Ordinal)) throw new InvalidOperationException("The search results highlight nothing; was the archive indexed?");
        var quokkas = await site.GetAsync("/archive?q=quokkas");
        if (!quokkas.Contains("<mark>quokkas</mark>", StringComparison.OrdinalIgnoreCase)) throw new InvalidOperationException("A rare word inside the files' text is not found.");
        var siteTimes = await TimeAsync(http, site.BaseUrl, paths, repeats);
        // Each query's own times: the requests go round the queries in turn.
        var byQuery = MaterialsData.Queries.Select((q, i) => siteTimes.Where((_, j) => j % paths.Count == i).ToList())
            .Select((times, i) => (Query: MaterialsData.Queries[i], MedianMs: Percentile(times, 50), P95: Percentile(times, 95)))
            .OrderByDescending(x => x.MedianMs).ToList();
        foreach (var (query, median, p95) in byQuery) Console.WriteLine($"    {query}: median {median:0.0} ms, 95th {p95:0.0} ms");

        var body = Path.Combine(dataDirectory, "results.html");
        await File.WriteAllTextAsync(body, sample);
        await using var bare = await SiteProcess.StartAsync(bareDll, new Dictionary<string, string> { ["BARE_BODY_FILE"] = body });
        var bareTimes = await TimeAsync(http, bare.BaseUrl, paths.Select(_ => "/body").ToList(), repeats);
        return new SearchLatency(provider, MaterialsData.Events * MaterialsData.MaterialsPerEvent, siteTimes.Count,
            Percentile(siteTimes, 50), Percentile(siteTimes, 95), Percentile(siteTimes, 99), Percentile(bareTimes, 50), Percentile(bareTimes, 95),
            System.Text.Encoding.UTF8.GetByteCount(sample), byQuery.Take(3).Select(x => (x.Query, x.MedianMs)).ToList(),
            byQuery.Select(x => (x.Query, x.P95)).MaxBy(x => x.P95));
    }

    /// <summary>One person searching: each query in turn, one request at a time, after a warm-up round of each.</summary>
    private static async Task<List<double>> TimeAsync(HttpClient http, string baseUrl, IReadOnlyList<string> paths, int repeats)
    {
        foreach (var p in paths.Concat(paths)) (await http.GetAsync(baseUrl + p)).EnsureSuccessStatusCode();
        var times = new List<double>();
        for (var r = 0; r < repeats; r++)
        foreach (var p in paths)
        {
            var clock = Stopwatch.StartNew();
            using var response = await http.GetAsync(baseUrl + p);
            await response.Content.ReadAsByteArrayAsync();
            times.Add(clock.Elapsed.TotalMilliseconds);
            response.EnsureSuccessStatusCode();
        }
        return times;
    }

    private static double Percentile(List<double> values, int p)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p / 100.0 * sorted.Count) - 1)];
    }

    private static async Task WriteRandomFileAsync(string path, long bytes)
    {
        var random = new Random(1);
        var buffer = new byte[1 << 20];
        await using var file = File.Create(path);
        for (long written = 0; written < bytes; written += buffer.Length)
        {
            random.NextBytes(buffer);
            await file.WriteAsync(buffer);
        }
    }
}
