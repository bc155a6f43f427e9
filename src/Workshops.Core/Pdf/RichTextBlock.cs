using SkiaSharp;

namespace Workshops.Core.Pdf;

/// <summary>A piece of a paragraph in one style; with a link, a click on it opens the address. "\n" alone is a line break.</summary>
public sealed record PdfRun(string Text, PdfWeight Weight = PdfWeight.Regular, string? Link = null)
{
    public static readonly PdfRun Break = new("\n");
}

/// <summary>A paragraph of styled runs wrapped at spaces, optionally indented with a marker (a bullet or "2.") hanging left of it.</summary>
internal sealed record RichTextBlock(IReadOnlyList<PdfRun> Runs, float Size, float Indent, string? Marker, SKColor Color) : IPdfBlock
{
    private sealed record Word(string Text, PdfWeight Weight, string? Link, bool SpaceBefore, bool BreakBefore);

    private sealed record Piece(string Text, PdfWeight Weight, string? Link, float X);

    public void Lay(PdfLayout layout)
    {
        var lineHeight = Size * 1.4f;
        var left = layout.Left + Indent;
        var width = layout.ContentWidth - Indent;
        var lines = Lines(layout.Shaper, width);
        var first = true;
        foreach (var line in lines)
        {
            layout.Need(lineHeight);
            if (first && Marker is not null)
            {
                var markerWidth = layout.Shaper.Width(Marker, PdfWeight.Regular, Size);
                layout.Text(Marker, left - markerWidth - 5, layout.Y, PdfWeight.Regular, Size, Color);
            }
            first = false;
            foreach (var piece in line)
            {
                var color = piece.Link is null ? Color : PdfDocumentBuilder.Accent;
                layout.Text(piece.Text, left + piece.X, layout.Y, piece.Weight, Size, color);
                if (piece.Link is { } link)
                {
                    var pieceWidth = layout.Shaper.Width(piece.Text, piece.Weight, Size);
                    var rect = SKRect.Create(left + piece.X, layout.Y, pieceWidth, lineHeight);
                    var underline = layout.Y + Size * 1.1f;
                    layout.Draw(c =>
                    {
                        using var paint = new SKPaint { Color = PdfDocumentBuilder.Accent, StrokeWidth = 0.5f, Style = SKPaintStyle.Stroke };
                        c.DrawLine(rect.Left, underline, rect.Right, underline, paint);
                        c.DrawUrlAnnotation(rect, link);
                    });
                }
            }
            layout.Y += lineHeight;
        }
        layout.Y += Size * 0.5f;
    }

    private List<List<Piece>> Lines(TextShaper shaper, float width)
    {
        var lines = new List<List<Word>> { new() };
        float x = 0;
        foreach (var word in Words().SelectMany(w => Fitted(shaper, w, width)))
        {
            var line = lines[^1];
            var space = word.SpaceBefore && line.Count > 0 ? shaper.Width(" ", word.Weight, Size) : 0;
            var w = shaper.Width(word.Text, word.Weight, Size);
            if (word.BreakBefore || (line.Count > 0 && x + space + w > width))
            {
                lines.Add([]);
                line = lines[^1];
                x = 0;
                space = 0;
            }
            if (word.Text.Length == 0) continue;
            line.Add(line.Count == 0 ? word with { SpaceBefore = false } : word);
            x += space + w;
        }
        return lines.Where(l => l.Count > 0).Select(l => Merge(shaper, l)).ToList();
    }

    // A word wider than the line (a long address) is cut where it must be, each piece on a line of its own.
    private IEnumerable<Word> Fitted(TextShaper shaper, Word word, float width)
    {
        if (shaper.Width(word.Text, word.Weight, Size) <= width)
        {
            yield return word;
            yield break;
        }
        var pieces = shaper.Wrap(word.Text, word.Weight, Size, width);
        for (var i = 0; i < pieces.Count; i++)
            yield return i == 0 ? word with { Text = pieces[0], BreakBefore = true } : word with { Text = pieces[i], SpaceBefore = false, BreakBefore = true };
    }

    // Words of one style go out as one string: fewer text objects, and readers extract the spaces between them.
    private List<Piece> Merge(TextShaper shaper, List<Word> words)
    {
        var pieces = new List<Piece>();
        float x = 0;
        string? text = null;
        Word? style = null;
        foreach (var word in words)
        {
            if (style is not null && style.Weight == word.Weight && style.Link == word.Link)
            {
                text += (word.SpaceBefore ? " " : "") + word.Text;
                continue;
            }
            if (style is not null)
            {
                pieces.Add(new Piece(text!, style.Weight, style.Link, x));
                x += shaper.Width(text!, style.Weight, Size);
            }
            if (word.SpaceBefore && style is not null) x += shaper.Width(" ", word.Weight, Size);
            text = word.Text;
            style = word;
        }
        if (style is not null) pieces.Add(new Piece(text!, style.Weight, style.Link, x));
        return pieces;
    }

    private IEnumerable<Word> Words()
    {
        var spacePending = false;
        var breakPending = false;
        foreach (var run in Runs)
        {
            if (run.Text == "\n")
            {
                breakPending = true;
                continue;
            }
            var text = run.Text.Replace('\n', ' ').Replace('\r', ' ').Replace('\t', ' ');
            if (text.Length > 0 && text[0] == ' ') spacePending = true;
            var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            for (var i = 0; i < parts.Length; i++)
            {
                yield return new Word(parts[i], run.Weight, run.Link, spacePending || i > 0, breakPending);
                spacePending = false;
                breakPending = false;
            }
            if (text.Length > 0 && text[^1] == ' ') spacePending = true;
        }
    }
}
