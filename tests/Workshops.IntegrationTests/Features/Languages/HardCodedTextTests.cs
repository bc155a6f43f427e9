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
    [Fact]
    public async Task Every_text_a_person_reads_is_translated()
    {
        var (member, everything) = await DemoWalk.PrepareAsync(app);
        // The content before the walk too: the walk's own posts remove some of it (a material deleted).
        var before = await ContentAsync();
        var read = await DemoWalk.ReadAsync(app, Tr.PseudoLanguage, member, everything);
        // The content as it stands after the walk (the walk's own sign-ins and sessions are content too).
        var after = await ContentAsync();
        bool content(string piece) => before(piece) || after(piece);
        var found = new Dictionary<string, List<string>>();
        foreach (var (where, _, html) in read) Note(found, PseudoPage.Unmarked(html, content), where);
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
                    if (!reader.IsDBNull(i) && reader.GetValue(i) is string s && s.Length > 0)
                    {
                        values.Add(s);
                        // A multilingual column is JSON: its texts as written too, without the JSON escapes.
                        if (s[0] == '{') values.Add(Workshops.Core.Localization.LocalText.Parse(s).AllText());
                    }
        }
        var corpus = PseudoPage.Normalize(System.Net.WebUtility.HtmlDecode(string.Join("\n", values)));
        return piece => corpus.Contains(piece.TrimEnd('…', '.', ' ').TrimStart('“', '"'), StringComparison.Ordinal);
    }
}
