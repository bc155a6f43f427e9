using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;

namespace Workshops.Web.Features.Shared;

/// <summary>
/// A translated sentence with markup inside it, where each language puts it where its grammar wants. The sentence
/// is HTML-encoded; only what fills its placeholders is markup:
/// <c>@Html.Sentence(sentence, "/privacy", linkText)</c> for a link, <c>@Html.Format(sentence, "&lt;strong&gt;…")</c>
/// for markup built (and encoded) by the view.
/// </summary>
public static class TextLinks
{
    // As the site's own encoder: São Paulo and “quotes” stay as they are, only markup characters are escaped.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    public static IHtmlContent Sentence(this IHtmlHelper html, LocalizedString sentence, string href, LocalizedString linkText, string? cssClass = null) =>
        Fill(sentence.Value, [Link(href, linkText.Value, cssClass)]);

    public static IHtmlContent Sentence(this IHtmlHelper html, LocalizedString sentence, params (string Href, string Text)[] links) =>
        Fill(sentence.Value, [.. links.Select(l => Link(l.Href, l.Text, null))]);

    /// <summary>
    /// The sentence encoded, each {n} replaced by <paramref name="parts"/>[n]: markup (a string the view built and
    /// encoded, or HTML content) as it stands, anything else (a number) written in the reader's format and encoded.
    /// </summary>
    public static IHtmlContent Format(this IHtmlHelper html, LocalizedString sentence, params object[] parts) =>
        Fill(sentence.Value, [.. parts.Select(p => p switch
        {
            string markup => markup,
            IHtmlContent content => Write(content),
            IFormattable value => Encoder.Encode(value.ToString(null, System.Globalization.CultureInfo.CurrentCulture)),
            _ => Encoder.Encode(p?.ToString() ?? ""),
        })]);

    private static string Write(IHtmlContent content)
    {
        using var writer = new StringWriter();
        content.WriteTo(writer, Encoder);
        return writer.ToString();
    }

    private static string Link(string href, string text, string? css) =>
        $"<a href=\"{Encoder.Encode(href)}\"{(css is null ? "" : $" class=\"{Encoder.Encode(css)}\"")}>{Encoder.Encode(text)}</a>";

    private static IHtmlContent Fill(string format, IReadOnlyList<string> markup)
    {
        var builder = new HtmlContentBuilder();
        var rest = format;
        while (rest.Length > 0)
        {
            var open = rest.IndexOf('{');
            var close = open < 0 ? -1 : rest.IndexOf('}', open);
            if (open < 0 || close < 0 || !int.TryParse(rest.AsSpan(open + 1, close - open - 1), out var n) || n < 0 || n >= markup.Count)
            {
                builder.Append(rest);
                break;
            }
            builder.Append(rest[..open]);
            builder.AppendHtml(markup[n]);
            rest = rest[(close + 1)..];
        }
        return builder;
    }
}
