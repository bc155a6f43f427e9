using Workshops.Core.Domain.Common;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Workshops.Core.Data;
using Workshops.Core.Domain.Archive;
using Workshops.Core.Domain.Materials;

namespace Workshops.Core.Domain.Archive;

public sealed record SearchQuery(string? Text, int? Year = null, ArchivedEventType? Type = null, string? Country = null, int Page = 1)
{
    public const int PageSize = 20;

    /// <summary>The words searched for: letters and digits only, so nothing a person types is read as query syntax.</summary>
    /// <summary>The country filter as the rows hold it: a code when the name or code is known, else the text given.</summary>
    public string? CountryValue => string.IsNullOrWhiteSpace(Country) ? null : Countries.Find(Country) ?? Country.Trim();

    public IReadOnlyList<string> Words { get; } = Regex.Matches(Text ?? "", @"[\p{L}\p{N}]+").Select(m => m.Value.ToLowerInvariant()).Distinct().Take(8).ToList();
}

/// <summary>What a viewer may find: everything (organisers), or public rows and those of the workshops they take part in.</summary>
public sealed record SearchAccess(bool SeesAll, IReadOnlyCollection<Guid> ParticipantOf)
{
    public static readonly SearchAccess Public = new(false, []);
}

/// <summary>One result; <see cref="Title"/>, <see cref="Speakers"/> and <see cref="Snippet"/> carry highlight marks (see <see cref="Highlight"/>).</summary>
public sealed record SearchHit(long Id, SearchKind Kind, string Title, string? Speakers, string? Snippet, string Url, string? Context, int? Year,
    ArchivedEventType EventType, string? Country, MaterialType? MaterialType, Guid? MaterialId, string Scope = "", DateTime? StartsLocal = null);

/// <param name="Total">The results ranked: all that match, or <see cref="ArchiveSearch.RankedAtMost"/> when <paramref name="More"/> match.</param>
public sealed record SearchResults(IReadOnlyList<SearchHit> Hits, int Total, bool More = false)
{
    /// <summary>The hits of this page grouped by the workshop or event they belong to, groups in the order of their best hit.</summary>
    public IReadOnlyList<IGrouping<string, SearchHit>> ByEvent() => Hits.GroupBy(h => h.Scope).ToList();
}

/// <summary>
/// Full-text search over the archive with the database's own engine: FTS5 on SQLite, a tsvector with a GIN index on
/// PostgreSQL. Ranked with titles first, then speakers, then text; the viewer's visibility is part of the query.
/// </summary>
public sealed class ArchiveSearch(AppDbContext db, IMemoryCache memory)
{
    private sealed class Row
    {
        public long Matches { get; set; }
        public long? Id { get; set; }
        public string? Kind { get; set; }
        public string? Title { get; set; }
        public string? Speakers { get; set; }
        public string? Body { get; set; }
        public string? Url { get; set; }
        public string? Context { get; set; }
        public int? Year { get; set; }
        public string? EventType { get; set; }
        public string? Country { get; set; }
        public string? MaterialType { get; set; }
        public Guid? MaterialId { get; set; }
        public string? Scope { get; set; }
        public string? StartsLocal { get; set; }
    }

    /// <summary>
    /// The most matches that are ranked. A word found in nearly every file would otherwise have every file scored for
    /// each search; past this many, the best of the first this many the index finds are shown, and the page says so.
    /// </summary>
    public const int RankedAtMost = 500;

