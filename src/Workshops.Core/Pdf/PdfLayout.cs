using SkiaSharp;

namespace Workshops.Core.Pdf;

/// <summary>Where the next block goes: the pages so far as lists of drawing steps, and the cursor on the last one.</summary>
internal sealed class PdfLayout(TextShaper shaper, PdfPaper paper)
{
    public PdfPaper Paper { get; } = paper;
    public float Left { get; } = paper.Margin;
    public float Top { get; } = paper.Margin;
    public float Bottom { get; } = paper.Height - paper.Margin;
    public float ContentWidth { get; } = paper.ContentWidth;

    public TextShaper Shaper { get; } = shaper;
    public List<List<Action<SKCanvas>>> Pages { get; } = [[]];
    public float Y { get; set; } = paper.Margin;

    public float Remaining => Bottom - Y;
    public bool AtPageTop => Y <= Top + 0.01f;

    public void Draw(Action<SKCanvas> step) => Pages[^1].Add(step);

    /// <summary>Native objects (images, paths) the drawing steps use, freed once the document is written.</summary>
    public List<IDisposable> Owned { get; } = [];

    public T? Own<T>(T? native) where T : class, IDisposable
    {
        if (native is not null) Owned.Add(native);
        return native;
    }

    public void NewPage()
    {
        Pages.Add([]);
        Y = Top;
    }

    /// <summary>Starts a new page unless <paramref name="height"/> still fits on this one.</summary>
    public void Need(float height)
    {
        if (height > Remaining && !AtPageTop) NewPage();
    }

    public void Text(string text, float x, float top, PdfWeight weight, float size, SKColor color)
    {
        // The baseline sits about 0.8 em below the line's top for Noto Sans.
        var baseline = top + size * 0.95f;
        // Measured now, while the fonts are whole: drawing comes after they are cut down to what was measured.
        Shaper.Width(text, weight, size);
        Draw(c => Shaper.Draw(c, text, x, baseline, weight, size, color));
    }
}

internal interface IPdfBlock
{
    void Lay(PdfLayout layout);
}

internal sealed record SpaceBlock(float Points) : IPdfBlock
{
    public void Lay(PdfLayout layout)
    {
        if (!layout.AtPageTop) layout.Y = Math.Min(layout.Y + Points, layout.Bottom);
    }
}

/// <param name="UnlessLittleAbove">
/// Past the first page, a page that holds only a small remainder (the last lines of the section before, under a
/// quarter of the page) is not left otherwise blank: the next section follows on it after some space.
/// </param>
internal sealed record PageBreakBlock(bool UnlessLittleAbove = false) : IPdfBlock
{
    public void Lay(PdfLayout layout)
    {
        if (layout.AtPageTop) return;
        if (UnlessLittleAbove && layout.Pages.Count > 1 && layout.Y - layout.Top < (layout.Bottom - layout.Top) * 0.25f)
        {
            layout.Y += 28;
            return;
        }
        layout.NewPage();
    }
}

internal sealed record ParagraphBlock(string Text, float Size, PdfWeight Weight, SKColor Color) : IPdfBlock
{
    public void Lay(PdfLayout layout)
    {
        var lineHeight = Size * 1.4f;
        foreach (var line in layout.Shaper.Wrap(Text, Weight, Size, layout.ContentWidth))
        {
            layout.Need(lineHeight);
            layout.Text(line, layout.Left, layout.Y, Weight, Size, Color);
            layout.Y += lineHeight;
        }
        layout.Y += Size * 0.6f;
    }
}

internal sealed record HeadingBlock(string Text, int Level) : IPdfBlock
{
    public void Lay(PdfLayout layout)
    {
        var size = Level switch { 1 => 20f, 2 => 14f, 3 => 12f, _ => 10.5f };
        var lines = layout.Shaper.Wrap(Text, PdfWeight.Bold, size, layout.ContentWidth);
        var lineHeight = size * 1.3f;
        var spaceAbove = layout.AtPageTop ? 0 : size * 0.8f;
        // Keep a heading with at least three lines of what follows it.
        layout.Need(spaceAbove + lines.Count * lineHeight + 3 * 15f);
        if (!layout.AtPageTop) layout.Y += spaceAbove;
        var color = Level == 1 ? PdfDocumentBuilder.Accent : PdfDocumentBuilder.Ink;
        foreach (var line in lines)
        {
            layout.Text(line, layout.Left, layout.Y, PdfWeight.Bold, size, color);
            layout.Y += lineHeight;
        }
        if (Level == 1)
        {
            var y = layout.Y + 2;
            layout.Draw(c =>
            {
                using var paint = new SKPaint { Color = PdfDocumentBuilder.Accent, StrokeWidth = 1.5f, IsAntialias = true };
                c.DrawLine(layout.Left, y, layout.Left + layout.ContentWidth, y, paint);
            });
            layout.Y += 8;
        }
        layout.Y += size * 0.3f;
    }
}

internal sealed record ImageBlock(byte[] Encoded, float Width, string? Caption) : IPdfBlock
{
    public void Lay(PdfLayout layout)
    {
        var image = layout.Own(SKImage.FromEncodedData(Encoded)) ?? throw new ArgumentException("The image is not a PNG or JPEG the PDF can embed.");
        var width = Math.Min(Width, layout.ContentWidth);
        var height = width * image.Height / image.Width;
        var captionHeight = Caption is null ? 0 : 14f;
        layout.Need(height + captionHeight);
        var rect = SKRect.Create(layout.Left, layout.Y, width, height);
        layout.Draw(c =>
        {
            using var paint = new SKPaint { IsAntialias = false };
            c.DrawImage(image, rect, new SKSamplingOptions(SKFilterMode.Nearest), paint);
        });
        layout.Y += height + 4;
        if (Caption is not null)
        {
            layout.Text(Caption, layout.Left, layout.Y, PdfWeight.Regular, 8.5f, PdfDocumentBuilder.Muted);
            layout.Y += captionHeight;
        }
        layout.Y += 6;
    }
}
