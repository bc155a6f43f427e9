using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Workshops.Benchmarks;

// Measures the site against a bare Kestrel app on the same machine in the same run, and writes RESULTS.md.
// Usage: Workshops.Benchmarks <site dll> <bare kestrel dll> <results file> [rounds] [wrk seconds]
if (args.Length < 3)
{
    Console.Error.WriteLine("usage: Workshops.Benchmarks <Workshops.Web.dll> <BareKestrel.dll> <RESULTS.md> [rounds=5] [seconds=10]");
    return 2;
}
var (siteDll, bareDll, resultsPath) = (Path.GetFullPath(args[0]), Path.GetFullPath(args[1]), Path.GetFullPath(args[2]));
var rounds = args.Length > 3 ? int.Parse(args[3]) : 5;
var seconds = args.Length > 4 ? int.Parse(args[4]) : 10;
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;

var data = Path.Combine(Path.GetTempPath(), "workshops-bench-" + Guid.NewGuid().ToString("N")[..8]);
var siteEnv = new Dictionary<string, string>
{
    ["Storage__DataDirectory"] = data,
    ["Logging__LogLevel__Default"] = "Warning",
};
var bareEnv = new Dictionary<string, string>();

if (Environment.GetEnvironmentVariable("RUSH_ONLY") == "1")
{
    // The rush alone, on SQLite and (with WORKSHOPS_BENCH_POSTGRES) PostgreSQL: puts its tables into RESULTS.md in
    // place of their last figures, keeping the rest.
    var server = Environment.GetEnvironmentVariable("WORKSHOPS_BENCH_POSTGRES");
    var bursts = int.Parse(Environment.GetEnvironmentVariable("RUSH_BURSTS") ?? "20");
    var rushes = new List<RushResult> { await RegistrationRush.RunAsync(siteDll, "Sqlite", null, seconds, bursts: bursts) };
    if (server is { Length: > 0 }) rushes.Add(await RegistrationRush.RunAsync(siteDll, "Postgres", server, seconds, bursts: bursts));
    var section = new StringBuilder();
    Report.WriteRush(section, rushes);
    var existing = File.Exists(resultsPath) ? await File.ReadAllTextAsync(resultsPath) : "# Benchmark results\n";
    await File.WriteAllTextAsync(resultsPath, Report.ReplaceRush(existing, section.ToString()), new UTF8Encoding(false));
    Console.WriteLine(section);
    return 0;
}

if (Environment.GetEnvironmentVariable("AGENDA_ONLY") == "1")
{
    // For working on the agenda page alone: prints its figures, writes nothing.
    Console.WriteLine(await AgendaBench.RunAsync(siteDll, bareDll, seconds));
    return 0;
}

if (Environment.GetEnvironmentVariable("MATERIALS_ONLY") == "1")
{
    // For working on downloads and search alone: prints its figures, writes nothing.
    var section = new StringBuilder();
    Report.WriteMaterials(section, await MaterialsBench.RunAsync(siteDll, bareDll, Environment.GetEnvironmentVariable("WORKSHOPS_BENCH_POSTGRES") is { Length: > 0 } pg ? pg : null));
    Console.WriteLine(section);
    return 0;
}

if (Environment.GetEnvironmentVariable("MEMORY_ONLY") == "1")
{
    // The memory settings against the runtime's defaults alone: puts its section into RESULTS.md in place of its last figures.
    var before = Environment.GetEnvironmentVariable("MEMORY_BEFORE") is { Length: > 0 } b ? b : null;
    // The frameworks alone, published beside the bare Kestrel app by run.sh.
    var floor = Path.Combine(Path.GetDirectoryName(bareDll)!, "..", "floor", "StackFloor.dll");
    var section = MemoryBench.Section(await MemoryBench.RunAsync(siteDll, seconds, rounds, before, File.Exists(floor) ? Path.GetFullPath(floor) : null), seconds);
    var existing = File.Exists(resultsPath) ? await File.ReadAllTextAsync(resultsPath) : "# Benchmark results\n";
    await File.WriteAllTextAsync(resultsPath, Report.ReplaceSection(existing, MemoryBench.Heading, section), new UTF8Encoding(false));
    Console.WriteLine(section);
    return 0;
}