    public async Task<SearchResults> FindAsync(SearchQuery query, SearchAccess access, CancellationToken ct)
    {
        if (query.Words.Count == 0) return new SearchResults([], 0);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var sqlite = db.Database.IsSqlite();
        var args = new List<object>();
        string Arg(object value)
        {
            args.Add(value);
            return "{" + (args.Count - 1) + "}";
        }
        // One statement: one pass over the index gives the matches and their scores (at most one more than are ranked,
        // to know there are more), then the page's rows are read by id; their words are marked here. The count comes
        // on every row, and on a lone row of nulls when the page is past the last result.
        string matches;
        if (sqlite)
        {
            // The words are looked for in the three columns of text only: a short beginning ("t", "vp") must not match the
            // filter words of the fourth.
            var match = Arg($"{{Title Speakers Body}}: ({string.Join(' ', query.Words.Select(w => $"\"{w}\"*"))}){Facets(query, access)}");
            matches = $"""
                SELECT rowid AS id, bm25("SearchDocumentsFts", 10.0, 4.0, 1.0, 0.0) AS score
                FROM "SearchDocumentsFts" WHERE "SearchDocumentsFts" MATCH {match} LIMIT {RankedAtMost + 1}
                """;
        }
        else
        {
            var match = Arg(string.Join(" & ", query.Words.Select(w => w + ":*")));
            matches = $"""
                SELECT d."Id" AS id, -ts_rank(d."Search", to_tsquery('ws_search', {match}))::float8 AS score FROM "SearchDocuments" d
                WHERE d."Search" @@ to_tsquery('ws_search', {match}){Filters(query, access, Arg)} LIMIT {RankedAtMost + 1}
                """;
        }
        var offset = (Math.Max(1, query.Page) - 1) * SearchQuery.PageSize;
        var sql = $"""
            WITH c AS MATERIALIZED ({matches}),
            p AS (SELECT id, score FROM c ORDER BY score, id LIMIT {SearchQuery.PageSize} OFFSET {offset})
            SELECT t.n AS "Matches", d."Id", d."Kind", d."Title", d."Speakers", d."Body", d."Url", d."Context", d."Year", d."EventType",
              d."Country", d."MaterialType", d."MaterialId", d."Scope", d."StartsLocal"
            FROM (SELECT count(*) AS n FROM c) t LEFT JOIN p ON 1 = 1 LEFT JOIN "SearchDocuments" d ON d."Id" = p.id
            ORDER BY p.score, p.id
            """;
        var rows = await db.Database.SqlQueryRaw<Row>(sql, args.ToArray()).ToListAsync(ct);
        var found = (int)rows[0].Matches;
        var marks = new SearchMarks(query.Words);
        var hits = rows.Where(r => r.Id is not null).Select(r => new SearchHit(r.Id!.Value, Enum.Parse<SearchKind>(r.Kind!), marks.Mark(r.Title)!,
            marks.Mark(r.Speakers), marks.Snippet(r.Body), r.Url!, r.Context, r.Year, Enum.Parse<ArchivedEventType>(r.EventType!), r.Country,
            r.MaterialType is null ? null : Enum.Parse<MaterialType>(r.MaterialType), r.MaterialId, r.Scope!,
            r.StartsLocal is { } at && DateTime.TryParseExact(at, SearchDocument.LocalFormat, System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.None, out var local) ? local : null)).ToList();
        SiteMetrics.SearchDuration.Record(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds);
        return new SearchResults(hits, Math.Min(found, RankedAtMost), found > RankedAtMost);
    }

    /// <summary>
    /// The filters and the viewer's access as words of the index's fourth column (see the SearchFilters migration):
    /// v + visibility, y + year, t + type, c + the country's bytes in hex, w + a workshop's id.
    /// </summary>
    private static string Facets(SearchQuery query, SearchAccess access)
    {
        var parts = new List<string>();
        if (query.Year is { } year) parts.Add($"y{year}");
        if (query.Type is { } type) parts.Add($"t{type.ToString().ToLowerInvariant()}");
        if (query.CountryValue is { } country) parts.Add("c" + Convert.ToHexStringLower(System.Text.Encoding.UTF8.GetBytes(country)));
        if (!access.SeesAll)
            parts.Add("(vpublic" + (access.ParticipantOf.Count == 0 ? "" : $" OR (vparticipants AND ({string.Join(" OR ", access.ParticipantOf.Select(g => $"w{g:N}"))}))") + ")");
        return string.Concat(parts.Select(p => " AND {Facets}: " + p));
    }

    private sealed class TextRow
    {
        public string Text { get; set; } = "";
    }

    /// <summary>
    /// "Did you mean": when nothing matches, the query with each word that the index lacks replaced by the closest word
    /// it has (at most two letters off, the commoner word first). Only public rows lend words, so a suggestion never
    /// reveals what is in a participants-only file. Null when there is nothing better to offer.
    /// </summary>
    public async Task<string?> SuggestAsync(SearchQuery query, CancellationToken ct)
    {
        if (query.Words.Count == 0) return null;
        var vocabulary = await VocabularyAsync(ct);
        var changed = false;
        var suggested = query.Words.Select(w =>
        {
            var folded = Text.SearchText.Fold(w);
            if (vocabulary.Keys.Any(v => v.StartsWith(folded, StringComparison.Ordinal))) return w;
            var limit = folded.Length <= 4 ? 1 : 2;
            var best = vocabulary
                .Where(v => Math.Abs(v.Key.Length - folded.Length) <= limit)
                .Select(v => (Word: v.Key, v.Value, Distance: Distance(folded, v.Key, limit)))
                .Where(v => v.Distance <= limit)
                .OrderBy(v => v.Distance).ThenByDescending(v => v.Value).ThenBy(v => v.Word, StringComparer.Ordinal)
                .Select(v => v.Word).FirstOrDefault();
            if (best is null) return w;
            changed = true;
            return best;
        }).ToList();
        return changed ? string.Join(' ', suggested) : null;
    }

    private sealed class IndexVersion
    {
        public long Rows { get; set; }
        public long Last { get; set; }
        public long Letters { get; set; }
    }

    /// <summary>
    /// The words of the public rows and how many rows hold each, kept until the index changes: reading every text for
    /// each search that finds nothing cost seconds over 10,000 materials. Any change to the index (a row added, or an
    /// event or workshop indexed again, which writes its rows anew) changes the count or the last id; a name erased in
    /// place changes the titles' and speakers' length, so an erased person is never offered as a spelling.
    /// </summary>
    private async Task<Dictionary<string, int>> VocabularyAsync(CancellationToken ct)
    {
        var version = await db.Database.SqlQueryRaw<IndexVersion>("""
            SELECT count(*) AS "Rows", coalesce(max("Id"), 0) AS "Last",
              coalesce(sum(length("Title")), 0) + coalesce(sum(length(coalesce("Speakers", ''))), 0) AS "Letters"
            FROM "SearchDocuments" WHERE "Visibility" = 'Public'
            """).SingleAsync(ct);
        var key = ("archive-vocabulary", version.Rows, version.Last, version.Letters);
        if (memory.TryGetValue(key, out Dictionary<string, int>? kept)) return kept!;
        // Long file texts are cut: their first pages hold the words people search for.
        var texts = await db.Database.SqlQueryRaw<TextRow>("""
            SELECT coalesce("Title", '') || ' ' || coalesce("Speakers", '') || ' ' || coalesce(substr("Body", 1, 20000), '') AS "Text"
            FROM "SearchDocuments" WHERE "Visibility" = 'Public'
            """).ToListAsync(ct);
        var vocabulary = new Dictionary<string, int>();
        foreach (var row in texts)
        foreach (var word in Regex.Matches(row.Text, @"[\p{L}\p{N}]{3,}").Select(m => Text.SearchText.Fold(m.Value)).Distinct())
            vocabulary[word] = vocabulary.GetValueOrDefault(word) + 1;
        memory.Set(key, vocabulary, TimeSpan.FromMinutes(10));
        return vocabulary;
    }

    /// <summary>Edits between two words (insert, delete, change, or swap two neighbours), given up past <paramref name="limit"/>.</summary>
    public static int Distance(string a, string b, int limit)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            var rowMin = int.MaxValue;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                rowMin = Math.Min(rowMin, d[i, j]);
            }
            if (rowMin > limit) return limit + 1;
        }
        return d[a.Length, b.Length];
    }

    private static string Filters(SearchQuery query, SearchAccess access, Func<object, string> arg)
    {
        var parts = new List<string>();
        if (query.Year is { } year) parts.Add($"""d."Year" = {arg(year)}""");
        if (query.Type is { } type) parts.Add($"""d."EventType" = {arg(type.ToString())}""");
        if (query.CountryValue is { } country) parts.Add($"""d."Country" = {arg(country)}""");
        if (!access.SeesAll)
        {
            // Guids are written out, not bound: a Guid's text is only hex and dashes.
            var mine = access.ParticipantOf.Count == 0 ? "" :
                $""" OR (d."Visibility" = 'Participants' AND d."WorkshopId" IN ({string.Join(", ", access.ParticipantOf.Select(g => $"'{g}'::uuid"))}))""";
            parts.Add($"""(d."Visibility" = 'Public'{mine})""");
        }
        return string.Concat(parts.Select(p => " AND " + p));
    }
}
/// <summary>The marks put around matched words (see <see cref="SearchMarks"/>); turned into &lt;mark&gt; only after the text is HTML-encoded.</summary>
public static partial class Highlight
{
    public const char Open = '\uE000';
    public const char Close = '\uE001';

    // Like the pages' own encoder: accents stay readable, only markup characters are escaped.
    private static readonly System.Text.Encodings.Web.HtmlEncoder Encoder =
        System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    public static string ToHtml(string? marked)
    {
        if (string.IsNullOrEmpty(marked)) return "";
        // The engines can mark the space before a word with it; the mark is for the word alone.
        marked = EdgeSpaces().Replace(marked, m => m.Groups[1].Success ? m.Groups[1].Value + Open : Close + m.Groups[2].Value);
        var html = new System.Text.StringBuilder(marked.Length + 32);
        var start = 0;
        for (var i = 0; i < marked.Length; i++)
        {
            if (marked[i] != Open && marked[i] != Close) continue;
            html.Append(Encoder.Encode(marked[start..i])).Append(marked[i] == Open ? "<mark>" : "</mark>");
            start = i + 1;
        }
        return html.Append(Encoder.Encode(marked[start..])).ToString();
    }

    [GeneratedRegex("\uE000(\\s+)|(\\s+)\uE001")]
    private static partial Regex EdgeSpaces();

    public static string Plain(string marked) => marked.Replace(Open.ToString(), "").Replace(Close.ToString(), "");
}
