using Workshops.Core.Localization;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Workshops.Core.Text;
using MdHeading = Markdig.Syntax.HeadingBlock;
using MdParagraph = Markdig.Syntax.ParagraphBlock;

namespace Workshops.Core.Pdf;

/// <summary>
/// Organisers' Markdown (practical information, letterheads) as PDF blocks: headings, paragraphs with bold, italic
/// and links, bullet and numbered lists (nested), quotes, tables and images. Images come only through
/// <c>images</c>, which maps an address to bytes the site holds; anything else prints as its description.
/// </summary>
public static class MarkdownBlocks
{
    private const float ListIndent = 16f;
    private const string NoBreakSpace = "\u00A0";

    public static PdfDocumentBuilder Markdown(this PdfDocumentBuilder pdf, string? markdown, Func<string, byte[]?>? images = null, int topLevel = 2)
    {
        if (string.IsNullOrWhiteSpace(markdown)) return pdf;
        var document = Markdig.Markdown.Parse(markdown, MarkdownText.Pipeline);
        foreach (var block in document) Block(pdf, block, images, topLevel, 0, muted: false);
        return pdf;
    }

    private static void Block(PdfDocumentBuilder pdf, Block block, Func<string, byte[]?>? images, int topLevel, float indent, bool muted)
    {
        switch (block)
        {
            case MdHeading heading:
                pdf.Heading(Plain(heading.Inline), Math.Min(4, topLevel + heading.Level - 1));
                break;
            case MdParagraph paragraph:
                Paragraph(pdf, paragraph.Inline, images, indent, null, muted);
                break;
            case ListBlock list:
                var number = int.TryParse(list.OrderedStart, out var start) ? start : 1;
                foreach (var item in list.OfType<ListItemBlock>())
                {
                    var marker = list.IsOrdered ? $"{number++}." : "•";
                    var first = true;
                    foreach (var child in item)
                    {
                        if (first && child is MdParagraph p) Paragraph(pdf, p.Inline, images, indent + ListIndent, marker, muted);
                        else
                        {
                            // An item that opens with a quote, a code block or a list still shows its bullet or number.
                            if (first) pdf.Rich([new PdfRun(NoBreakSpace)], indent: indent + ListIndent, marker: marker, muted: muted);
                            Block(pdf, child, images, topLevel, indent + ListIndent, muted);
                        }
                        first = false;
                    }
                }
                break;
            case QuoteBlock quote:
                foreach (var child in quote) Block(pdf, child, images, topLevel, indent + ListIndent, muted: true);
                break;
            case Table table:
                var rows = table.OfType<TableRow>().ToList();
                var header = rows.FirstOrDefault(r => r.IsHeader);
                pdf.Table(header?.OfType<TableCell>().Select(CellText).ToList(),
                    rows.Where(r => !r.IsHeader).Select(r => (IReadOnlyList<string>)r.OfType<TableCell>().Select(CellText).ToList()));
                break;
            case CodeBlock code:
                pdf.Rich([new PdfRun(string.Join("\n", code.Lines.Lines.Take(code.Lines.Count).Select(l => l.ToString())).Replace("\n", " \n "))], 9.5f, indent + ListIndent);
                break;
            case ThematicBreakBlock:
                pdf.Space(8);
                break;
            case ContainerBlock container:
                foreach (var child in container) Block(pdf, child, images, topLevel, indent, muted);
                break;
        }
    }

    private static void Paragraph(PdfDocumentBuilder pdf, ContainerInline? inline, Func<string, byte[]?>? images, float indent, string? marker, bool muted)
    {
        var runs = new List<PdfRun>();
        var pictures = new List<(byte[] Bytes, string Alt)>();
        Inlines(inline, PdfWeight.Regular, null, runs, pictures, images);
        // An item holding only an image keeps its marker on a line of its own, above the image.
        if (marker is not null && !runs.Any(r => r.Text.Trim().Length > 0)) runs.Add(new PdfRun(NoBreakSpace));
        if (runs.Any(r => r.Text.Trim().Length > 0 || r.Text == NoBreakSpace)) pdf.Rich(runs, indent: indent, marker: marker, muted: muted);
        foreach (var (bytes, alt) in pictures) pdf.Image(bytes, 360, alt.Length > 0 ? alt : null);
    }

    private static void Inlines(ContainerInline? container, PdfWeight weight, string? link, List<PdfRun> runs,
        List<(byte[], string)> pictures, Func<string, byte[]?>? images)
    {
        if (container is null) return;
        foreach (var inline in container)
        {
            switch (inline)
            {
                case LiteralInline literal:
                    runs.Add(new PdfRun(literal.Content.ToString(), weight, link));
                    break;
                case CodeInline code:
                    runs.Add(new PdfRun(code.Content, weight, link));
                    break;
                case HtmlEntityInline entity:
                    runs.Add(new PdfRun(entity.Transcoded.ToString(), weight, link));
                    break;
                case LineBreakInline lineBreak:
                    runs.Add(lineBreak.IsHard ? PdfRun.Break : new PdfRun(" ", weight, link));
                    break;
                case AutolinkInline auto:
                    runs.Add(new PdfRun(auto.Url, weight, SafeLink(auto.IsEmail ? "mailto:" + auto.Url : auto.Url)));
                    break;
                case LinkInline { IsImage: true } image:
                    var alt = Plain(image);
                    var bytes = image.Url is { } url && images is not null ? images(url) : null;
                    if (bytes is not null) pictures.Add((bytes, alt));
                    else runs.Add(new PdfRun($"[{(alt.Length > 0 ? alt : Tr.T("image"))}]", PdfWeight.Italic, link));
                    break;
                case LinkInline linkInline:
                    Inlines(linkInline, weight, SafeLink(linkInline.Url) ?? link, runs, pictures, images);
                    break;
                case EmphasisInline emphasis:
                    var styled = emphasis.DelimiterCount >= 2 ? PdfWeight.Bold : weight == PdfWeight.Bold ? PdfWeight.Bold : PdfWeight.Italic;
                    Inlines(emphasis, styled, link, runs, pictures, images);
                    break;
                case ContainerInline other:
                    Inlines(other, weight, link, runs, pictures, images);
                    break;
            }
        }
    }

    // Only addresses a reader can safely open; a javascript: link in a PDF is refused like on the site.
    private static string? SafeLink(string? url) =>
        url is not null && (url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
            || url.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase)) ? url : null;

    private static string CellText(TableCell cell) => string.Join(" ", cell.OfType<MdParagraph>().Select(p => Plain(p.Inline)));

    private static string Plain(ContainerInline? container)
    {
        if (container is null) return "";
        var text = new System.Text.StringBuilder();
        foreach (var inline in container.Descendants<Inline>())
        {
            if (inline is LiteralInline literal) text.Append(literal.Content.ToString());
            else if (inline is CodeInline code) text.Append(code.Content);
            else if (inline is LineBreakInline) text.Append(' ');
        }
        return text.ToString().Trim();
    }
}