if (Environment.GetEnvironmentVariable("SEARCH_ONLY") == "1")
{
    // The archive's search alone: puts its section into RESULTS.md in place of its last figures, keeping the rest.
    var section = new StringBuilder();
    Report.WriteSearch(section, await SearchBench.RunAsync(siteDll, bareDll, Environment.GetEnvironmentVariable("WORKSHOPS_BENCH_POSTGRES") is { Length: > 0 } pg ? pg : null));
    var existing = File.Exists(resultsPath) ? await File.ReadAllTextAsync(resultsPath) : "# Benchmark results\n";
    await File.WriteAllTextAsync(resultsPath, Report.ReplaceSection(existing, Report.SearchHeading, section.ToString()), new UTF8Encoding(false));
    Console.WriteLine(section);
    return 0;
}

if (Environment.GetEnvironmentVariable("EMAIL_ONLY") == "1")
{
    // The campaign benchmark alone: puts its section into RESULTS.md in place of its last figures, keeping the rest.
    var section = await EmailSectionAsync(siteDll);
    var existing = File.Exists(resultsPath) ? await File.ReadAllTextAsync(resultsPath) : "# Benchmark results\n";
    await File.WriteAllTextAsync(resultsPath, Report.ReplaceSection(existing, Report.EmailHeading, section), new UTF8Encoding(false));
    Console.WriteLine(section);
    return 0;
}

if (Environment.GetEnvironmentVariable("LANGUAGES_ONLY") == "1")
{
    // The pages in Spanish beside English alone: puts its section into RESULTS.md in place of its last figures, keeping the rest.
    var section = await LanguagesSectionAsync(siteDll, bareDll, seconds);
    var existing = File.Exists(resultsPath) ? await File.ReadAllTextAsync(resultsPath) : "# Benchmark results\n";
    await File.WriteAllTextAsync(resultsPath, Report.ReplaceSection(existing, Report.LanguagesHeading, section), new UTF8Encoding(false));
    Console.WriteLine(section);
    return 0;
}

if (Environment.GetEnvironmentVariable("API_ONLY") == "1")
{
    // The API's agenda alone: puts its section into RESULTS.md in place of its last figures, keeping the rest.
    var section = await ApiSectionAsync(siteDll, bareDll, seconds);
    var existing = File.Exists(resultsPath) ? await File.ReadAllTextAsync(resultsPath) : "# Benchmark results\n";
    await File.WriteAllTextAsync(resultsPath, Report.ReplaceSection(existing, Report.ApiHeading, section), new UTF8Encoding(false));
    Console.WriteLine(section);
    return 0;
}

if (Environment.GetEnvironmentVariable("COMMUNITY_ONLY") == "1")
{
    // The home page and the registry alone: puts its section into RESULTS.md in place of its last figures, keeping the rest.
    var section = await CommunitySectionAsync(siteDll, bareDll, seconds);
    var existing = File.Exists(resultsPath) ? await File.ReadAllTextAsync(resultsPath) : "# Benchmark results\n";
    await File.WriteAllTextAsync(resultsPath, Report.ReplaceSection(existing, Report.CommunityHeading, section), new UTF8Encoding(false));
    Console.WriteLine(section);
    return 0;
}

if (Environment.GetEnvironmentVariable("SCALE_ONLY") == "1")
{
    // One node and two nodes behind nginx alone (PostgreSQL): puts its section into RESULTS.md in place of its last figures.
    var section = await ScaleSectionAsync(siteDll, seconds);
    if (section is null)
    {
        Console.Error.WriteLine("SCALE_ONLY needs WORKSHOPS_BENCH_POSTGRES: several nodes share PostgreSQL.");
        return 2;
    }
    var existing = File.Exists(resultsPath) ? await File.ReadAllTextAsync(resultsPath) : "# Benchmark results\n";
    await File.WriteAllTextAsync(resultsPath, Report.ReplaceSection(existing, ScaleOutBench.Heading, section), new UTF8Encoding(false));
    Console.WriteLine(section);
    return 0;
}

