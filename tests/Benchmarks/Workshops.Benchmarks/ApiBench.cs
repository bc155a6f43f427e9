using Workshops.Core.Data;

namespace Workshops.Benchmarks;

public sealed record ApiRate(string Measure, double RequestsPerSecond, string Latency);

public sealed record ApiResult(int ApiBytes, int PageBytes, double Bare, IReadOnlyList<ApiRate> Rates, long Errors, int Rounds, int Seconds)
{
    public double Rate(string measure) => Rates.First(r => r.Measure == measure).RequestsPerSecond;
}

/// <summary>
/// The API's agenda of the 300-item workshop (GET /api/v1/workshops/{slug}/agenda): answered 304 to a client holding its
/// ETag, from the output cache, and built for every request, beside the HTML agenda page cached and built, each as a
/// ratio to bare Kestrel sending the API's JSON bytes, all in the same rounds.
/// </summary>
public static class ApiBench
{
    public const string NotModified = "API agenda, ETag held (304)";
    public const string Cached = "API agenda, visitors (output cache)";
    public const string Uncached = "API agenda, built for every request";
    public const string PageCached = "agenda page, visitors (output cache)";
    public const string PageUncached = "agenda page, built for every request";

    public static async Task<ApiResult> RunAsync(string siteDll, string bareDll, int seconds, int rounds = 3)
    {
        var data = Path.Combine(Path.GetTempPath(), "workshops-api-" + Guid.NewGuid().ToString("N")[..8]);
        var env = new Dictionary<string, string> { ["Storage__DataDirectory"] = data, ["Logging__LogLevel__Default"] = "Warning" };
        try
        {
            await using (await SiteProcess.StartAsync(siteDll, env)) { }
            var page = await AgendaData.SeedAsync(new DatabaseOptions { Provider = DatabaseProvider.Sqlite }, data);
            var api = "/api/v1" + page;
            await using var site = await SiteProcess.StartAsync(siteDll, env);
            using var http = new HttpClient();
            var answer = await http.GetAsync(site.BaseUrl + api);
            answer.EnsureSuccessStatusCode();
            var json = await answer.Content.ReadAsByteArrayAsync();
            var etag = answer.Headers.ETag?.Tag ?? throw new InvalidOperationException("The API's agenda carries no ETag.");
            var html = await site.GetAsync(page);
            var bodyFile = Path.Combine(data, "agenda.json");
            await File.WriteAllBytesAsync(bodyFile, json);
            await using var bare = await SiteProcess.StartAsync(bareDll, new Dictionary<string, string> { ["BARE_BODY_FILE"] = bodyFile });

            // An Authorization header makes output caching store nothing, so every answer is built, as for a first reader after a publish.
            const string Credentials = "Authorization: Bearer benchmark";
            var runs = new (string Measure, string Url, string? Header)[]
            {
                ("bare", bare.BaseUrl + "/body", null),
                (NotModified, site.BaseUrl + api, "If-None-Match: " + etag),
                (Cached, site.BaseUrl + api, null),
                (Uncached, site.BaseUrl + api, Credentials),
                (PageCached, site.BaseUrl + page, null),
                (PageUncached, site.BaseUrl + page, Credentials),
            };
            foreach (var run in runs) await Wrk.RunWithHeaderAsync(run.Url, 3, 16, run.Header);
            var results = new List<Dictionary<string, WrkResult>>();
            for (var i = 0; i < rounds; i++)
            {
                var round = new Dictionary<string, WrkResult>();
                foreach (var run in runs) round[run.Measure] = await Wrk.RunWithHeaderAsync(run.Url, seconds, 16, run.Header);
                results.Add(round);
            }
            // The round whose uncached API ratio is the median: one slow patch of the machine does not decide it.
            var median = results.OrderBy(r => r[Uncached].RequestsPerSecond / r["bare"].RequestsPerSecond).ElementAt(results.Count / 2);
            return new ApiResult(json.Length, System.Text.Encoding.UTF8.GetByteCount(html), median["bare"].RequestsPerSecond,
                runs.Skip(1).Select(r => new ApiRate(r.Measure, median[r.Measure].RequestsPerSecond, median[r.Measure].Latency)).Prepend(new ApiRate("bare Kestrel, same bytes", median["bare"].RequestsPerSecond, median["bare"].Latency)).ToList(),
                results.Sum(r => r.Where(x => x.Key != "bare").Sum(x => x.Value.Errors)), rounds, seconds);
        }
        finally
        {
            try { Directory.Delete(data, recursive: true); } catch (IOException) { }
        }
    }
}
