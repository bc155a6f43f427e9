using System.Globalization;
using System.Text;

namespace Workshops.Core.Domain.Archive;

/// <summary>
/// Marks the searched words in a result's title, speakers and text, and cuts the text down to the passage that holds
/// them. Done here rather than by the database (FTS5's snippet, PostgreSQL's ts_headline) because both engines read
/// the whole text again for it, which was most of a search's time; the words match as the indexes match them: a word
/// of the text that begins with a searched word, case and accents aside.
/// </summary>
public sealed class SearchMarks
{
    /// <summary>Words of the passage shown under a result, as FTS5's snippet showed.</summary>
    public const int SnippetWords = 24;

    private readonly string[] _words;

    /// <param name="words">The searched words, lower case.</param>
    public SearchMarks(IEnumerable<string> words) =>
        _words = words.Select(Text.SearchText.Fold).Where(w => w.Length > 0).Distinct().ToArray();

    /// <summary>The text with every matching word between <see cref="Highlight.Open"/> and <see cref="Highlight.Close"/>.</summary>
    public string? Mark(string? text)
    {
        if (string.IsNullOrEmpty(text)) return text;
        var tokens = Tokens(text);
        return Write(text, tokens, 0, tokens.Count, text.Length, fromStart: true, toEnd: true);
    }

    /// <summary>
    /// The passage of <see cref="SnippetWords"/> words holding the most of the searched words (then the most matches),
    /// marked, with "…" where it is cut; the text's beginning when none of them is in it.
    /// </summary>
    public string? Snippet(string? text)
    {
        if (string.IsNullOrEmpty(text)) return text;
        var tokens = Tokens(text);
        if (tokens.Count == 0) return null;
        var first = 0;
        var best = (Distinct: 0, Hits: 0);
        var hits = new List<int>();
        for (var i = 0; i < tokens.Count; i++) if (tokens[i].Word >= 0) hits.Add(i);
        foreach (var hit in hits)
        {
            // A little of what comes before the first match, as people read a sentence.
            var start = Math.Max(0, Math.Min(hit - 3, tokens.Count - SnippetWords));
            var seen = 0UL;
            var count = 0;
            for (var i = start; i < Math.Min(tokens.Count, start + SnippetWords); i++)
                if (tokens[i].Word >= 0) { seen |= 1UL << Math.Min(tokens[i].Word, 63); count++; }
            var score = (Distinct: System.Numerics.BitOperations.PopCount(seen), Hits: count);
            if (score.Distinct > best.Distinct || (score.Distinct == best.Distinct && score.Hits > best.Hits)) (best, first) = (score, start);
            if (best.Distinct == _words.Length && best.Hits >= 3) break;
        }
        var end = Math.Min(tokens.Count, first + SnippetWords);
        return Write(text, tokens, first, end, end == tokens.Count ? text.Length : tokens[end - 1].End, fromStart: first == 0, toEnd: end == tokens.Count);
    }

    private readonly record struct Token(int Start, int End, int Word);

    private List<Token> Tokens(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            if (!IsWordChar(text[i])) { i++; continue; }
            var start = i;
            while (i < text.Length && IsWordChar(text[i])) i++;
            tokens.Add(new Token(start, i, Match(text.AsSpan(start, i - start))));
        }
        return tokens;
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark;

    /// <summary>Which searched word the token begins with, or -1.</summary>
    private int Match(ReadOnlySpan<char> token)
    {
        for (var w = 0; w < _words.Length; w++)
        {
            var word = _words[w];
            var at = 0;
            foreach (var c in token)
            {
                if (at == word.Length) break;
                var folded = Fold(c);
                if (folded == '\0') continue;
                if (folded != word[at]) { at = -1; break; }
                at++;
            }
            if (at == word.Length) return w;
        }
        return -1;
    }

    /// <summary>One character as the indexes compare it: lower case, accents off; '\0' for a lone accent mark.</summary>
    private static char Fold(char c) => c < Latin.Length ? Latin[c] : FoldSlow(c);

    // The Latin letters the community's languages use, folded once.
    private static readonly char[] Latin = Enumerable.Range(0, 0x250).Select(c => FoldSlow((char)c)).ToArray();

    private static char FoldSlow(char c)
    {
        if (c < 128) return c is >= 'A' and <= 'Z' ? (char)(c + 32) : c;
        // The same folding as the searched words get; a lone accent mark folds to nothing.
        return Text.SearchText.Fold(c.ToString()) is { Length: > 0 } folded ? folded[0] : '\0';
    }

    private static string Write(string text, List<Token> tokens, int from, int to, int endAt, bool fromStart, bool toEnd)
    {
        var s = new StringBuilder(endAt - (from < tokens.Count ? tokens[from].Start : 0) + 16);
        if (!fromStart) s.Append('…');
        var at = fromStart ? 0 : tokens[from].Start;
        for (var i = from; i < to; i++)
        {
            var t = tokens[i];
            AppendPlain(s, text, at, t.Start, collapse: !fromStart || !toEnd);
            if (t.Word >= 0) s.Append(Highlight.Open).Append(text, t.Start, t.End - t.Start).Append(Highlight.Close);
            else s.Append(text, t.Start, t.End - t.Start);
            at = t.End;
        }
        AppendPlain(s, text, at, endAt, collapse: !fromStart || !toEnd);
        if (!toEnd) s.Append('…');
        return s.ToString();
    }

    /// <summary>What lies between words; a passage cut from a long text has its line breaks made spaces.</summary>
    private static void AppendPlain(StringBuilder s, string text, int from, int to, bool collapse)
    {
        if (!collapse) { s.Append(text, from, to - from); return; }
        var space = false;
        for (var i = from; i < to; i++)
        {
            if (char.IsWhiteSpace(text[i])) { space = true; continue; }
            if (space) { s.Append(' '); space = false; }
            s.Append(text[i]);
        }
        if (space) s.Append(' ');
    }
}
