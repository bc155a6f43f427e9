using HarfBuzzSharp;
using SkiaSharp;
using SkiaSharp.HarfBuzz;
using HbBuffer = HarfBuzzSharp.Buffer;
using HbFont = HarfBuzzSharp.Font;

namespace Workshops.Core.Pdf;

/// <summary>Measures and draws text shaped by HarfBuzz (kerning, combining accents) in the shipped fonts.</summary>
internal sealed class TextShaper : IDisposable
{
    // Ligatures are off: a PDF reader extracts the "fi" glyph as U+FB01, which breaks search and copy-paste.
    private static readonly Feature[] Features =
    [
        new(Tag.Parse("liga"), 0),
        new(Tag.Parse("clig"), 0),
        new(Tag.Parse("dlig"), 0),
    ];

    private const int Scale = 512;
    private readonly Dictionary<PdfWeight, (Blob Blob, Face Face, HbFont Font)> _hb = [];
    private readonly Dictionary<(PdfWeight, float), SKFont> _fonts = [];
    private readonly Dictionary<(string, PdfWeight, float), Shaped> _cache = [];

    public SKFont Font(PdfWeight weight, float size)
    {
        if (!_fonts.TryGetValue((weight, size), out var font))
        {
            font = new SKFont(PdfFonts.Get(weight), size) { Subpixel = true };
            _fonts[(weight, size)] = font;
        }
        return font;
    }

    public float Width(string text, PdfWeight weight, float size) => text.Length == 0 ? 0 : Shape(text, weight, size).Width;

    public void Draw(SKCanvas canvas, string text, float x, float baseline, PdfWeight weight, float size, SKColor color)
    {
        if (text.Length == 0) return;
        var shaped = Shape(text, weight, size);
        using var builder = new SKTextBlobBuilder();
        builder.AddPositionedRun(shaped.Glyphs, Font(weight, size), shaped.Positions);
        using var blob = builder.Build();
        if (blob is null) return;
        using var paint = new SKPaint { Color = color, IsAntialias = true };
        canvas.DrawText(blob, x, baseline, paint);
    }

    /// <summary>Greedy line breaking at spaces; a word wider than the line is split where it must be.</summary>
    public List<string> Wrap(string text, PdfWeight weight, float size, float maxWidth)
    {
        var lines = new List<string>();
        foreach (var hardLine in text.Replace("\r\n", "\n").Split('\n'))
        {
            var line = "";
            foreach (var word in hardLine.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (Width(candidate, weight, size) <= maxWidth)
                {
                    line = candidate;
                    continue;
                }
                if (line.Length > 0) lines.Add(line);
                line = word;
                while (Width(line, weight, size) > maxWidth && line.Length > 1)
                {
                    var cut = line.Length - 1;
                    while (cut > 1 && Width(line[..cut], weight, size) > maxWidth) cut--;
                    lines.Add(line[..cut]);
                    line = line[cut..];
                }
            }
            lines.Add(line);
        }
        return lines;
    }

    private Shaped Shape(string text, PdfWeight weight, float size)
    {
        if (_cache.TryGetValue((text, weight, size), out var cached)) return cached;
        var font = HarfBuzzFont(weight);
        using var buffer = new HbBuffer();
        buffer.AddUtf16(text);
        buffer.GuessSegmentProperties();
        font.Shape(buffer, Features);
        var infos = buffer.GlyphInfos;
        var positions = buffer.GlyphPositions;
        var factor = size / Scale;
        var glyphs = new ushort[infos.Length];
        var points = new SKPoint[infos.Length];
        float x = 0, y = 0;
        for (var i = 0; i < infos.Length; i++)
        {
            glyphs[i] = (ushort)infos[i].Codepoint;
            points[i] = new SKPoint(x + positions[i].XOffset * factor, y - positions[i].YOffset * factor);
            x += positions[i].XAdvance * factor;
            y += positions[i].YAdvance * factor;
        }
        var shaped = new Shaped(glyphs, points, x);
        _cache[(text, weight, size)] = shaped;
        return shaped;
    }

    private HbFont HarfBuzzFont(PdfWeight weight)
    {
        if (_hb.TryGetValue(weight, out var hb)) return hb.Font;
        using var stream = PdfFonts.Get(weight).OpenStream(out var index);
        var blob = stream.ToHarfBuzzBlob();
        var face = new Face(blob, index);
        var font = new HbFont(face);
        font.SetScale(Scale, Scale);
        font.SetFunctionsOpenType();
        _hb[weight] = (blob, face, font);
        return font;
    }

    public void Dispose()
    {
        foreach (var (blob, face, font) in _hb.Values)
        {
            font.Dispose();
            face.Dispose();
            blob.Dispose();
        }
        foreach (var f in _fonts.Values) f.Dispose();
    }

    private sealed record Shaped(ushort[] Glyphs, SKPoint[] Positions, float Width);
}
