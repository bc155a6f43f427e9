using System.Text;
using System.Text.RegularExpressions;

namespace Workshops.Benchmarks;

public sealed record MemorySample(string Settings, double IdleMb, double ServedMb, double CachedRps, double BuiltRps, double FirstBuiltMs);

/// <summary>
/// The site as it ships, against runtime settings that trade speed for memory (no background GC, the GC conserving
/// memory, no tiered PGO; given as DOTNET_ variables), against itself keeping its program files' pages when quiet, and,
/// when MEMORY_BEFORE names an earlier build's
/// Workshops.Web.dll, against that build: resident memory started and idle, after serving pages, and the throughput
/// each costs, in alternating rounds on the demo data.
/// </summary>
public static class MemoryBench
{
    public const string Heading = "## Memory settings";

    private static readonly Dictionary<string, string> Lean = new()
    {
        ["DOTNET_gcConcurrent"] = "0", ["DOTNET_GCConserveMemory"] = "9", ["DOTNET_TieredPGO"] = "0",
    };

    // Every method compiled once, optimised, instead of a quick copy first and an optimised one when hot.
    private static readonly Dictionary<string, string> NoTiering = new() { ["DOTNET_TieredCompilation"] = "0" };

    // The site keeps the pages of its program files in memory when it goes quiet, as it did before this setting.
    private static readonly Dictionary<string, string> KeepFiles = new() { ["Site__ReleaseMappedFilesWhenQuiet"] = "false" };

    public const string Shipped = "this build, as shipped";
    public const string KeepFilesName = "this build, program files kept when quiet";
    public const string LeanName = "this build, lean settings";
    public const string NoTieringName = "this build, tiered compilation off";
    public const string BeforeName = "the build before";
    public const string FloorName = "the same frameworks, two pages of their own (StackFloor)";

    public static async Task<IReadOnlyList<MemorySample>> RunAsync(string siteDll, int seconds, int rounds = 3, string? beforeDll = null, string? floorDll = null)
    {
        var data = Path.Combine(Path.GetTempPath(), "workshops-memory-" + Guid.NewGuid().ToString("N")[..8]);
        var env = new Dictionary<string, string> { ["Storage__DataDirectory"] = data, ["Logging__LogLevel__Default"] = "Warning" };
        try
        {
            string workshopPath;
            await using (var first = await SiteProcess.StartAsync(siteDll, env, "--seed-demo"))
                workshopPath = WorkshopLink(await first.GetAsync("/"));
            var floorPath = "";
            if (floorDll is not null)
                await using (var first = await SiteProcess.StartAsync(floorDll, env, "--seed"))
                    floorPath = WorkshopLink(await first.GetAsync("/"));
            var samples = new List<MemorySample>();
            for (var r = 0; r < rounds; r++)
            foreach (var (name, dll, extra) in Runs(siteDll, beforeDll, floorDll))
            {
                var path = dll == floorDll ? floorPath : workshopPath;
                Console.WriteLine($"  memory round {r + 1} of {rounds}: {name}...");
                await using var site = await SiteProcess.StartAsync(dll, env.Concat(extra).ToDictionary());
                await Task.Delay(TimeSpan.FromSeconds(10));
                var idle = site.ResidentMegabytes();
                for (var i = 0; i < 50; i++)
                {
                    await site.GetAsync("/");
                    await site.GetAsync(path);
                }
                await Task.Delay(TimeSpan.FromSeconds(10));
                var served = site.ResidentMegabytes();
                // What the quiet trim costs the next visitor: the page built once more, after the quiet spell.
                var firstBuilt = await TimeBuiltAsync(site.BaseUrl + path);
                await Wrk.RunAsync(site.BaseUrl + path, 3, 16);
                var cached = await Wrk.RunAsync(site.BaseUrl + path, seconds, 16);
                // An Authorization header: the output cache stores nothing for it, so the page is built each time.
                var built = await Wrk.RunWithHeaderAsync(site.BaseUrl + path, seconds, 16, "Authorization: Bearer none");
                if (cached.Errors + built.Errors > 0) throw new InvalidOperationException($"{cached.Errors + built.Errors} answers were not 2xx");
                samples.Add(new MemorySample(name, idle, served, cached.RequestsPerSecond, built.RequestsPerSecond, firstBuilt));
            }
            return samples;
        }
        finally
        {
            try { Directory.Delete(data, recursive: true); } catch (IOException) { }
        }
    }