if (Environment.GetEnvironmentVariable("PACKS_ONLY") == "1")
{
    // The pack benchmark alone: puts its section into RESULTS.md in place of its last figures, keeping the rest.
    var section = PacksSection();
    var existing = File.Exists(resultsPath) ? await File.ReadAllTextAsync(resultsPath) : "# Benchmark results\n";
    await File.WriteAllTextAsync(resultsPath, Report.ReplaceSection(existing, Report.PacksHeading, section), new UTF8Encoding(false));
    Console.WriteLine(section);
    return 0;
}

try
{
    // First start ever: empty folder, migrations, demo data. Not compared, but people feel it once.
    Console.WriteLine("first start (migrations and demo data)...");
    TimeSpan firstStart;
    string workshopPath;
    await using (var site = await SiteProcess.StartAsync(siteDll, siteEnv, "--seed-demo"))
    {
        firstStart = site.StartUp;
        var home = await site.GetAsync("/");
        workshopPath = Regex.Match(home, "href=\"(/workshops/[a-z0-9-]+)\"").Groups[1].Value;
        if (workshopPath.Length == 0) throw new InvalidOperationException("The home page links to no workshop; did the demo seed run?");
    }

    Console.WriteLine($"start-up, {rounds} rounds each, alternating...");
    var siteStarts = new List<double>();
    var bareStarts = new List<double>();
    for (var i = 0; i < rounds; i++)
    {
        await using (var bare = await SiteProcess.StartAsync(bareDll, bareEnv)) bareStarts.Add(bare.StartUp.TotalMilliseconds);
        await using (var site = await SiteProcess.StartAsync(siteDll, siteEnv)) siteStarts.Add(site.StartUp.TotalMilliseconds);
    }

    Console.WriteLine("idle memory and throughput...");
    double siteIdle, siteServed, bareMemory;
    IReadOnlyDictionary<string, double> breakdown;
    WrkResult siteWrk, bareWrk;
    await using (var bare = await SiteProcess.StartAsync(bareDll, bareEnv))
    {
        for (var i = 0; i < 50; i++) await bare.GetAsync("/");
        await Task.Delay(TimeSpan.FromSeconds(10));
        bareMemory = bare.ResidentMegabytes();
        await Wrk.RunAsync(bare.BaseUrl + "/", 3, 16);
        bareWrk = await Wrk.RunAsync(bare.BaseUrl + "/", seconds, 16);
    }
    await using (var site = await SiteProcess.StartAsync(siteDll, siteEnv))
    {
        await Task.Delay(TimeSpan.FromSeconds(10));
        siteIdle = site.ResidentMegabytes();
        for (var i = 0; i < 50; i++)
        {
            await site.GetAsync("/");
            await site.GetAsync(workshopPath);
        }
        await Task.Delay(TimeSpan.FromSeconds(10));
        siteServed = site.ResidentMegabytes();
        breakdown = site.ResidentBreakdown();
        await Wrk.RunAsync(site.BaseUrl + workshopPath, 3, 16);
        siteWrk = await Wrk.RunAsync(site.BaseUrl + workshopPath, seconds, 16);
    }

    Console.WriteLine("agenda page...");
    var agenda = await AgendaBench.RunAsync(siteDll, bareDll, seconds);

    Console.WriteLine("materials: downloads and search...");
    var materials = await MaterialsBench.RunAsync(siteDll, bareDll, Environment.GetEnvironmentVariable("WORKSHOPS_BENCH_POSTGRES") is { Length: > 0 } server ? server : null);

    Console.WriteLine("registration rush...");
    var rushes = new List<RushResult> { await RegistrationRush.RunAsync(siteDll, "Sqlite", null, seconds) };
    if (Environment.GetEnvironmentVariable("WORKSHOPS_BENCH_POSTGRES") is { Length: > 0 } postgres)
        rushes.Add(await RegistrationRush.RunAsync(siteDll, "Postgres", postgres, seconds));

    Console.WriteLine("announcements: a campaign of 10,000 emails...");
    var email = await EmailSectionAsync(siteDll);

    Console.WriteLine("attendee packs...");
    var packs = PacksSection();

    Console.WriteLine("pages in Spanish beside English...");
    var languages = await LanguagesSectionAsync(siteDll, bareDll, seconds);

    Console.WriteLine("the community's home: home page and registry...");
    var community = await CommunitySectionAsync(siteDll, bareDll, seconds);

    Console.WriteLine("the API's agenda...");
    var api = await ApiSectionAsync(siteDll, bareDll, seconds);

    Console.WriteLine("several nodes behind nginx...");
    var scale = await ScaleSectionAsync(siteDll, seconds);

    var report = Report.Write(new Report.Figures(
        firstStart.TotalMilliseconds, Median(siteStarts), Median(bareStarts), siteIdle, siteServed, bareMemory, breakdown, siteWrk, bareWrk, workshopPath, rounds, seconds,
        rushes, agenda, materials));
    report = Report.ReplaceSection(report, Report.EmailHeading, email);
    report = Report.ReplaceSection(report, Report.PacksHeading, packs);
    report = Report.ReplaceSection(report, Report.LanguagesHeading, languages);
    report = Report.ReplaceSection(report, Report.CommunityHeading, community);
    report = Report.ReplaceSection(report, Report.ApiHeading, api);
    if (scale is not null) report = Report.ReplaceSection(report, ScaleOutBench.Heading, scale);
    await File.WriteAllTextAsync(resultsPath, report, new UTF8Encoding(false));
    Console.WriteLine(report);
    return 0;
}
finally
{
    try { Directory.Delete(data, recursive: true); } catch (IOException) { }
}

