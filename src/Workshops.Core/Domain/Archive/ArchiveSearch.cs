using Workshops.Core.Domain.Common;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;
using Workshops.Core.Domain.Archive;
using Workshops.Core.Domain.Materials;

namespace Workshops.Core.Domain.Archive;

public sealed record SearchQuery(string? Text, int? Year = null, ArchivedEventType? Type = null, string? Country = null, int Page = 1)
{
    public const int PageSize = 20;

    /// <summary>The words searched for: letters and digits only, so nothing a person types is read as query syntax.</summary>
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

public sealed record SearchResults(IReadOnlyList<SearchHit> Hits, int Total)
{
    /// <summary>The hits of this page grouped by the workshop or event they belong to, groups in the order of their best hit.</summary>
    public IReadOnlyList<IGrouping<string, SearchHit>> ByEvent() => Hits.GroupBy(h => h.Scope).ToList();
}

/// <summary>
/// Full-text search over the archive with the database's own engine: FTS5 on SQLite, a tsvector with a GIN index on
/// PostgreSQL. Ranked with titles first, then speakers, then text; the viewer's visibility is part of the query.
/// </summary>
public sealed class ArchiveSearch(AppDbContext db)
{
    private sealed class Row
    {
        public long Id { get; set; }
        public string Kind { get; set; } = "";
        public string Title { get; set; } = "";
        public string? Speakers { get; set; }
        public string? Snippet { get; set; }
        public string Url { get; set; } = "";
        public string? Context { get; set; }
        public int? Year { get; set; }
        public string EventType { get; set; } = "";
        public string? Country { get; set; }
        public string? MaterialType { get; set; }
        public Guid? MaterialId { get; set; }
        public string Scope { get; set; } = "";
        public string? StartsLocal { get; set; }
    }

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
        var match = sqlite
            ? Arg(string.Join(' ', query.Words.Select(w => $"\"{w}\"*")))
            : Arg(string.Join(" & ", query.Words.Select(w => w + ":*")));
        var filters = Filters(query, access, sqlite, Arg);
        var page = Math.Max(1, query.Page);
        var limit = $"LIMIT {SearchQuery.PageSize} OFFSET {(page - 1) * SearchQuery.PageSize}";
        string rows, count;
        if (sqlite)
        {
            var (open, close) = (Arg(Highlight.Open.ToString()), Arg(Highlight.Close.ToString()));
            const string from = """FROM "SearchDocumentsFts" f JOIN "SearchDocuments" d ON d."Id" = f.rowid""";
            var where = $"""WHERE "SearchDocumentsFts" MATCH {match}{filters}""";
            rows = $"""
                SELECT d."Id", d."Kind", highlight("SearchDocumentsFts", 0, {open}, {close}) AS "Title",
                  highlight("SearchDocumentsFts", 1, {open}, {close}) AS "Speakers",
                  snippet("SearchDocumentsFts", 2, {open}, {close}, '…', 24) AS "Snippet",
                  d."Url", d."Context", d."Year", d."EventType", d."Country", d."MaterialType", d."MaterialId", d."Scope", d."StartsLocal"
                {from} {where}
                ORDER BY bm25("SearchDocumentsFts", 10.0, 4.0, 1.0), d."Id" {limit}
                """;
            count = $"""SELECT count(*) AS "Value" {from} {where}""";
        }
        else
        {
            var options = Arg($"StartSel={Highlight.Open}, StopSel={Highlight.Close}, HighlightAll=true");
            var snippetOptions = Arg($"StartSel={Highlight.Open}, StopSel={Highlight.Close}, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=\" … \"");
            var where = $"""WHERE d."Search" @@ to_tsquery('ws_search', {match}){filters}""";
            // Headlines are costly: they are made for the page of results only, after ranking and limiting.
            rows = $"""
                SELECT p."Id", p."Kind", ts_headline('ws_search', p."Title", q, {options}) AS "Title",
                  CASE WHEN p."Speakers" IS NULL THEN NULL ELSE ts_headline('ws_search', p."Speakers", q, {options}) END AS "Speakers",
                  CASE WHEN p."Body" IS NULL THEN NULL ELSE ts_headline('ws_search', p."Body", q, {snippetOptions}) END AS "Snippet",
                  p."Url", p."Context", p."Year", p."EventType", p."Country", p."MaterialType", p."MaterialId", p."Scope", p."StartsLocal"
                FROM (SELECT d.* , ts_rank(d."Search", to_tsquery('ws_search', {match})) AS rank FROM "SearchDocuments" d {where}
                      ORDER BY rank DESC, d."Id" {limit}) p, to_tsquery('ws_search', {match}) q
                ORDER BY p.rank DESC, p."Id"
                """;
            count = $"""SELECT count(*)::int AS "Value" FROM "SearchDocuments" d {where}""";
        }
        var found = await db.Database.SqlQueryRaw<Row>(rows, args.ToArray()).ToListAsync(ct);
        var total = await db.Database.SqlQueryRaw<int>(count, args.ToArray()).SingleAsync(ct);
        SiteMetrics.SearchDuration.Record(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds);
        return new SearchResults(found.Select(ToHit).ToList(), total);
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
        // Long file texts are cut: their first pages hold the words people search for.
        var texts = await db.Database.SqlQueryRaw<TextRow>("""
            SELECT coalesce("Title", '') || ' ' || coalesce("Speakers", '') || ' ' || coalesce(substr("Body", 1, 20000), '') AS "Text"
            FROM "SearchDocuments" WHERE "Visibility" = 'Public'
            """).ToListAsync(ct);
        var vocabulary = new Dictionary<string, int>();
        foreach (var row in texts)
        foreach (var word in Regex.Matches(row.Text, @"[\p{L}\p{N}]{3,}").Select(m => Text.SearchText.Fold(m.Value)).Distinct())
            vocabulary[word] = vocabulary.GetValueOrDefault(word) + 1;
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

