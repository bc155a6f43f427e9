using SkiaSharp;

namespace Workshops.Core.Pdf;

/// <summary>
/// Builds a printable A4 document from blocks (headings, paragraphs, tables, images). Layout runs in full
/// before anything is drawn, so every page can say "page 3 of 5".
/// </summary>
public sealed class PdfDocumentBuilder(string title, string? author = null)
{
    public const float PageWidth = 595.28f;   // A4 in points
    public const float PageHeight = 841.89f;
    public const float Margin = 56f;          // about 20 mm
    public const float FooterHeight = 24f;

    internal static readonly SKColor Ink = new(0x1d, 0x2a, 0x22);
    internal static readonly SKColor Muted = new(0x5b, 0x6b, 0x61);
    internal static readonly SKColor Accent = new(0x2f, 0x6f, 0x4e);
    internal static readonly SKColor Rule = new(0xc8, 0xd3, 0xcc);
    internal static readonly SKColor HeaderFill = new(0xe8, 0xf0, 0xeb);

    private readonly List<IPdfBlock> _blocks = [];

    public string Title { get; } = title;

    public PdfDocumentBuilder Heading(string text, int level = 1)
    {
        _blocks.Add(new HeadingBlock(text, level));
        return this;
    }

    public PdfDocumentBuilder Paragraph(string text, float size = 10.5f, PdfWeight weight = PdfWeight.Regular, bool muted = false)
    {
        _blocks.Add(new ParagraphBlock(text, size, weight, muted ? Muted : Ink));
        return this;
    }

    /// <param name="headers">Column headings, repeated on every page the table runs onto; null for none.</param>
    /// <param name="weights">Relative column widths; equal when null.</param>
    public PdfDocumentBuilder Table(IReadOnlyList<string>? headers, IEnumerable<IReadOnlyList<string>> rows, IReadOnlyList<float>? weights = null)
    {
        var list = rows.ToList();
        var columns = headers?.Count ?? list.FirstOrDefault()?.Count ?? 0;
        if (columns == 0) return this;
        _blocks.Add(new TableBlock(headers, list, weights ?? Enumerable.Repeat(1f, columns).ToArray()));
        return this;
    }

    /// <summary>An image (PNG or JPEG bytes) drawn <paramref name="width"/> points wide, keeping its proportions.</summary>
    public PdfDocumentBuilder Image(byte[] encoded, float width, string? caption = null)
    {
        _blocks.Add(new ImageBlock(encoded, width, caption));
        return this;
    }

    public PdfDocumentBuilder Space(float points)
    {
        _blocks.Add(new SpaceBlock(points));
        return this;
    }

    public PdfDocumentBuilder PageBreak()
    {
        _blocks.Add(new PageBreakBlock());
        return this;
    }

    public byte[] ToBytes()
    {
        using var output = new MemoryStream();
        WriteTo(output);
        return output.ToArray();
    }

    public void WriteTo(Stream output)
    {
        using var shaper = new TextShaper();
        var layout = new PdfLayout(shaper);
        foreach (var block in _blocks) block.Lay(layout);
        var pages = layout.Pages;

        var metadata = new SKDocumentPdfMetadata
        {
            Title = Title,
            Author = author ?? "",
            Creator = "Workshops",
            Producer = "Workshops (SkiaSharp)",
            RasterDpi = 150,
        };
        using var wrapped = new SKManagedWStream(output);
        using var document = SKDocument.CreatePdf(wrapped, metadata);
        for (var i = 0; i < pages.Count; i++)
        {
            var canvas = document.BeginPage(PageWidth, PageHeight);
            foreach (var draw in pages[i]) draw(canvas);
            var footer = $"{Title} · page {i + 1} of {pages.Count}";
            var width = shaper.Width(footer, PdfWeight.Regular, 8);
            shaper.Draw(canvas, footer, (PageWidth - width) / 2, PageHeight - Margin + FooterHeight, PdfWeight.Regular, 8, Muted);
            document.EndPage();
        }
        document.Close();
    }
}
