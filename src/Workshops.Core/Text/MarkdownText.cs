using Ganss.Xss;
using Markdig;

namespace Workshops.Core.Text;

/// <summary>User text is Markdown; it becomes HTML through Markdig and then HtmlSanitizer, never raw.</summary>
public static class MarkdownText
{
    internal static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseAutoLinks()
        .UsePipeTables()
        .UseEmphasisExtras()
        .DisableHtml()
        .Build();

    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    public static string ToSafeHtml(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown)) return "";
        return Sanitizer.Sanitize(Markdown.ToHtml(markdown, Pipeline));
    }

    /// <summary>HTML without the sanitiser, for Markdown the site wrote itself (raw HTML stays off either way).</summary>
    public static string ToHtml(string? markdown) => string.IsNullOrWhiteSpace(markdown) ? "" : Markdown.ToHtml(markdown, Pipeline);

    /// <summary>Paragraphs of plain text, for PDFs and plain-text email.</summary>
    public static IReadOnlyList<string> ToParagraphs(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown)) return [];
        var text = Markdown.ToPlainText(markdown, Pipeline);
        return text.Split(["\r\n\r\n", "\n\n"], StringSplitOptions.RemoveEmptyEntries)
            .Select(p => string.Join(' ', p.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)))
            .Where(p => p.Length > 0)
            .ToList();
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedSchemes.Add("https");
        sanitizer.AllowedSchemes.Add("http");
        sanitizer.AllowedSchemes.Add("mailto");
        sanitizer.AllowedAttributes.Remove("style");
        sanitizer.AllowedTags.Remove("img");
        // Links written by users open normally but never pass on the visitor's session.
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Dom.IElement { TagName: "A" } a) a.SetAttribute("rel", "nofollow noopener");
        };
        return sanitizer;
    }
}