    private static string Filters(SearchQuery query, SearchAccess access, bool sqlite, Func<object, string> arg)
    {
        var parts = new List<string>();
        if (query.Year is { } year) parts.Add($"""d."Year" = {arg(year)}""");
        if (query.Type is { } type) parts.Add($"""d."EventType" = {arg(type.ToString())}""");
        if (!string.IsNullOrWhiteSpace(query.Country)) parts.Add($"""d."Country" = {arg(Countries.Find(query.Country) ?? query.Country.Trim())}""");
        if (!access.SeesAll)
        {
            // Guids are written out, not bound: each provider stores them its own way, and a Guid's text is only hex and dashes.
            var mine = access.ParticipantOf.Count == 0 ? "" :
                $""" OR (d."Visibility" = 'Participants' AND d."WorkshopId" IN ({string.Join(", ", access.ParticipantOf.Select(g =>
                    sqlite ? $"'{g.ToString().ToUpperInvariant()}'" : $"'{g}'::uuid"))}))""";
            parts.Add($"""(d."Visibility" = 'Public'{mine})""");
        }
        return string.Concat(parts.Select(p => " AND " + p));
    }

    private static SearchHit ToHit(Row r) => new(r.Id, Enum.Parse<SearchKind>(r.Kind), r.Title, r.Speakers, r.Snippet, r.Url, r.Context, r.Year,
        Enum.Parse<ArchivedEventType>(r.EventType), r.Country, r.MaterialType is null ? null : Enum.Parse<MaterialType>(r.MaterialType), r.MaterialId,
        r.Scope, r.StartsLocal is { } at && DateTime.TryParseExact(at, SearchDocument.LocalFormat, System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.None, out var local) ? local : null);
}

/// <summary>The marks the database puts around matched words; turned into &lt;mark&gt; only after the text is HTML-encoded.</summary>
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
