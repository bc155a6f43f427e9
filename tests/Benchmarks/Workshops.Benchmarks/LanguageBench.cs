using System.Text.RegularExpressions;
using Workshops.Core.Data;

namespace Workshops.Benchmarks;

/// <summary>One measure in English and in Spanish, against the bare Kestrel baseline of the same run.</summary>
/// <param name="HigherIsBetter">Requests per second: the ratio to the baseline is the site's share; latency: how many times slower.</param>
public sealed record LanguageRow(string Measure, double English, double Spanish, double? Bare, string Unit, string Target, Func<double, double?, bool> Met, bool HigherIsBetter);

public sealed record LanguageResult(IReadOnlyList<LanguageRow> Rows, string WorkshopPath, int AgendaBytesEnglish, int AgendaBytesSpanish, int Rounds, int Seconds, long Errors);

/// <summary>
/// The workshop page, the agenda page (from the output cache and built for every request) and the archive's search,
/// each read in English and in Spanish in the same run, in alternating rounds, against bare Kestrel.
/// </summary>
public static class LanguageBench
{
    private const string Spanish = "Accept-Language: es";
    private const string English = "Accept-Language: en";
    // Output caching stores nothing for a request that carries credentials: the page is built for each one.
    private const string Uncached = "Authorization: Bearer benchmark";

    public static async Task<LanguageResult> RunAsync(string siteDll, string bareDll, int seconds, int rounds = 3)
    {
        var data = Path.Combine(Path.GetTempPath(), "workshops-languages-" + Guid.NewGuid().ToString("N")[..8]);
        var env = new Dictionary<string, string> { ["Storage__DataDirectory"] = data, ["Logging__LogLevel__Default"] = "Warning" };
        try
        {
            Console.WriteLine("  the demo's workshop page...");
            string workshopPath;
            await using (var seeded = await SiteProcess.StartAsync(siteDll, env, "--seed-demo"))
                workshopPath = Regex.Match(await seeded.GetAsync("/"), "href=\"(/workshops/[a-z0-9-]+)\"").Groups[1].Value;
            if (workshopPath.Length == 0) throw new InvalidOperationException("The home page links to no workshop; did the demo seed run?");
            var agendaPath = await AgendaData.SeedAsync(new DatabaseOptions { Provider = DatabaseProvider.Sqlite }, data);

            var rows = new List<LanguageRow>();
            long errors = 0;
            int agendaEnglish, agendaSpanish;
            await using (var site = await SiteProcess.StartAsync(siteDll, env))
            {
                var englishAgenda = await GetAsync(site.BaseUrl + agendaPath, "en");
                var spanishAgenda = await GetAsync(site.BaseUrl + agendaPath, "es");
                if (!spanishAgenda.Contains("lang=\"es\"", StringComparison.Ordinal)) throw new InvalidOperationException("The agenda did not come back in Spanish.");
                (agendaEnglish, agendaSpanish) = (System.Text.Encoding.UTF8.GetByteCount(englishAgenda), System.Text.Encoding.UTF8.GetByteCount(spanishAgenda));
                var bodyFile = Path.Combine(data, "agenda.html");
                await File.WriteAllTextAsync(bodyFile, englishAgenda);
                await using var bare = await SiteProcess.StartAsync(bareDll, new Dictionary<string, string> { ["BARE_BODY_FILE"] = bodyFile });

                Console.WriteLine("  workshop page, English and Spanish...");
                var workshop = await AlternateAsync(rounds, seconds, (bare.BaseUrl + "/", []), [
                    (site.BaseUrl + workshopPath, [English]), (site.BaseUrl + workshopPath, [Spanish])]);
                rows.Add(Rate("requests per second, workshop page vs bare endpoint", workshop, 0.20, "at least 20%"));
                Console.WriteLine("  agenda page, English and Spanish, cached and built for every request...");
                var agenda = await AlternateAsync(rounds, seconds, (bare.BaseUrl + "/body", []), [
                    (site.BaseUrl + agendaPath, [English]), (site.BaseUrl + agendaPath, [Spanish]),
                    (site.BaseUrl + agendaPath, [English, Uncached]), (site.BaseUrl + agendaPath, [Spanish, Uncached])]);
                rows.Add(Rate("agenda page, visitors (output cache), requests per second", agenda.Select(r => (r.Bare, r.Sites[..2])).ToList(), 0.60, "at least 60%"));
                rows.Add(Rate("agenda page, built for every request, requests per second", agenda.Select(r => (r.Bare, r.Sites[2..])).ToList(), 0.20, "at least 20%"));
                errors = workshop.Concat(agenda).Sum(r => r.Sites.Sum(s => s.Errors));
            }

            Console.WriteLine("  search, English and Spanish...");
            var searchFolder = Path.Combine(data, "search");
            var (database, searchEnv, _) = await BenchDatabase.CreateAsync("Sqlite", null, searchFolder);
            await using (await SiteProcess.StartAsync(siteDll, searchEnv)) { }
            await MaterialsData.SeedAsync(database, searchFolder);
            await using (var server = await SiteProcess.StartAsync(siteDll, searchEnv))
            {
                // English, Spanish, then English again: the later English run has the same warm caches the Spanish one had.
                await MaterialsBench.SearchAsync(server, bareDll, "Sqlite", searchFolder, repeats: 5, language: "en");
                var spanish = await MaterialsBench.SearchAsync(server, bareDll, "Sqlite", searchFolder, language: "es");
                var english = await MaterialsBench.SearchAsync(server, bareDll, "Sqlite", searchFolder, language: "en");
                rows.Add(new LanguageRow($"search `/archive?q=` over {english.Materials:N0} materials, SQLite, 95th percentile", english.P95, spanish.P95,
                    (english.BareP95 + spanish.BareP95) / 2, "ms", "under 20 ms", (value, _) => value < 20, HigherIsBetter: false));
            }
            return new LanguageResult(rows, workshopPath, agendaEnglish, agendaSpanish, rounds, seconds, errors);
        }
        finally
        {
            try { Directory.Delete(data, recursive: true); } catch (IOException) { }
        }
    }

