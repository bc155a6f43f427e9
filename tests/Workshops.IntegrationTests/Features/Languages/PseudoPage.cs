using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Workshops.Core.Localization;

namespace Workshops.IntegrationTests.Features.Languages;

/// <summary>
/// Reads a page rendered in the pseudo-language, where every translated text is marked [!!…!!], and finds the texts a
/// person would read that are neither marked nor someone's own content (the site's data, given as a corpus).
/// </summary>
public static partial class PseudoPage
{
    private static readonly HtmlParser Parser = new();
    private static readonly string[] ReadAttributes = ["aria-label", "title", "placeholder", "alt", "aria-description"];

    public static IReadOnlyList<string> Unmarked(string html, Func<string, bool> isContent)
    {
        var document = Parser.ParseDocument(html);
        var found = new List<string>();
        var body = document.Body;
        if (body is null) return found;
        var title = document.Title ?? "";
        Check(title, "title", isContent, found);
        // The page's text as one string, node after node: a marked sentence may hold a link (Html.Sentence), so
        // its marks open in one text node and close in another.
        var text = string.Join(NodeBreak, body.Descendants().OfType<IText>().Where(n => !Skipped(n.ParentElement)).Select(n => n.Data));
        Check(text, "body", isContent, found);
        foreach (var element in body.Descendants<IElement>())
        {
            if (Skipped(element)) continue;
            foreach (var name in ReadAttributes)
                if (element.GetAttribute(name) is { } value) Check(value, $"{element.LocalName}[{name}]", isContent, found);
            if (element.LocalName == "input" && element.GetAttribute("type") is "submit" or "button" && element.GetAttribute("value") is { } label)
                Check(label, "input[value]", isContent, found);
        }
        return found;
    }

    // Scripts and styles are not read; an element in another language than the page's (the switcher's "Español",
    // a quotation) is meant to stay as it is; translate="no" marks the site's own untranslatable content.
    private static bool Skipped(IElement? element)
    {
        for (var e = element; e is not null; e = e.ParentElement)
        {
            if (e.LocalName is "script" or "style" or "template" or "code" or "pre" or "kbd" or "samp") return true;
            if (e.GetAttribute("translate") == "no") return true;
            if (e.GetAttribute("lang") is { } lang && lang != Tr.PseudoLanguage && e.LocalName != "html") return true;
            if (e.GetAttribute("hidden") is not null) return true;
        }
        return false;
    }

    private static void Check(string text, string where, Func<string, bool> isContent, List<string> found)
    {
        var rest = RemoveMarks(text).Replace('\n', NodeBreak);
        if (!HasWords(rest)) return;
        // What is left may be content: a whole value, or pieces of one around marked texts.
        foreach (var piece in Pieces().Split(rest).Select(p => Normalize(p)).Where(HasWords))
        {
            // Content joined by punctuation ("Madrid, Spain", "Room A · Developers", a list of names) is still content.
            bool Fine(string p)
            {
                var bare = p.Trim(Trimmed).TrimEnd(' ', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9').Trim(Trimmed);
                return !HasWords(bare) || isContent(bare) || Untranslatable(bare);
            }
            if (Fine(piece) || Joints().Split(piece).All(Fine)) continue;
            found.Add($"<{where}> {piece}");
        }
    }

    /// <summary>The text without its marked parts, innermost first (a marked text may hold marked values).</summary>
    public static string RemoveMarks(string text)
    {
        var builder = new StringBuilder(text);
        while (true)
        {
            var s = builder.ToString();
            var end = s.IndexOf(Tr.MarkEnd, StringComparison.Ordinal);
            if (end < 0) return s;
            var start = s.LastIndexOf(Tr.MarkStart, end, StringComparison.Ordinal);
            if (start < 0) return s.Remove(end, Tr.MarkEnd.Length);
            builder.Remove(start, end + Tr.MarkEnd.Length - start).Insert(start, '\u2063');
        }
    }

    // Addresses, acronyms (PDF, UTC) and content with a number beside it ("Developers 25") are nobody's words to translate.
    private static bool Untranslatable(string piece) =>
        piece.Contains("://", StringComparison.Ordinal) || (piece.Contains('@') && !piece.Contains(' '))
        || (piece.Length <= 5 && piece.All(c => char.IsAsciiLetterUpper(c) || char.IsDigit(c)));

    public static string Normalize(string text) => Spaces().Replace(text, " ").Trim();

    private static bool HasWords(string text) => text.Count(char.IsLetter) >= 2;

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    private const char NodeBreak = '\u2064';
    private static readonly char[] Trimmed = [' ', '“', '”', '"', '(', ')', '.', '…', ':', ';', ',', '·', '–', '<', '>'];

    [GeneratedRegex(@",\s|\s·\s|·|\s\(|\)\s?|;\s|\s<|>|:\s|\s–\s|\n|\r")]
    private static partial Regex Joints();

    // Marked parts and node boundaries split what is left into pieces that must each be content.
    [GeneratedRegex("[\u2063\u2064]")]
    private static partial Regex Pieces();
}
