using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Workshops.Core.Text;

/// <summary>
/// Where a user's Markdown may link: web addresses (http, https), email addresses (mailto) and addresses on this site.
/// A link anywhere else (javascript:, data:, vbscript:…) keeps its words as plain text, and so does an image, which
/// user text may not show (it could fetch from anywhere, and the page's policy blocks other sites' images anyway).
/// </summary>
public static class SafeLinks
{
    private static readonly string[] Schemes = ["http", "https", "mailto"];

    public static void Apply(MarkdownDocument document)
    {
        foreach (var link in document.Descendants<LinkInline>().ToList())
            if (link.IsImage || !IsSafe(link.Url)) Unwrap(link);
        foreach (var link in document.Descendants<AutolinkInline>().ToList())
            if (!link.IsEmail && !IsSafe(link.Url)) link.ReplaceBy(new LiteralInline(link.Url));
    }

    /// <summary>
    /// Relative addresses, and absolute ones with an allowed scheme. Browsers ignore tabs, line breaks and other
    /// control characters inside an address ("java&#9;script:" runs), so they are ignored here too before the
    /// scheme is read; a scheme is what comes before a colon that is not preceded by '/', '?' or '#'.
    /// </summary>
    public static bool IsSafe(string? url)
    {
        if (string.IsNullOrEmpty(url)) return true;
        var cleaned = new string(url.Where(c => c > ' ' && c != '\u007f').ToArray());
        var colon = cleaned.IndexOf(':');
        if (colon < 0) return true;
        var path = cleaned.IndexOfAny(['/', '?', '#']);
        if (path >= 0 && path < colon) return true;
        var scheme = cleaned[..colon];
        return Schemes.Any(s => s.Equals(scheme, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The link's words (an image's description) stay where the link was, as text.</summary>
    private static void Unwrap(LinkInline link)
    {
        var child = link.FirstChild;
        while (child is not null)
        {
            var next = child.NextSibling;
            child.Remove();
            link.InsertBefore(child);
            child = next;
        }
        link.Remove();
    }
}
