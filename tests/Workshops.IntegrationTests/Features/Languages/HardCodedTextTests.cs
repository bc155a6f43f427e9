using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workshops.Core.Domain.Accounts;
using Workshops.Core.Localization;
using Workshops.IntegrationTests.Support;
using Workshops.Web.Infrastructure;
using Xunit.Abstractions;

namespace Workshops.IntegrationTests.Features.Languages;

/// <summary>The site in the pseudo-language, which marks every translated text.</summary>
public sealed class PseudoLanguageApp : AppFactory
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings() => [new("Languages:Pseudo", "true")];
}

/// <summary>
/// What keeps the site translated: every page, for a stranger, a member and someone with every role, and every form
/// posted empty, rendered in the pseudo-language on the demo data. Any text a person reads that is not marked, and is
/// not the site's own content (a value from its database), was written into the code in English.
/// </summary>
public sealed class HardCodedTextTests(PseudoLanguageApp app, ITestOutputHelper output) : IClassFixture<PseudoLanguageApp>
{
    private static readonly string[] NotPosted = ["/account/signout", "/account/sessions", "/account/two-factor/disable", "/language"];

    [Fact]
    public async Task Every_text_a_person_reads_is_translated()
    {
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(default);
        var everything = await app.CreateUserAsync(Roles.Admin);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AppUser>>();
            await users.AddToRolesAsync(await users.FindByIdAsync(everything.Id) ?? throw new InvalidOperationException(), [Roles.Organiser, Roles.Reviewer]);
        }
        var member = await app.CreateUserAsync();
        // The content before the walk too: the walk's own posts remove some of it (a material deleted).
        var before = await ContentAsync();

        var read = new List<(string Where, string Html)>();
        foreach (var client in new[] { app.Browser(), await app.SignInAsync(member), await app.SignInAsync(everything) })
        {
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(Tr.PseudoLanguage);
            var crawler = new SiteCrawler(client);
            await crawler.CrawlAsync(["/", "/account", "/organise", "/admin", "/review", "/account/proposals", "/account/registrations", "/calls",
                "/account/signup", "/account/signin", "/account/forgot-password", "/account/resend-confirmation", "/news", "/archive", "/no-such-page"],
                skip: href => href.StartsWith("/admin/jobs", StringComparison.Ordinal));
            read.AddRange(crawler.Pages.Where(p => p.Value.Contains("<html", StringComparison.Ordinal)).Select(p => ("GET " + p.Key, p.Value)));
            foreach (var form in crawler.Forms.DistinctBy(f => f.Action))
            {
                if (NotPosted.Any(p => form.Action.StartsWith(p, StringComparison.Ordinal))) continue;
                var fields = form.Fields.Where(f => f.Name != "__RequestVerificationToken" && f.Kind is not ("submit" or "button" or "file"))
                    .Select(f => new KeyValuePair<string, string>(f.Name, f.Kind == "hidden" ? f.Value : "")).ToList();
                fields.Add(new("__RequestVerificationToken", await client.AntiforgeryTokenAsync(form.Page)));
                HttpContent body = form.Multipart ? Multipart(fields) : new FormUrlEncodedContent(fields);
                using var response = await client.PostAsync(form.Action, body);
                var html = await response.Content.ReadAsStringAsync();
                if (html.Contains("<html", StringComparison.Ordinal)) read.Add(("POST " + form.Action, html));
            }
        }

        // The content as it stands after the walk (the walk's own sign-ins and sessions are content too).
        var after = await ContentAsync();
        bool content(string piece) => before(piece) || after(piece);
        var found = new Dictionary<string, List<string>>();
        foreach (var (where, html) in read) Note(found, PseudoPage.Unmarked(html, content), where);
        var pages = read.Count;
        output.WriteLine($"{pages} pages read, {found.Count} texts not translated");
        foreach (var (text, where) in found.OrderBy(f => f.Value[0])) output.WriteLine($"{text}    ({string.Join(", ", where.Take(3))})");
        Assert.True(pages > 150, $"only {pages} pages were read: the walk found too little");
        Assert.True(found.Count == 0, $"{found.Count} texts are not translated:\n" + string.Join("\n", found.Take(80).Select(f => $"{f.Key}    ({f.Value[0]})")));
    }

    private static void Note(Dictionary<string, List<string>> found, IEnumerable<string> texts, string where)
    {
        foreach (var text in texts)
        {
            if (!found.TryGetValue(text, out var list)) found[text] = list = [];
            if (list.Count < 5) list.Add(where);
        }
    }

    /// <summary>Every text value in the database (titles, names, answers, Markdown), and the site's name: people's own content.</summary>
    private async Task<Func<string, bool>> ContentAsync()
    {
        var values = new List<string> { "Test Workshops" };
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Workshops.Core.Data.AppDbContext>();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        foreach (var table in db.Model.GetEntityTypes().Select(t => (t.GetTableName(), t.GetSchema())).Where(t => t.Item1 is not null).Distinct())
        {
            await using var command = connection.CreateCommand();
            command.CommandText = table.Item2 is null ? $"SELECT * FROM \"{table.Item1}\"" : $"SELECT * FROM \"{table.Item2}\".\"{table.Item1}\"";
            await using DbDataReader reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                for (var i = 0; i < reader.FieldCount; i++)
                    if (!reader.IsDBNull(i) && reader.GetValue(i) is string s && s.Length > 0) values.Add(s);
        }
        var corpus = PseudoPage.Normalize(System.Net.WebUtility.HtmlDecode(string.Join("\n", values)));
        return piece => corpus.Contains(piece.TrimEnd('…', '.', ' ').TrimStart('“', '"'), StringComparison.Ordinal);
    }

    private static MultipartFormDataContent Multipart(IEnumerable<KeyValuePair<string, string>> fields)
    {
        var content = new MultipartFormDataContent();
        foreach (var (k, v) in fields) content.Add(new StringContent(v), k);
        return content;
    }
}