    private sealed record Round(WrkResult Bare, WrkResult[] Sites);

    /// <summary>Rounds in which the baseline and each site request take turns; a slow patch of the machine then hits all of them alike.</summary>
    private static async Task<List<Round>> AlternateAsync(int rounds, int seconds, (string Url, string[] Headers) bare, (string Url, string[] Headers)[] sites)
    {
        foreach (var (url, headers) in sites.Prepend(bare)) await Wrk.RunWithHeadersAsync(url, 3, 16, headers);
        var results = new List<Round>();
        for (var i = 0; i < rounds; i++)
        {
            var b = await Wrk.RunWithHeadersAsync(bare.Url, seconds, 16, bare.Headers);
            var s = new List<WrkResult>();
            foreach (var (url, headers) in sites) s.Add(await Wrk.RunWithHeadersAsync(url, seconds, 16, headers));
            results.Add(new Round(b, [.. s]));
        }
        return results;
    }

    /// <summary>English and Spanish from the round whose Spanish-to-English ratio is the median.</summary>
    private static LanguageRow Rate(string measure, IReadOnlyList<(WrkResult Bare, WrkResult[] Sites)> rounds, double least, string target)
    {
        var median = rounds.OrderBy(r => r.Sites[1].RequestsPerSecond / r.Sites[0].RequestsPerSecond).ElementAt(rounds.Count / 2);
        return new LanguageRow(measure, median.Sites[0].RequestsPerSecond, median.Sites[1].RequestsPerSecond, median.Bare.RequestsPerSecond, "", target,
            (value, bare) => value / bare >= least, HigherIsBetter: true);
    }

    private static LanguageRow Rate(string measure, List<Round> rounds, double least, string target) =>
        Rate(measure, rounds.Select(r => (r.Bare, r.Sites)).ToList(), least, target);

    private static async Task<string> GetAsync(string url, string language)
    {
        using var http = new HttpClient();
        http.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return await http.GetStringAsync(url);
    }
}
