using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;
using Workshops.Core.Domain.Common;
using Workshops.Core.Domain.Community;

namespace Workshops.Benchmarks;

/// <summary>One page: served from the visitors' cache against bare Kestrel sending its bytes, and built for each request one at a time.</summary>
public sealed record CommunityRow(string Page, string Path, int Bytes, double CachedRps, double BareRps, double BuiltMedianMs, double BuiltP95Ms);

public sealed record CommunityResult(IReadOnlyList<CommunityRow> Rows, int Installations, int Rounds, int Seconds, int BuiltRequests, long Errors);

/// <summary>
/// The home page (with the registry's map) and /community with 60 installations beside the workshop page: each from the
/// output cache under wrk against bare Kestrel sending the same bytes in the same run, and built for every request
/// (an Authorization header, which output caching stores nothing for), one request at a time.
/// </summary>
public static class CommunityBench
{
    private const string Uncached = "Authorization: Bearer benchmark";

    public static async Task<CommunityResult> RunAsync(string siteDll, string bareDll, int seconds, int rounds = 3, int built = 200)
    {
        var data = Path.Combine(Path.GetTempPath(), "workshops-community-" + Guid.NewGuid().ToString("N")[..8]);
        var env = new Dictionary<string, string> { ["Storage__DataDirectory"] = data, ["Logging__LogLevel__Default"] = "Warning" };
        try
        {
            Console.WriteLine("  the demo, with the registry filled to 60 installations...");
            string workshopPath;
            await using (var seeded = await SiteProcess.StartAsync(siteDll, env, "--seed-demo"))
                workshopPath = Regex.Match(await seeded.GetAsync("/"), "href=\"(/workshops/[a-z0-9-]+)\"").Groups[1].Value;
            var installations = await FillRegistryAsync(data, 60);

            var rows = new List<CommunityRow>();
            long errors = 0;
            await using var site = await SiteProcess.StartAsync(siteDll, env);
            foreach (var (page, path) in new[] { ("workshop page (the measure of today)", workshopPath), ("home page with the map", "/"), ("/community, 60 installations", "/community") })
            {
                Console.WriteLine($"  {page}...");
                var body = await site.GetAsync(path);
                var bodyFile = Path.Combine(data, "body.html");
                await File.WriteAllTextAsync(bodyFile, body);
                await using var bare = await SiteProcess.StartAsync(bareDll, new Dictionary<string, string> { ["BARE_BODY_FILE"] = bodyFile });
                await Wrk.RunWithHeadersAsync(site.BaseUrl + path, 3, 16, []);
                await Wrk.RunWithHeadersAsync(bare.BaseUrl + "/body", 3, 16, []);
                var pairs = new List<(WrkResult Site, WrkResult Bare)>();
                for (var i = 0; i < rounds; i++)
                    pairs.Add((await Wrk.RunWithHeadersAsync(site.BaseUrl + path, seconds, 16, []), await Wrk.RunWithHeadersAsync(bare.BaseUrl + "/body", seconds, 16, [])));
                var median = pairs.OrderBy(p => p.Site.RequestsPerSecond / p.Bare.RequestsPerSecond).ElementAt(pairs.Count / 2);
                errors += pairs.Sum(p => p.Site.Errors);
                var (p50, p95) = await BuiltAsync(site.BaseUrl + path, built);
                rows.Add(new CommunityRow(page, path, System.Text.Encoding.UTF8.GetByteCount(body), median.Site.RequestsPerSecond, median.Bare.RequestsPerSecond, p50, p95));
            }
            return new CommunityResult(rows, installations, rounds, seconds, built, errors);
        }
        finally
        {
            try { Directory.Delete(data, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>The page built for each request, one after another as one signed-in person would ask: median and 95th percentile.</summary>
    private static async Task<(double P50, double P95)> BuiltAsync(string url, int count)
    {
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Add("Authorization", "Bearer benchmark");
        for (var i = 0; i < 20; i++) await http.GetStringAsync(url);
        var times = new List<double>();
        for (var i = 0; i < count; i++)
        {
            var watch = Stopwatch.StartNew();
            using var response = await http.GetAsync(url);
            await response.Content.ReadAsByteArrayAsync();
            times.Add(watch.Elapsed.TotalMilliseconds);
            if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{url} answered {(int)response.StatusCode}.");
        }
        times.Sort();
        return (times[times.Count / 2], times[(int)(times.Count * 0.95)]);
    }

    /// <summary>Adds installations across the world's countries until the registry holds <paramref name="total"/>.</summary>
    private static async Task<int> FillRegistryAsync(string dataDirectory, int total)
    {
        var builder = new DbContextOptionsBuilder<AppDbContext>();
        DataServices.Configure(builder, new DatabaseOptions { Provider = DatabaseProvider.Sqlite }, dataDirectory);
        await using var db = new AppDbContext(builder.Options);
        var have = await db.Installations.CountAsync();
        var used = (await db.Installations.Select(i => i.Country).ToListAsync()).ToHashSet();
        var countries = Countries.All().Select(c => c.Code).Where(c => !used.Contains(c)).ToList();
        var statuses = Enum.GetValues<InstallationStatus>();
        var now = DateTimeOffset.UtcNow;
        for (var n = 0; have + n < total; n++)
        {
            var country = countries[(n * 7) % countries.Count];
            db.Installations.Add(Installation.Create(new InstallationDetails($"Biodiversity portal {n + 1}", $"bench-portal-{n + 1}", "A national node", country, null,
                "GBIF " + country, "Voting participant", "English", $"https://portal{n + 1}.example.org", statuses[n % statuses.Length], 2015 + n % 10,
                [new InstallationModule("Biocache", $"https://records{n + 1}.example.org"), new InstallationModule("Species", null)], [], "A portal built with the community's tools."), now));
        }
        await db.SaveChangesAsync();
        return await db.Installations.CountAsync();
    }
}
