using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workshops.Core.Domain.Archive;
using Workshops.Core.Domain.Materials;
using Workshops.IntegrationTests.Support;

namespace Workshops.IntegrationTests.Features.Archive;

/// <summary>
/// The search ranks at most <see cref="ArchiveSearch.RankedAtMost"/> matches, found in one pass with the filters inside
/// the index. Below that, the order must be the engine's full ranking (bm25 with titles 10, speakers 4, text 1 on
/// SQLite; ts_rank on PostgreSQL), as it was before; above it, the page says how many were ranked.
/// </summary>
public sealed class ArchiveRankingTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static string Word() => "r" + Guid.NewGuid().ToString("N")[..10];

    private static readonly string[] Filler = ["portal", "data", "node", "species", "training", "server", "atlas", "records", "survey", "maps"];

    /// <summary>Documents holding the word in their title, their speakers or their text, from once to many times.</summary>
    private Task AddAsync(string word, int count, Random random, MaterialVisibility visibility = MaterialVisibility.Public, int year = 2019) =>
        app.WithDb(async db =>
        {
            for (var i = 0; i < count; i++)
            {
                string Words(int n, int times) => string.Join(' ', Enumerable.Range(0, n).Select(_ => Filler[random.Next(Filler.Length)])
                    .Concat(Enumerable.Repeat(word, times)).OrderBy(_ => random.Next()));
                var where = random.Next(4);
                db.SearchDocuments.Add(new SearchDocument
                {
                    Scope = "e:" + word, Kind = SearchKind.Material, Url = $"/archive/{word}/{i}", Year = year, EventType = ArchivedEventType.Workshop,
                    Country = "ES", Visibility = visibility, MaterialType = MaterialType.Slides,
                    Title = Words(4 + random.Next(6), where == 0 ? 1 : 0),
                    Speakers = where == 1 ? $"Ana {word}, Tim Robertson" : "Mei Tanaka",
                    Body = Words(20 + random.Next(300), where >= 2 ? 1 + random.Next(6) : 0),
                });
            }
            return await db.SaveChangesAsync();
        });

    private async Task<List<long>> FullRankingAsync(string word) => await app.WithDb(db => db.Database.IsSqlite()
        ? db.Database.SqlQueryRaw<long>("""
            SELECT d."Id" AS "Value" FROM "SearchDocumentsFts" f JOIN "SearchDocuments" d ON d."Id" = f.rowid
            WHERE "SearchDocumentsFts" MATCH {0} AND d."Visibility" = 'Public'
            ORDER BY bm25("SearchDocumentsFts", 10.0, 4.0, 1.0, 0.0), d."Id"
            """, $"\"{word}\"*").ToListAsync()
        : db.Database.SqlQueryRaw<long>("""
            SELECT d."Id" AS "Value" FROM "SearchDocuments" d WHERE d."Search" @@ to_tsquery('ws_search', {0}) AND d."Visibility" = 'Public'
            ORDER BY ts_rank(d."Search", to_tsquery('ws_search', {0})) DESC, d."Id"
            """, word + ":*").ToListAsync());

    private async Task<SearchResults> FindAsync(SearchQuery query)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ArchiveSearch>().FindAsync(query, SearchAccess.Public, default);
    }

    [Fact]
    public async Task Fewer_matches_than_are_ranked_come_in_the_engines_full_order_page_by_page()
    {
        var word = Word();
        var random = new Random(7);
        await AddAsync(word, 60, random);
        await AddAsync(word, 5, random, MaterialVisibility.Organisers);
        var expected = await FullRankingAsync(word);
        Assert.Equal(60, expected.Count);

        var first = await FindAsync(new SearchQuery(word));
        var second = await FindAsync(new SearchQuery(word, Page: 2));
        Assert.Equal(60, first.Total);
        Assert.False(first.More);
        Assert.Equal(expected.Take(20), first.Hits.Select(h => h.Id));
        Assert.Equal(expected.Skip(20).Take(20), second.Hits.Select(h => h.Id));
        // Title matches lead, as the weights say.
        Assert.Contains(Highlight.Open, first.Hits[0].Title);
        Assert.Empty((await FindAsync(new SearchQuery(word, Page: 4))).Hits);
        Assert.Equal(60, (await FindAsync(new SearchQuery(word, Page: 4))).Total);
    }

    [Fact]
    public async Task Filters_inside_the_index_keep_the_same_order()
    {
        var word = Word();
        var random = new Random(11);
        await AddAsync(word, 30, random, year: 2018);
        await AddAsync(word, 30, random, year: 2020);
        var in2020 = await app.WithDb(db => db.SearchDocuments.Where(d => d.Scope == "e:" + word && d.Year == 2020).Select(d => d.Id).ToListAsync());
        var expected = (await FullRankingAsync(word)).Where(in2020.Contains).ToList();

        var found = await FindAsync(new SearchQuery(word, Year: 2020));
        Assert.Equal(30, found.Total);
        Assert.Equal(expected.Take(20), found.Hits.Select(h => h.Id));
        Assert.Equal(0, (await FindAsync(new SearchQuery(word, Year: 2020, Country: "France"))).Total);
        Assert.Equal(30, (await FindAsync(new SearchQuery(word, Year: 2020, Country: "Spain"))).Total);
    }

    [Fact]
    public async Task The_filter_words_kept_in_the_index_are_never_found_as_text()
    {
        var word = Word();
        await AddAsync(word, 3, new Random(13), year: 2019);
        // On SQLite the index holds v + visibility, y + year, t + type, c + country for every row.
        foreach (var text in new[] { "vpublic", "y2019", "tworkshop", "c4553" })
            Assert.Equal(0, (await FindAsync(new SearchQuery(text))).Total);
        Assert.Equal(3, (await FindAsync(new SearchQuery(word, Year: 2019))).Total);
    }

    [Fact]
    public async Task More_matches_than_are_ranked_are_told_on_the_page()
    {
        var word = Word();
        await AddAsync(word, ArchiveSearch.RankedAtMost + 3, new Random(3));

        var found = await FindAsync(new SearchQuery(word));
        Assert.True(found.More);
        Assert.Equal(ArchiveSearch.RankedAtMost, found.Total);
        Assert.Equal(SearchQuery.PageSize, found.Hits.Count);

        var page = await (await app.Browser().GetAsync($"/archive?q={word}")).BodyAsync();
        Assert.Contains($"More than {ArchiveSearch.RankedAtMost:N0} results for “{word}”", page);
        Assert.Contains("These are the best of the first", page);
        Assert.Contains($"Page 1 of {ArchiveSearch.RankedAtMost / SearchQuery.PageSize}", page);
    }

    private async Task<string?> SuggestAsync(string text)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ArchiveSearch>().SuggestAsync(new SearchQuery(text), default);
    }

    /// <summary>One letter changed for one no word of these tests has (they are hex): one edit away.</summary>
    private static string Misspelt(string word) => word[..5] + "z" + word[6..];

    [Fact]
    public async Task Did_you_mean_learns_new_words_and_forgets_erased_names_though_it_keeps_the_words_it_read()
    {
        var first = Word();
        await AddAsync(first, 1, new Random(5));
        Assert.Equal(first, await SuggestAsync(Misspelt(first)));

        // The words were kept; a newly indexed one must still be offered.
        var second = Word();
        await AddAsync(second, 1, new Random(6));
        Assert.Equal(second, await SuggestAsync(Misspelt(second)));

        // A speaker's name erased in place (the row stays, its speakers go) is no longer offered.
        var name = "n" + Guid.NewGuid().ToString("N")[..10];
        await app.WithDb(db =>
        {
            db.SearchDocuments.Add(new SearchDocument
            {
                Scope = "e:" + name, Kind = SearchKind.Material, Url = "/archive/" + name, EventType = ArchivedEventType.Workshop,
                Visibility = MaterialVisibility.Public, Title = "Portal day", Speakers = "Ana " + name,
            });
            return db.SaveChangesAsync();
        });
        Assert.Equal(name, await SuggestAsync(Misspelt(name)));
        await app.WithDb(db => db.SearchDocuments.Where(d => d.Scope == "e:" + name).ExecuteUpdateAsync(u => u.SetProperty(d => d.Speakers, (string?)null)));
        Assert.Null(await SuggestAsync(Misspelt(name)));
    }
}
