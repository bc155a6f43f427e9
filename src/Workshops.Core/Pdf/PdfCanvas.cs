using SkiaSharp;

namespace Workshops.Core.Pdf;

/// <summary>
/// A page drawn by coordinates (points from the top-left corner) instead of flowing blocks: badge sheets and
/// certificates. Text is measured as it is placed, so the document's fonts can be cut down before drawing.
/// </summary>
public sealed class PdfCanvas
{
    private readonly PdfLayout _layout;

    internal PdfCanvas(PdfLayout layout, PdfPaper paper) => (_layout, Paper) = (layout, paper);

    public PdfPaper Paper { get; }

    public float Width(string text, PdfWeight weight, float size) => _layout.Shaper.Width(text, weight, size);

    /// <summary>Text whose line starts at (<paramref name="x"/>, <paramref name="top"/>).</summary>
    public void Text(string text, float x, float top, PdfWeight weight, float size, SKColor color) => _layout.Text(text, x, top, weight, size, color);

    /// <summary>Text centred on <paramref name="centre"/>.</summary>
    public void Centred(string text, float centre, float top, PdfWeight weight, float size, SKColor color) =>
        Text(text, centre - Width(text, weight, size) / 2, top, weight, size, color);

    /// <summary>Lines wrapped to <paramref name="width"/>.</summary>
    public List<string> Wrap(string text, PdfWeight weight, float size, float width) => _layout.Shaper.Wrap(text, weight, size, width);

    /// <summary>The largest size from <paramref name="max"/> down to <paramref name="min"/> at which the text fits the width on one line.</summary>
    public float Fit(string text, PdfWeight weight, float max, float min, float width)
    {
        var size = max;
        var measured = Width(text, weight, max);
        if (measured > width) size = Math.Max(min, max * width / measured);
        return (float)Math.Floor(size * 2) / 2;
    }

    public void Fill(SKRect rect, SKColor color) => _layout.Draw(c =>
    {
        using var paint = new SKPaint { Color = color, Style = SKPaintStyle.Fill };
        c.DrawRect(rect, paint);
    });

    public void Line(float x1, float y1, float x2, float y2, SKColor color, float width = 0.5f) => _layout.Draw(c =>
    {
        using var paint = new SKPaint { Color = color, StrokeWidth = width, Style = SKPaintStyle.Stroke, IsAntialias = true };
        c.DrawLine(x1, y1, x2, y2, paint);
    });

    /// <summary>A QR code <paramref name="size"/> points square, quiet zone included.</summary>
    public void QrCode(string content, float x, float y, float size)
    {
        var path = _layout.Own(QrBlock.Path(content, x, y, size));
        _layout.Draw(c =>
        {
            using var paint = new SKPaint { Color = SKColors.Black, Style = SKPaintStyle.Fill };
            c.DrawPath(path, paint);
        });
    }

    public static SKColor Color(string hex) => SKColor.Parse(hex);
}

/// <summary>A page drawn by coordinates.</summary>
internal sealed record FixedPageBlock(Action<PdfCanvas> Draw) : IPdfBlock
{
    public void Lay(PdfLayout layout)
    {
        if (!layout.AtPageTop || layout.Pages[^1].Count > 0) layout.NewPage();
        Draw(new PdfCanvas(layout, layout.Paper));
        layout.NewPage();
    }
}