    private static async Task<double> TimeBuiltAsync(string url)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer none");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        using var response = await http.SendAsync(request);
        await response.Content.ReadAsByteArrayAsync();
        response.EnsureSuccessStatusCode();
        return clock.Elapsed.TotalMilliseconds;
    }

    private static string WorkshopLink(string home) => Regex.Match(home, "href=\"(/workshops/[a-z0-9-]+)\"").Groups[1].Value;

    private static IEnumerable<(string Name, string Dll, Dictionary<string, string> Extra)> Runs(string siteDll, string? beforeDll, string? floorDll)
    {
        yield return (Shipped, siteDll, new Dictionary<string, string>());
        yield return (KeepFilesName, siteDll, KeepFiles);
        yield return (LeanName, siteDll, Lean);
        yield return (NoTieringName, siteDll, NoTiering);
        if (beforeDll is not null) yield return (BeforeName, beforeDll, new Dictionary<string, string>());
        if (floorDll is not null) yield return (FloorName, floorDll, new Dictionary<string, string>());
    }

    public static string Section(IReadOnlyList<MemorySample> samples, int seconds)
    {
        static double Median(IEnumerable<double> v) => v.OrderBy(x => x).ElementAt(v.Count() / 2);
        var rows = samples.GroupBy(x => x.Settings).Select(g => (Name: g.Key, Idle: Median(g.Select(x => x.IdleMb)), Served: Median(g.Select(x => x.ServedMb)),
            Cached: Median(g.Select(x => x.CachedRps)), Built: Median(g.Select(x => x.BuiltRps)), First: Median(g.Select(x => x.FirstBuiltMs)))).ToDictionary(r => r.Name);
        var rounds = samples.Count(x => x.Settings == Shipped);
        var s = new StringBuilder();
        s.AppendLine(Heading);
        s.AppendLine();
        s.AppendLine($"Measured on {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC. The published site as it ships (the runtime's defaults), the same with settings that trade speed " +
            "for memory (`DOTNET_gcConcurrent=0`: no background GC; `DOTNET_GCConserveMemory=9`: compact the old generation sooner; `DOTNET_TieredPGO=0`: no instrumented " +
            "copy of hot methods), the same keeping its program files' pages in memory when it goes quiet (`Site__ReleaseMappedFilesWhenQuiet=false`, as before this setting), the same with tiered compilation off (`DOTNET_TieredCompilation=0`: each method compiled once, optimised)" + (rows.ContainsKey(BeforeName) ? ", and the build before this round's memory work (`MEMORY_BEFORE`)" : "") +
            (rows.ContainsKey(FloorName) ? ", and the same frameworks with two pages of their own (`tests/Benchmarks/StackFloor`, its own small data)" : "") +
            $", in {rounds} alternating rounds on the demo data (SQLite); medians. Resident memory (VmRSS) after 10 s idle, then after serving " +
            $"the home and workshop pages 50 times and 10 s idle; requests per second with wrk (2 threads, 16 connections, {seconds} s) on the workshop page from the visitors' cache " +
            "and built for every request (an `Authorization` header); and how long the first page built after the second quiet spell took (one request, before wrk).");
        s.AppendLine();
        s.AppendLine("| build and settings | idle | after serving pages | workshop page, cached | workshop page, built each time | first page built after quiet |");
        s.AppendLine("|---|---|---|---|---|---|");
        foreach (var r in rows.Values) s.AppendLine($"| {r.Name} | {r.Idle:0} MB | {r.Served:0} MB | {r.Cached:0}/s | {r.Built:0}/s | {r.First:0} ms |");
        void Against(string name, string label)
        {
            if (!rows.TryGetValue(name, out var other)) return;
            var shipped = rows[Shipped];
            s.AppendLine($"| {label} | {shipped.Idle - other.Idle:+0;-0} MB | {shipped.Served - other.Served:+0;-0} MB | {shipped.Cached / other.Cached:P0} | {shipped.Built / other.Built:P0} | {shipped.First - other.First:+0;-0} ms |");
        }
        Against(KeepFilesName, "shipped against program files kept");
        Against(LeanName, "shipped against lean");
        Against(NoTieringName, "shipped against tiered compilation off");
        Against(BeforeName, "this build against the build before");
        Against(FloorName, "this build against the same frameworks alone");
        s.AppendLine();
        var met = rows[Shipped].Idle < 150 && rows[Shipped].Served < 170;
        s.AppendLine($"Targets: under 150 MB idle and under 170 MB after serving pages: {(met ? "met" : "not met")}.");
        s.AppendLine();
        s.AppendLine(Notes);
        s.AppendLine();
        return s.ToString();
    }

    private const string Notes =
        "What this round changed, measured one step after another on 2026-12-07 (idle / after pages; 215 / 272 MB before): " +
        "an EF Core compiled model, generated into each provider's migrations assembly by `migrations/add.sh`, so the model is no longer built from the configurations at start " +
        "(about 6,000 methods and their types fewer; to about 202 / 258 MB); OpenTelemetry's room for sets of tags cut from 2,000 per metric to 100 (1,000 for the request metrics " +
        "tagged by route), 8 MB that the metrics set aside when created; `IdleTrim`, one full collection and `malloc_trim` when the site goes quiet after start-up, a burst " +
        "of requests or a job (the heap kept 20 MB of start-up garbage, and serving the two pages allocates 14 MB; never under load; with the metrics, to about 184 / 221 MB); and user Markdown's links checked on " +
        "the parsed document instead of HtmlSanitizer over the HTML, which loaded AngleSharp's 2,600 types at the first page with text (about 10 MB after pages, and pages built for signed-in people are faster without it). " +
        "MVC no longer looks for controllers among the site's types (it has none), which loaded all 2,700 of them, every closure and async method of every page, when the routes were built (to 181 / 207 MB). " +
        "Then: each Razor page is prepared on its first request (`LazyPages`) instead of all 122 at start, with their handlers, bound properties and model metadata read by reflection (about 8 / 7 MB); " +
        "the reads at every start (pending migrations, countries typed as text) are plain queries, where EF built a model with its whole convention set for each (2,200 types, about 3 MB); " +
        "wording with placeholders alone is filled without Fluid, whose parser the home page's news loaded (1,500 types); and the API's request handlers are generated when the site is built " +
        "(`EnableRequestDelegateGenerator`) instead of compiled from expression trees at start (about 3 MB). " +
        "Then: a SQLite site no longer loads Npgsql, its EF Core provider and Hangfire's PostgreSQL storage (each provider's set-up is in a method of its own, " +
        "and the Npgsql meter is named directly instead of through its package's options type), the host is the slim builder without IIS and HTTP/3, " +
        "and Fluid's parser is built at the first email that needs it rather than with the renderer every job asks for: 12 assemblies fewer at start, about 5 MB less idle and 4 MB after pages. " +
        "Last: when the site goes quiet, `IdleTrim` also hands back the pages of its program files (`MappedFiles`: `madvise(MADV_PAGEOUT)` on every file mapping " +
        "that is not written, that is the .NET, ASP.NET Core and library assemblies, native libraries and ICU's data). An idle site held about 105 MB of such pages, " +
        "most of them read once at start-up (the migrations check, the job server, building the routes) and not again; the kernel counts them as the site's until it " +
        "needs the room. Handed back, about 30 MB stay (pages other processes map too, and what the timers read again), and serving pages reads back about 20 MB. " +
        "The cost is in the last column: the first page after a quiet spell reads back the pages it needs (from the page cache, or from disk when nothing else kept them). " +
        "`Site__ReleaseMappedFilesWhenQuiet=false` keeps them: that row is the site as it was before this step. The floor has no such trim and keeps its pages, so it compares with that row (24 / 35 MB above it). " +
        "The floor row is tests/Benchmarks/StackFloor: the same frameworks, used the way the site uses them (Razor Pages with antiforgery, EF Core on SQLite with a compiled model, " +
        "Identity, Data Protection keys in the database, request localization, the output cache, a rate limiter, health checks, OpenTelemetry metrics, Hangfire's server " +
        "with a recurring job), with one small aggregate and two pages of their own; it shows how much of the target the frameworks take before the site adds anything. " +
        "Tiered compilation off saves a few megabytes more, but the cached page then serves less than half the requests (the framework's precompiled code is never optimised further), so it stays on. " +
        "Tried and not kept: ReadyToRun code for the site and its libraries (more code mapped than JIT saved), workstation GC, the lean settings above, the dependency injection container " +
        "without compiled resolvers (`DisableDynamicEngine`), `DOTNET_EnableWriteXorExecute=0`, `DOTNET_GCgen0size`, `MALLOC_ARENA_MAX` (no steady gain), the older segments GC (`libclrgc.so`, 40 MB more), " +
        "a 64 MB GC heap limit (risks out-of-memory in imports, packs and downloads). " +
        "Where the memory was, idle, before the program files' pages were handed back (from /proc/pid/smaps and the runtime's own counts): .NET and ASP.NET Core library files 62 MB (the pages of their code and metadata the site " +
        "touches), the runtime's type data 34 MB and compiled code 5 MB (28,000 types loaded at start, most of them generic instantiations: EF Core's model and queries, " +
        "ASP.NET Core's routing, Hangfire, the site), the runtime's own native code 11 MB, other native libraries 17 MB (ICU alone 8 MB, needed for the four languages' dates and numbers), " +
        "application and library files 17 MB, the managed heap 12 MB after a trim. A bare Kestrel app is 66 MB. " +
        "What the runtime's type data, compiled code and heaps hold cannot be handed back without swap; less of it would take the site off the JIT and reflection (Native AOT, trimming), which Razor Pages, EF Core's query compiler and Hangfire do not support.";
}
