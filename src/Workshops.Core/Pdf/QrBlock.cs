using QRCoder;
using SkiaSharp;

namespace Workshops.Core.Pdf;

/// <summary>A QR code as filled squares (one rectangle per dark run of a row), with its quiet zone, and a caption under it.</summary>
internal sealed record QrBlock(string Content, float Size, string? Caption) : IPdfBlock
{
    public void Lay(PdfLayout layout)
    {
        var captionHeight = Caption is null ? 0 : 16f;
        layout.Need(Size + captionHeight);
        var path = layout.Own(Path(Content, layout.Left, layout.Y, Size));
        layout.Draw(c =>
        {
            using var paint = new SKPaint { Color = SKColors.Black, Style = SKPaintStyle.Fill, IsAntialias = false };
            c.DrawPath(path, paint);
        });
        layout.Y += Size;
        if (Caption is not null)
        {
            layout.Text(Caption, layout.Left, layout.Y, PdfWeight.Bold, 10, PdfDocumentBuilder.Ink);
            layout.Y += captionHeight;
        }
        layout.Y += 8;
    }

    /// <summary>The code's dark modules, <paramref name="size"/> points square including the four-module quiet zone.</summary>
    public static SKPath Path(string content, float left, float top, float size)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(content, QRCodeGenerator.ECCLevel.M);
        var matrix = data.ModuleMatrix;
        var module = size / matrix.Count;
        var path = new SKPath();
        for (var row = 0; row < matrix.Count; row++)
        {
            var bits = matrix[row];
            var col = 0;
            while (col < bits.Length)
            {
                if (!bits[col])
                {
                    col++;
                    continue;
                }
                var start = col;
                while (col < bits.Length && bits[col]) col++;
                path.AddRect(SKRect.Create(left + start * module, top + row * module, (col - start) * module, module));
            }
        }
        return path;
    }
}
