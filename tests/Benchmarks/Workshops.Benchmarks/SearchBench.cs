using System.Diagnostics;

namespace Workshops.Benchmarks;

/// <summary>
/// The archive's search alone, on SQLite and on PostgreSQL: the materials benchmark's 10,000 materials, one person
/// searching the 24 queries in turn. SEARCH_DATA=folder keeps the seeded archives there (and the PostgreSQL database
/// ws_bench_search) and reuses them next time, for whoever works on search; the site migrates them as it starts.
/// </summary>
public static class SearchBench
{
    public static async Task<IReadOnlyList<SearchLatency>> RunAsync(string siteDll, string bareDll, string? postgresServer)
    {
        var keep = Environment.GetEnvironmentVariable("SEARCH_DATA") is { Length: > 0 } kept ? Path.GetFullPath(kept) : null;
        var data = keep ?? Path.Combine(Path.GetTempPath(), "workshops-search-" + Guid.NewGuid().ToString("N")[..8]);
        var results = new List<SearchLatency>();
        try
        {
            foreach (var provider in postgresServer is null ? ["Sqlite"] : new[] { "Sqlite", "Postgres" })
            {
                var site = Path.Combine(data, provider.ToLowerInvariant());
                var seeded = Path.Combine(site, "seeded");
                var reuse = keep is not null && File.Exists(seeded);
                var (database, env, dropDatabase) = await BenchDatabase.CreateAsync(provider, postgresServer, site, keep is null ? null : "ws_bench_search", reuse);
                try
                {
                    await using (await SiteProcess.StartAsync(siteDll, env)) { }
                    if (!reuse)
                    {
                        Console.WriteLine($"  {provider}: seeding {MaterialsData.Events * MaterialsData.MaterialsPerEvent} materials and indexing them...");
                        var clock = Stopwatch.StartNew();
                        await MaterialsData.SeedAsync(database, site);
                        Console.WriteLine($"  {provider}: seeded in {clock.Elapsed.TotalSeconds:0} s");
                        if (keep is not null) await File.WriteAllTextAsync(seeded, DateTime.UtcNow.ToString("O"));
                    }
                    await using var server = await SiteProcess.StartAsync(siteDll, env);
                    results.Add(await MaterialsBench.SearchAsync(server, bareDll, provider, site));
                }
                finally
                {
                    if (dropDatabase is not null && keep is null) await dropDatabase();
                }
            }
            return results;
        }
        finally
        {
            if (keep is null) try { Directory.Delete(data, recursive: true); } catch (IOException) { }
        }
    }
}
