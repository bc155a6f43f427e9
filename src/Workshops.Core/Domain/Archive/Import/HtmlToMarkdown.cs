using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Workshops.Core.Domain.Archive.Import;

/// <summary>
/// Turns the old site's HTML descriptions into Markdown the site renders safely: paragraphs, links, emphasis, lists
/// and line breaks survive; every other tag is dropped with its attributes, scripts and styles with their content.
/// (ReverseMarkdown, the usual library, is not in the package registry here; AngleSharp parses the HTML.)
/// </summary>
public static class HtmlToMarkdown
{
    private static readonly HtmlParser Parser = new();

    public static string? Convert(string? html)
    {
        if (string.IsNullOrWhiteSpace(html)) return null;
        var document = Parser.ParseDocument("<body>" + html + "</body>");
        var md = new StringBuilder();
        Blocks(document.Body!, md);
        var text = string.Join("\n\n", md.ToString().Split("\n\n").Select(p => p.Trim()).Where(p => p.Length > 0));
        return text.Length == 0 ? null : text;
    }

    /// <summary>Plain text of a fragment (a speaker line with &lt;br /&gt;): tags gone, entities decoded, spaces tidied.</summary>
    public static string Text(string? html)
    {
        if (string.IsNullOrWhiteSpace(html)) return "";
        var document = Parser.ParseDocument("<body>" + html.Replace("<br", " <br", StringComparison.OrdinalIgnoreCase) + "</body>");
        return string.Join(' ', document.Body!.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).Trim().TrimEnd('.');
    }

    private static void Blocks(INode parent, StringBuilder md)
    {
        foreach (var node in parent.ChildNodes)
        {
            if (node is IElement { LocalName: "p" or "div" or "section" or "blockquote" } block)
            {
                md.Append("\n\n");
                Inline(block, md);
                md.Append("\n\n");
            }
            else if (node is IElement { LocalName: "ul" or "ol" } list)
            {
                md.Append("\n\n");
                var n = 0;
                foreach (var li in list.Children.Where(c => c.LocalName == "li"))
                {
                    md.Append(list.LocalName == "ol" ? $"{++n}. " : "- ");
                    Inline(li, md);
                    md.Append('\n');
                }
                md.Append("\n\n");
            }
            else if (node is IElement { LocalName: "h1" or "h2" or "h3" or "h4" or "h5" or "h6" } heading)
            {
                md.Append("\n\n### ");
                Inline(heading, md);
                md.Append("\n\n");
            }
            else Inline(node, md, top: true);
        }
    }

    private static void Inline(INode node, StringBuilder md, bool top = false)
    {
        if (!top)
        {
            foreach (var child in node.ChildNodes) Inline(child, md, top: true);
            return;
        }
        switch (node)
        {
            case IText text:
                md.Append(Escape(System.Text.RegularExpressions.Regex.Replace(text.Data, @"\s+", " ")));
                break;
            case IElement { LocalName: "script" or "style" }:
                break;
            case IElement { LocalName: "br" }:
                md.Append("  \n");
                break;
            case IElement { LocalName: "b" or "strong" } e:
                Wrap(e, md, "**");
                break;
            case IElement { LocalName: "i" or "em" } e:
                Wrap(e, md, "*");
                break;
            case IElement { LocalName: "a" } a when a.GetAttribute("href") is { } href && IsWeb(href):
                md.Append('[');
                Inline(a, md);
                md.Append("](").Append(href.Trim().Replace(")", "%29").Replace(" ", "%20")).Append(')');
                break;
            case IElement e when e.LocalName is "p" or "div" or "ul" or "ol" or "li":
                Blocks(e, md);
                break;
            case IElement e:
                Inline(e, md);
                break;
        }
    }

    private static void Wrap(IElement e, StringBuilder md, string mark)
    {
        var inner = new StringBuilder();
        Inline(e, inner);
        var s = inner.ToString();
        if (s.Trim().Length == 0) { md.Append(s); return; }
        // Markdown emphasis cannot start or end on a space: keep the spaces outside the marks.
        md.Append(s[..(s.Length - s.TrimStart().Length)]).Append(mark).Append(s.Trim()).Append(mark).Append(s[s.TrimEnd().Length..]);
    }

    private static bool IsWeb(string href) => Uri.TryCreate(href.Trim(), UriKind.Absolute, out var u) && u.Scheme is "http" or "https" or "mailto";

    private static string Escape(string s) => s.Replace("\\", "\\\\").Replace("*", "\\*").Replace("_", "\\_").Replace("[", "\\[").Replace("]", "\\]").Replace("<", "&lt;");
}
