using Markdig;
using Markdig.Renderers.Html.Inlines;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Workshops.Core.Text;

/// <summary>
/// User text is Markdown; it becomes HTML through Markdig, never raw. Raw HTML is off, so Markdig writes only its own
/// elements with their text and attributes escaped; what is left to check is where links lead, which is done on the
/// parsed document before it is written (see <see cref="SafeLinks"/>). An HTML sanitiser run over the output (HtmlSanitizer,
/// before) found nothing more to remove, and loaded a browser engine's 2,600 types into every process that showed a
/// page with text on it, about 10 MB for the life of the process.
/// </summary>
public static class MarkdownText
{
    internal static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseAutoLinks()
        .UsePipeTables()
        .UseEmphasisExtras()
        .DisableHtml()
        .Build();

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
        SafeLinks.Apply(document);
        using var writer = new StringWriter();
        var renderer = new Markdig.Renderers.HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        // Links written by users open normally but never pass on the visitor's session or lend the site's standing.
        renderer.ObjectRenderers.FindExact<LinkInlineRenderer>()!.Rel = "nofollow noopener";
        renderer.ObjectRenderers.FindExact<AutolinkInlineRenderer>()!.Rel = "nofollow noopener";
        renderer.Render(document);
        writer.Flush();
        return writer.ToString();
    }

    /// <summary>HTML for Markdown the site wrote itself: its links are not checked (raw HTML stays off either way).</summary>
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
}
