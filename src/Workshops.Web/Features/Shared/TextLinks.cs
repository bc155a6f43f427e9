using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;

namespace Workshops.Web.Features.Shared;

/// <summary>
/// A translated sentence with a link inside it, where each language puts the link where its grammar wants:
/// <c>@Html.Sentence(sentence, "/privacy", linkText)</c>, where the sentence is "Read the {0} before you register." and
/// the link text "privacy notice", each from the localizer. Everything is
/// HTML-encoded; only the link element is markup.
/// </summary>
public static class TextLinks
{
    // As the site's own encoder: São Paulo and “quotes” stay as they are, only markup characters are escaped.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    public static IHtmlContent Sentence(this IHtmlHelper html, LocalizedString sentence, string href, LocalizedString linkText, string? cssClass = null) =>
        Sentence(sentence.Value, [(href, linkText.Value, cssClass)]);

    public static IHtmlContent Sentence(this IHtmlHelper html, LocalizedString sentence, params (string Href, string Text)[] links) =>
        Sentence(sentence.Value, [.. links.Select(l => (l.Href, l.Text, (string?)null))]);

    private static IHtmlContent Sentence(string format, IReadOnlyList<(string Href, string Text, string? Css)> links)
    {
        var enc = Encoder;
        var builder = new HtmlContentBuilder();
        var rest = format;
        while (rest.Length > 0)
        {
            var open = rest.IndexOf('{');
            var close = open < 0 ? -1 : rest.IndexOf('}', open);
            if (open < 0 || close < 0 || !int.TryParse(rest.AsSpan(open + 1, close - open - 1), out var n) || n < 0 || n >= links.Count)
            {
                builder.Append(rest);
                break;
            }
            builder.Append(rest[..open]);
            var (href, text, css) = links[n];
            var cls = css is null ? "" : $" class=\"{enc.Encode(css)}\"";
            builder.AppendHtml($"<a href=\"{enc.Encode(href)}\"{cls}>{enc.Encode(text)}</a>");
            rest = rest[(close + 1)..];
        }
        return builder;
    }
}
