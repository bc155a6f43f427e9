using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Workshops.IntegrationTests.Support;

namespace Workshops.IntegrationTests.Infrastructure;

/// <summary>
/// A backup taken with the verb while the demo site runs, restored with the verb onto a new data folder and an empty
/// database, reads the same: every page someone with every role reaches, every material's file, and the session of
/// someone signed in before the backup (the keys that sign it and the session row came back with the database).
/// </summary>
[Trait("Category", "Processes")]
public sealed partial class BackupRestoreTests : IAsyncLifetime
{
    private readonly AppFactory _original = new();
    private readonly string _scratch = Path.Combine(Path.GetTempPath(), "workshops-tests", Guid.NewGuid().ToString("N"));
    private TestDatabase? _restoredDatabase;
    private RestoredSite? _restored;

    public Task InitializeAsync() => _original.InitializeAsync();

    public async Task DisposeAsync()
    {
        if (_restored is not null) await _restored.DisposeAsync();
        else if (_restoredDatabase is not null) await _restoredDatabase.DisposeAsync();
        await _original.DisposeAsync();
        try { Directory.Delete(_scratch, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task A_backup_of_the_running_demo_restores_to_a_site_that_reads_the_same()
    {
        var (_, everything) = await DemoWalk.PrepareAsync(_original);
        await _original.SignInAsync(everything); // a session made before the backup, as well as the one below
        var cookie = await SessionCookieAsync(_original.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false }), everything.Email!);
        var before = await ReadAsync(_original, cookie);
        Assert.True(before.Pages.Count > 100, $"only {before.Pages.Count} pages read");
        Assert.NotEmpty(before.Files);

        // Written while the site runs; then a second backup into the same folder is refused, and nothing is mixed.
        var backup = Path.Combine(_scratch, "backup");
        var backedUp = await SiteProcess.RunVerbAsync(SiteProcess.BuiltSite(), Settings(_original.Database, _original.DataDirectory), "backup", backup);
        Assert.True(backedUp.ExitCode == 0, backedUp.Errors);
        Assert.Contains("Backup written to", backedUp.Output);
        var again = await SiteProcess.RunVerbAsync(SiteProcess.BuiltSite(), Settings(_original.Database, _original.DataDirectory), "backup", backup);
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("is not empty", again.Errors);

        // Restored onto a new data folder and an empty database; restoring over it again is refused.
        var folder = Path.Combine(_scratch, "restored");
        _restoredDatabase = await TestDatabase.CreateAsync(folder, empty: true);
        var restore = await SiteProcess.RunVerbAsync(SiteProcess.BuiltSite(), Settings(_restoredDatabase, folder), "restore", backup);
        Assert.True(restore.ExitCode == 0, restore.Errors + restore.Output);
        Assert.Contains("Restored the backup", restore.Output);
        var twice = await SiteProcess.RunVerbAsync(SiteProcess.BuiltSite(), Settings(_restoredDatabase, folder), "restore", backup);
        Assert.Equal(1, twice.ExitCode);
        Assert.Contains("Nothing was restored", twice.Errors);

        _restored = new RestoredSite(_restoredDatabase) { DataDirectory = folder };
        await _restored.InitializeAsync();
        var after = await ReadAsync(_restored, cookie, before.Pages.Keys);
        Assert.Contains("Sign out", after.Pages["/account"]);
        foreach (var (path, html) in before.Pages)
            Assert.True(Same(html, after.Pages[path]), $"{path} reads differently after the restore:\n{FirstDifference(html, after.Pages[path])}");
        foreach (var (path, hash) in before.Files)
            Assert.Equal(hash, after.Files[path]);
        // Signed addresses made before the backup (a personal calendar feed) still open: the keys came back too.
        var signed = before.Pages.Values.SelectMany(html => SignedFeed().Matches(html).Select(m => new Uri(m.Value).PathAndQuery)).Distinct().ToList();
        Assert.NotEmpty(signed);
        foreach (var feed in signed)
        {
            using var answer = await _restored.Browser().GetAsync(feed);
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            Assert.Contains("BEGIN:VCALENDAR", await answer.Content.ReadAsStringAsync());
        }
    }

    /// <summary>Every page the person reaches from the usual starts (or the given ones), and the file of every material linked.</summary>
    private static async Task<(Dictionary<string, string> Pages, Dictionary<string, string> Files)> ReadAsync(AppFactory site, string cookie, IEnumerable<string>? paths = null)
    {
        var client = site.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        var pages = new Dictionary<string, string>();
        if (paths is null)
        {
            var crawler = new SiteCrawler(client);
            await crawler.CrawlAsync(["/", "/account", "/organise", "/admin", "/review", "/archive", "/community", "/news"],
                // Reads that write: setting up two-factor makes a new secret at each visit (and so a new account stamp), and
                // each export of people's data is written in the security log.
                skip: href => href.StartsWith("/admin/jobs", StringComparison.Ordinal) || href.StartsWith("/account/two-factor", StringComparison.Ordinal)
                    || href.Contains("format=", StringComparison.OrdinalIgnoreCase));
            foreach (var (path, html) in crawler.Pages) if (crawler.Statuses[path] == 200) pages[path] = html;
        }
        else
        {
            foreach (var path in paths) pages[path] = await client.GetStringAsync(path);
        }
        var files = new Dictionary<string, string>();
        foreach (var file in pages.Values.SelectMany(html => MaterialFile().Matches(html).Select(m => m.Value)).Distinct())
        {
            using var answer = await client.GetAsync(file);
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            files[file] = Convert.ToHexString(SHA256.HashData(await answer.Content.ReadAsByteArrayAsync()));
        }
        return (pages, files);
    }

    /// <summary>Signs in through the form with cookies handled by hand, and returns the session cookie to send along.</summary>
    private static async Task<string> SessionCookieAsync(HttpClient client, string email)
    {
        using var form = await client.GetAsync("/account/signin");
        var antiforgery = string.Join("; ", form.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        var token = Regex.Match(await form.Content.ReadAsStringAsync(), "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var post = new HttpRequestMessage(HttpMethod.Post, "/account/signin")
        {
            Content = new FormUrlEncodedContent([new("Input.Email", email), new("Input.Password", AppFactory.Password), new("__RequestVerificationToken", token)]),
        };
        post.Headers.Add("Cookie", antiforgery);
        using var signedIn = await client.SendAsync(post);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return string.Join("; ", signedIn.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
    }

    private static Dictionary<string, string> Settings(TestDatabase database, string dataDirectory) => new()
    {
        ["Database__Provider"] = database.Provider,
        ["Database__ConnectionString"] = database.ConnectionString,
        ["Storage__DataDirectory"] = dataDirectory,
        ["Logging__LogLevel__Default"] = "Warning",
    };

    /// <summary>
    /// The same page but for what each answer makes afresh: the antiforgery token, and data signed with Data Protection
    /// (a new random start each time; that the restored site still opens what was signed before is checked apart).
    /// </summary>
    private static bool Same(string a, string b) => Normal(a) == Normal(b);

    private static string Normal(string html) => Protected().Replace(Token().Replace(html, "$1"), "CfDJ8");

    private static string FirstDifference(string a, string b)
    {
        var (x, y) = (Normal(a), Normal(b));
        var i = 0;
        while (i < x.Length && i < y.Length && x[i] == y[i]) i++;
        string Around(string s) => s.Substring(Math.Max(0, i - 100), Math.Min(700, s.Length - Math.Max(0, i - 100)));
        return $"before: …{Around(x)}…\nafter:  …{Around(y)}…";
    }

    [GeneratedRegex("(name=\"__RequestVerificationToken\" type=\"hidden\" value=\")[^\"]+")]
    private static partial Regex Token();

    [GeneratedRegex("CfDJ8[A-Za-z0-9_-]+")]
    private static partial Regex Protected();

    [GeneratedRegex(@"http://localhost/workshops/[a-z0-9-]+/agenda/mine/CfDJ8[A-Za-z0-9_-]+\.ics")]
    private static partial Regex SignedFeed();

    [GeneratedRegex(@"/materials/[0-9a-f-]{36}/file")]
    private static partial Regex MaterialFile();

    /// <summary>The site started on the data folder and database a restore filled.</summary>
    private sealed class RestoredSite(TestDatabase database) : AppFactory
    {
        protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(database);
    }
}
