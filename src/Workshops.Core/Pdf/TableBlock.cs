using SkiaSharp;

namespace Workshops.Core.Pdf;

internal sealed record TableBlock(IReadOnlyList<string>? Headers, IReadOnlyList<IReadOnlyList<string>> Rows, IReadOnlyList<float> Weights) : IPdfBlock
{
    private const float Size = 9.5f;
    private const float LineHeight = Size * 1.35f;
    private const float Pad = 5f;

    public void Lay(PdfLayout layout)
    {
        var total = Weights.Sum();
        var widths = Weights.Select(w => PdfLayout.ContentWidth * w / total).ToArray();
        var header = Headers is null ? null : Wrap(layout, Headers, widths, PdfWeight.Bold);
        if (header is not null) layout.Need(Height(header) * 2);
        if (header is not null) DrawRow(layout, header, widths, PdfWeight.Bold, fill: true);
        foreach (var row in Rows)
        {
            var cells = Wrap(layout, row, widths, PdfWeight.Regular);
            var height = Height(cells);
            if (height > layout.Remaining && !layout.AtPageTop)
            {
                layout.NewPage();
                if (header is not null) DrawRow(layout, header, widths, PdfWeight.Bold, fill: true);
            }
            DrawRow(layout, cells, widths, PdfWeight.Regular, fill: false);
        }
        layout.Y += 10;
    }

    private static List<List<string>> Wrap(PdfLayout layout, IReadOnlyList<string> row, float[] widths, PdfWeight weight) =>
        widths.Select((w, i) => layout.Shaper.Wrap(i < row.Count ? row[i] ?? "" : "", weight, Size, w - 2 * Pad)).ToList();

    private static float Height(List<List<string>> cells) => cells.Max(c => c.Count) * LineHeight + 2 * Pad;

    private static void DrawRow(PdfLayout layout, List<List<string>> cells, float[] widths, PdfWeight weight, bool fill)
    {
        var top = layout.Y;
        var height = Height(cells);
        var rect = SKRect.Create(PdfLayout.Left, top, PdfLayout.ContentWidth, height);
        layout.Draw(c =>
        {
            if (fill)
            {
                using var background = new SKPaint { Color = PdfDocumentBuilder.HeaderFill, Style = SKPaintStyle.Fill };
                c.DrawRect(rect, background);
            }
            using var rule = new SKPaint { Color = PdfDocumentBuilder.Rule, StrokeWidth = 0.75f, Style = SKPaintStyle.Stroke };
            c.DrawLine(rect.Left, rect.Bottom, rect.Right, rect.Bottom, rule);
        });
        var x = PdfLayout.Left;
        for (var i = 0; i < widths.Length; i++)
        {
            var y = top + Pad;
            foreach (var line in cells[i])
            {
                layout.Text(line, x + Pad, y, weight, Size, PdfDocumentBuilder.Ink);
                y += LineHeight;
            }
            x += widths[i];
        }
        layout.Y = top + height;
    }
}
