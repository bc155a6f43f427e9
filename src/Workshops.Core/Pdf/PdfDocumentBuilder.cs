using Workshops.Core.Localization;
using SkiaSharp;

namespace Workshops.Core.Pdf;

/// <summary>
/// Builds a printable document from blocks (headings, rich paragraphs, lists, tables, images, QR codes). Layout runs
/// in full before anything is drawn, so every page can say "page 3 of 5", and the fonts embedded are cut down to the
/// glyphs the text uses.
/// </summary>
public sealed class PdfDocumentBuilder(string title, string? author = null)
{
    public const float FooterHeight = 24f;

    internal static readonly SKColor Ink = new(0x1d, 0x2a, 0x22);
    internal static readonly SKColor Muted = new(0x5b, 0x6b, 0x61);
    internal static readonly SKColor Accent = new(0x2f, 0x6f, 0x4e);
    internal static readonly SKColor Rule = new(0xc8, 0xd3, 0xcc);
    internal static readonly SKColor HeaderFill = new(0xe8, 0xf0, 0xeb);
    internal static readonly SKColor MarkFill = new(0xfd, 0xf3, 0xd0);

    private readonly List<IPdfBlock> _blocks = [];
    private PdfPaper _paper = PdfPaper.A4;
    private string? _subject;
    private string? _keywords;
    private string? _header;
    private DateTimeOffset? _created;
    private bool _footer = true;

    public string Title { get; } = title;

    public PdfDocumentBuilder Paper(PaperSize size)
    {
        _paper = PdfPaper.For(size);
        return this;
    }

    /// <summary>The document's subject and keywords, as readers show them in its properties.</summary>
    public PdfDocumentBuilder About(string? subject, string? keywords = null)
    {
        _subject = subject;
        _keywords = keywords;
        return this;
    }

    /// <summary>A line at the top of every page but the first (which is the cover).</summary>
    public PdfDocumentBuilder RunningHeader(string text)
    {
        _header = text;
        return this;
    }

    /// <summary>When the document was made; fixed here so the same input gives the same bytes.</summary>
    public PdfDocumentBuilder Created(DateTimeOffset at)
    {
        _created = at;
        return this;
    }

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

    /// <summary>A paragraph of differently styled pieces, some of them links; indented and marked when it is a list item.</summary>
    public PdfDocumentBuilder Rich(IReadOnlyList<PdfRun> runs, float size = 10.5f, float indent = 0, string? marker = null, bool muted = false)
    {
        if (runs.Count > 0) _blocks.Add(new RichTextBlock(runs, size, indent, marker, muted ? Muted : Ink));
        return this;
    }

    /// <param name="headers">Column headings, repeated on every page the table runs onto; null for none.</param>
    /// <param name="weights">Relative column widths; equal when null.</param>
    public PdfDocumentBuilder Table(IReadOnlyList<string>? headers, IEnumerable<IReadOnlyList<string>> rows, IReadOnlyList<float>? weights = null) =>
        Table(headers, rows.Select(r => new PdfRow([.. r.Select(c => new PdfCell(c ?? ""))])), weights);

    /// <param name="compact">Smaller type and padding, for a programme or a list meant to fit on a page.</param>
    public PdfDocumentBuilder Table(IReadOnlyList<string>? headers, IEnumerable<PdfRow> rows, IReadOnlyList<float>? weights = null, bool compact = false)
    {
        var list = rows.ToList();
        var columns = headers?.Count ?? list.FirstOrDefault()?.Cells.Count ?? 0;
        if (columns == 0) return this;
        _blocks.Add(new TableBlock(headers, list, weights ?? Enumerable.Repeat(1f, columns).ToArray(), compact));
        return this;
    }

    /// <summary>An image (PNG or JPEG bytes) drawn at most <paramref name="width"/> points wide, keeping its proportions.</summary>
    public PdfDocumentBuilder Image(byte[] encoded, float width, string? caption = null)
    {
        _blocks.Add(new ImageBlock(encoded, width, caption));
        return this;
    }

    /// <summary>A QR code drawn as vector squares, sharp at any zoom and on any printer.</summary>
    public PdfDocumentBuilder QrCode(string text, float size, string? caption = null)
    {
        _blocks.Add(new QrBlock(text, size, caption));
        return this;
    }

    /// <summary>A page of its own, drawn by coordinates (a sheet of badges, a certificate).</summary>
    public PdfDocumentBuilder FixedPage(Action<PdfCanvas> draw)
    {
        _blocks.Add(new FixedPageBlock(draw));
        return this;
    }

    /// <summary>No "page n of m" line: sheets to cut, and single-page documents.</summary>
    public PdfDocumentBuilder NoFooter()
    {
        _footer = false;
        return this;
    }

    public PdfDocumentBuilder Space(float points)
    {
        _blocks.Add(new SpaceBlock(points));
        return this;
    }

    public PdfDocumentBuilder PageBreak(bool unlessLittleAbove = false)
    {
        _blocks.Add(new PageBreakBlock(unlessLittleAbove));
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
        var layout = new PdfLayout(shaper, _paper);
        try
        {
            Write(output, shaper, layout);
        }
        finally
        {
            foreach (var native in layout.Owned) native.Dispose();
        }
    }

    private void Write(Stream output, TextShaper shaper, PdfLayout layout)
    {
        foreach (var block in _blocks) block.Lay(layout);
        // A fixed page leaves an empty page after it for whatever follows; nothing followed.
        var pages = layout.Pages.Count > 1 && layout.Pages[^1].Count == 0 ? layout.Pages[..^1] : layout.Pages;
        var footers = Enumerable.Range(1, pages.Count).Select(n => Tr.T("{0} · page {1} of {2}", Title, n, pages.Count)).ToList();
        // Everything drawn must be measured before the fonts are cut down to what was measured.
        var footerWidths = footers.Select(f => shaper.Width(f, PdfWeight.Regular, 8)).ToList();
        var headerWidth = _header is null ? 0 : shaper.Width(_header, PdfWeight.Regular, 8);
        shaper.Seal();

        var metadata = new SKDocumentPdfMetadata
        {
            Title = Title,
            Author = author ?? "",
            Subject = _subject ?? "",
            Keywords = _keywords ?? "",
            Creator = "Workshops",
            Producer = "Workshops (SkiaSharp)",
            RasterDpi = 150,
        };
        if (_created is { } created)
        {
            metadata.Creation = created.UtcDateTime;
            metadata.Modified = created.UtcDateTime;
        }
        using var wrapped = new SKManagedWStream(output);
        using var document = SKDocument.CreatePdf(wrapped, metadata);
        for (var i = 0; i < pages.Count; i++)
        {
            var canvas = document.BeginPage(_paper.Width, _paper.Height);
            foreach (var draw in pages[i]) draw(canvas);
            if (_header is not null && i > 0)
            {
                // In the top margin, above where the page's content starts.
                var y = _paper.Margin - 20;
                shaper.Draw(canvas, _header, (_paper.Width - headerWidth) / 2, y, PdfWeight.Regular, 8, Muted);
                using var rule = new SKPaint { Color = Rule, StrokeWidth = 0.5f, Style = SKPaintStyle.Stroke };
                canvas.DrawLine(_paper.Margin, y + 5, _paper.Width - _paper.Margin, y + 5, rule);
            }
            if (_footer) shaper.Draw(canvas, footers[i], (_paper.Width - footerWidths[i]) / 2, _paper.Height - _paper.Margin + FooterHeight, PdfWeight.Regular, 8, Muted);
            document.EndPage();
        }
        document.Close();
    }
}
