using SkiaSharp;

namespace Workshops.Core.Pdf;

/// <summary>
/// A table cell: its text, and an optional second line in small muted type (a session's speakers, say). A starred cell
/// is shaded and drawn with a star (the shipped fonts have no star character, so it is drawn as a shape).
/// </summary>
/// <param name="Span">How many columns the cell covers: a plenary session across every room of a programme grid.</param>
public sealed record PdfCell(string Text, PdfWeight Weight = PdfWeight.Regular, string? Note = null, bool Starred = false, int Span = 1);

/// <summary>A row; a marked row is shaded, for what the reader picked out (their starred sessions).</summary>
public sealed record PdfRow(IReadOnlyList<PdfCell> Cells, bool Marked = false);

/// <param name="Compact">Smaller type and padding, for programmes and lists meant to fit a page.</param>
internal sealed record TableBlock(IReadOnlyList<string>? Headers, IReadOnlyList<PdfRow> Rows, IReadOnlyList<float> Weights, bool Compact = false) : IPdfBlock
{
    private const float StarWidth = 11f;
    private float Size => Compact ? 8.5f : 9.5f;
    private float NoteSize => Compact ? 7.5f : 8.5f;
    private float LineHeight => Size * 1.3f;
    private float NoteLineHeight => NoteSize * 1.3f;
    private float Pad => Compact ? 3.5f : 5f;

    private sealed record WrappedCell(List<string> Lines, PdfWeight Weight, List<string> Notes, bool Starred, float Width);

    public void Lay(PdfLayout layout)
    {
        var total = Weights.Sum();
        var widths = Weights.Select(w => layout.ContentWidth * w / total).ToArray();
        var header = Headers is null ? null : Wrap(layout, new PdfRow([.. Headers.Select(h => new PdfCell(h, PdfWeight.Bold))]), widths);
        if (header is not null)
        {
            layout.Need(Height(header) * 2);
            DrawRow(layout, header, PdfDocumentBuilder.HeaderFill);
        }
        foreach (var row in Rows)
        {
            var cells = Wrap(layout, row, widths);
            if (Height(cells) > layout.Remaining && !layout.AtPageTop)
            {
                layout.NewPage();
                if (header is not null) DrawRow(layout, header, PdfDocumentBuilder.HeaderFill);
            }
            DrawRow(layout, cells, row.Marked ? PdfDocumentBuilder.MarkFill : null);
        }
        layout.Y += 10;
    }

    private List<WrappedCell> Wrap(PdfLayout layout, PdfRow row, float[] widths)
    {
        var cells = new List<WrappedCell>();
        var column = 0;
        for (var i = 0; column < widths.Length; i++)
        {
            var cell = i < row.Cells.Count ? row.Cells[i] : new PdfCell("");
            var span = Math.Clamp(cell.Span, 1, widths.Length - column);
            var width = widths.Skip(column).Take(span).Sum();
            column += span;
            var inner = width - 2 * Pad - (cell.Starred ? StarWidth : 0);
            var notes = cell.Note is { Length: > 0 } note ? layout.Shaper.Wrap(note, PdfWeight.Regular, NoteSize, inner) : [];
            var lines = cell.Text.Length == 0 ? [] : layout.Shaper.Wrap(cell.Text, cell.Weight, Size, inner);
            cells.Add(new WrappedCell(lines, cell.Weight, notes, cell.Starred, width));
        }
        return cells;
    }

    private float Height(List<WrappedCell> cells) => cells.Max(c => c.Lines.Count * LineHeight + c.Notes.Count * NoteLineHeight) + 2 * Pad;

    private void DrawRow(PdfLayout layout, List<WrappedCell> cells, SKColor? fill)
    {
        var top = layout.Y;
        var height = Height(cells);
        var rect = SKRect.Create(layout.Left, top, layout.ContentWidth, height);
        layout.Draw(c =>
        {
            if (fill is { } color)
            {
                using var background = new SKPaint { Color = color, Style = SKPaintStyle.Fill };
                c.DrawRect(rect, background);
            }
            using var rule = new SKPaint { Color = PdfDocumentBuilder.Rule, StrokeWidth = 0.75f, Style = SKPaintStyle.Stroke };
            c.DrawLine(rect.Left, rect.Bottom, rect.Right, rect.Bottom, rule);
        });
        var x = layout.Left;
        for (var i = 0; i < cells.Count; i++)
        {
            var y = top + Pad;
            var textX = x + Pad;
            if (cells[i].Starred)
            {
                var cell = SKRect.Create(x, top, cells[i].Width, height);
                var star = layout.Own(Star(x + Pad + 4, top + Pad + Size * 0.55f, 4.5f));
                layout.Draw(c =>
                {
                    using var shade = new SKPaint { Color = PdfDocumentBuilder.MarkFill, Style = SKPaintStyle.Fill };
                    if (fill is null) c.DrawRect(cell, shade);
                    using var paint = new SKPaint { Color = PdfDocumentBuilder.Accent, Style = SKPaintStyle.Fill, IsAntialias = true };
                    c.DrawPath(star, paint);
                });
                textX += StarWidth;
            }
            foreach (var line in cells[i].Lines)
            {
                layout.Text(line, textX, y, cells[i].Weight, Size, PdfDocumentBuilder.Ink);
                y += LineHeight;
            }
            foreach (var line in cells[i].Notes)
            {
                layout.Text(line, textX, y, PdfWeight.Regular, NoteSize, PdfDocumentBuilder.Muted);
                y += NoteLineHeight;
            }
            x += cells[i].Width;
        }
        layout.Y = top + height;
    }

    /// <summary>A five-pointed star centred on (x, y).</summary>
    private static SKPath Star(float x, float y, float radius)
    {
        var path = new SKPath();
        for (var i = 0; i < 10; i++)
        {
            var r = i % 2 == 0 ? radius : radius * 0.45f;
            var angle = -Math.PI / 2 + i * Math.PI / 5;
            var point = new SKPoint(x + (float)(r * Math.Cos(angle)), y + (float)(r * Math.Sin(angle)));
            if (i == 0) path.MoveTo(point);
            else path.LineTo(point);
        }
        path.Close();
        return path;
    }
}
