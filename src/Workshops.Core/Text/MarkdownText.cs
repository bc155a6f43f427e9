using Ganss.Xss;
using Markdig;
using Markdig.Syntax;

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

    /// <param name="headingsFrom">
    /// The level the text's own headings start at, under the page's: its headings keep their order but neither skip a
    /// level nor outrank the page's (an imported page's "####" under the page's h2 becomes an h3).
    /// </param>
    public static string ToSafeHtml(string? markdown, int headingsFrom = 2)
    {
        if (string.IsNullOrWhiteSpace(markdown)) return "";
        var document = Markdown.Parse(markdown, Pipeline);
        var headings = document.Descendants<HeadingBlock>().ToList();
        var levels = headings.Select(h => h.Level).Distinct().Order().ToList();
        foreach (var h in headings) h.Level = Math.Min(6, headingsFrom + levels.IndexOf(h.Level));
        using var writer = new StringWriter();
        var renderer = new Markdig.Renderers.HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return Sanitizer.Sanitize(writer.ToString());
    }

    /// <summary>HTML without the sanitiser, for Markdown the site wrote itself (raw HTML stays off either way).</summary>
    public static string ToHtml(string? markdown) => string.IsNullOrWhiteSpace(markdown) ? "" : Markdown.ToHtml(markdown, Pipeline);

    /// <summary>Paragraphs of plain text, for PDFs, excerpts and calendar entries; a list item is a paragraph of its own.</summary>
    public static IReadOnlyList<string> ToParagraphs(string? markdown) =>
        string.IsNullOrWhiteSpace(markdown) ? [] : PlainText.Blocks(Markdown.Parse(markdown, Pipeline)).Where(p => p.Length > 0).ToList();

    /// <summary>
    /// Markdown as a person would type it in a plain-text email: no asterisks or hashes, paragraphs apart, list items
    /// with a dash or their number, links followed by their address.
    /// </summary>
    public static string ToPlainText(string? markdown) =>
        string.IsNullOrWhiteSpace(markdown) ? "" : string.Join("\n\n", ToParagraphs(markdown));

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