static double Median(List<double> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
}

static string PacksSection()
{
    var section = new StringBuilder();
    Report.WritePacks(section, PackBench.Run());
    return section.ToString();
}

static async Task<string> EmailSectionAsync(string siteDll)
{
    var results = new List<EmailResult> { await EmailBench.RunAsync(siteDll, "Sqlite", null) };
    if (Environment.GetEnvironmentVariable("WORKSHOPS_BENCH_POSTGRES") is { Length: > 0 } postgres)
        results.Add(await EmailBench.RunAsync(siteDll, "Postgres", postgres));
    var section = new StringBuilder();
    Report.WriteEmail(section, results);
    return section.ToString();
}

static async Task<string?> ScaleSectionAsync(string siteDll, int seconds)
{
    if (Environment.GetEnvironmentVariable("WORKSHOPS_BENCH_POSTGRES") is not { Length: > 0 } postgres) return null;
    var machine = $"{Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}";
    return ScaleOutBench.Section(await ScaleOutBench.RunAsync(siteDll, postgres, seconds), machine);
}

static async Task<string> CommunitySectionAsync(string siteDll, string bareDll, int seconds)
{
    var section = new StringBuilder();
    Report.WriteCommunity(section, await CommunityBench.RunAsync(siteDll, bareDll, seconds));
    return section.ToString();
}

static async Task<string> ApiSectionAsync(string siteDll, string bareDll, int seconds)
{
    var section = new StringBuilder();
    Report.WriteApi(section, await ApiBench.RunAsync(siteDll, bareDll, seconds));
    return section.ToString();
}

static async Task<string> LanguagesSectionAsync(string siteDll, string bareDll, int seconds)
{
    var section = new StringBuilder();
    Report.WriteLanguages(section, await LanguageBench.RunAsync(siteDll, bareDll, seconds));
    return section.ToString();
}
