using System.Collections.Concurrent;
using HarfBuzzSharp;
using SkiaSharp;
using SkiaSharp.HarfBuzz;
using HbBuffer = HarfBuzzSharp.Buffer;
using HbFont = HarfBuzzSharp.Font;

namespace Workshops.Core.Pdf;

/// <summary>
/// Measures and draws text shaped by HarfBuzz (kerning, combining accents) in the shipped fonts. One shaper serves
/// one document: it remembers which glyphs the document used, and draws with fonts cut down to just those (see
/// <see cref="FontSubsetter"/>). Shaping results are shared between documents, since a batch of packs repeats the
/// same agenda and participant names hundreds of times.
/// </summary>
internal sealed class TextShaper : IDisposable
{
    // Ligatures are off: a PDF reader extracts the "fi" glyph as U+FB01, which breaks search and copy-paste.
    private static readonly Feature[] Features =
    [
        new(Tag.Parse("liga"), 0),
        new(Tag.Parse("clig"), 0),
        new(Tag.Parse("dlig"), 0),
    ];

    private const int Scale = 2048;
    private const int SharedCacheLimit = 20_000;
    private static readonly ConcurrentDictionary<(string, PdfWeight), Shaped> Shared = new();
    private const int SubsetCacheLimit = 200;
    private static readonly ConcurrentDictionary<string, SKTypeface> Subsets = new();
    private static readonly Lazy<(Face Face, HbFont Font)>[] HarfBuzz =
        [.. Enum.GetValues<PdfWeight>().Select(w => new Lazy<(Face, HbFont)>(() => Open(w)))];

    private readonly Dictionary<PdfWeight, Dictionary<string, Shaped>> _used = [];
    private readonly Dictionary<PdfWeight, SKTypeface> _subsets = [];
    private readonly Dictionary<(PdfWeight, float), SKFont> _fonts = [];
    private readonly Dictionary<SKColor, SKPaint> _paints = [];
    private readonly SKTextBlobBuilder _builder = new();

    // Set once every piece of text is laid out: from then on the shaper draws, and text it has not measured cannot be drawn.
    private bool _sealed;

    public float Width(string text, PdfWeight weight, float size) => text.Length == 0 ? 0 : Shape(text, weight).Width * size / Scale;

    public void Draw(SKCanvas canvas, string text, float x, float baseline, PdfWeight weight, float size, SKColor color)
    {
        if (text.Length == 0) return;
        var shaped = Shape(text, weight);
        var factor = size / Scale;
        var points = new SKPoint[shaped.Glyphs.Length];
        for (var i = 0; i < points.Length; i++) points[i] = new SKPoint(shaped.X[i] * factor, shaped.Y[i] * factor);
        // One builder and one paint per colour for the whole document: a pack draws a few thousand pieces of text.
        _builder.AddPositionedRun(shaped.Glyphs, Font(weight, size), points);
        using var blob = _builder.Build();
        if (blob is null) return;
        if (!_paints.TryGetValue(color, out var paint)) _paints[color] = paint = new SKPaint { Color = color, IsAntialias = true };
        canvas.DrawText(blob, x, baseline, paint);
    }

    /// <summary>
    /// Greedy line breaking at spaces; a word wider than the line is split where it must be. Words are measured one
    /// by one and added up (kerning across a space is nil in these fonts), so a paragraph costs one shaping per word.
    /// </summary>
    public List<string> Wrap(string text, PdfWeight weight, float size, float maxWidth)
    {
        var lines = new List<string>();
        var space = Width(" ", weight, size);
        foreach (var hardLine in text.Replace("\r\n", "\n").Split('\n'))
        {
            var line = new System.Text.StringBuilder();
            float width = 0;
            foreach (var word in hardLine.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var w = Width(word, weight, size);
                if (line.Length > 0 && width + space + w <= maxWidth)
                {
                    line.Append(' ').Append(word);
                    width += space + w;
                    continue;
                }
                if (line.Length > 0) lines.Add(line.ToString());
                line.Clear();
                var rest = word;
                while (w > maxWidth && rest.Length > 1)
                {
                    var cut = rest.Length - 1;
                    while (cut > 1 && Width(rest[..cut], weight, size) > maxWidth) cut--;
                    lines.Add(rest[..cut]);
                    rest = rest[cut..];
                    w = Width(rest, weight, size);
                }
                line.Append(rest);
                width = w;
            }
            lines.Add(line.ToString());
        }
        return lines;
    }

    /// <summary>Cuts each face down to the glyphs used so far; called after layout, before the first page is drawn.</summary>
    public void Seal()
    {
        _sealed = true;
        foreach (var (weight, used) in _used)
        {
            var glyphs = new HashSet<uint>();
            var codepoints = new HashSet<uint>();
            foreach (var s in used.Values)
            {
                foreach (var g in s.Glyphs) glyphs.Add(g);
                foreach (var c in s.Codepoints) codepoints.Add(c);
            }
            // A batch of packs mostly shares one set of glyphs (the agenda, the participants' names): one cut serves them all.
            var key = $"{weight}|{string.Join(",", glyphs.Order())}|{string.Join(",", codepoints.Order())}";
            _subsets[weight] = Subsets.GetOrAdd(key, _ =>
            {
                if (Subsets.Count > SubsetCacheLimit) Subsets.Clear(); // dropped faces are freed once no document holds them
                var bytes = FontSubsetter.Subset(HarfBuzz[(int)weight].Value.Face, glyphs, codepoints);
                using var data = SKData.CreateCopy(bytes);
                return SKTypeface.FromData(data) ?? throw new InvalidOperationException("Skia could not read the font subset.");
            });
        }
    }

    private SKFont Font(PdfWeight weight, float size)
    {
        if (!_sealed) throw new InvalidOperationException("Text is drawn only after the layout is sealed.");
        if (!_fonts.TryGetValue((weight, size), out var font))
        {
            font = new SKFont(_subsets[weight], size) { Subpixel = true };
            _fonts[(weight, size)] = font;
        }
        return font;
    }

    private Shaped Shape(string text, PdfWeight weight)
    {
        if (!_used.TryGetValue(weight, out var used))
        {
            if (_sealed) throw NotLaidOut(text);
            _used[weight] = used = [];
        }
        if (used.TryGetValue(text, out var mine)) return mine;
        // After sealing, the fonts hold only the glyphs of text seen before: anything new would draw as blanks.
        if (_sealed) throw NotLaidOut(text);
        if (!Shared.TryGetValue((text, weight), out var shaped))
        {
            shaped = ShapeNow(text, weight);
            // Names and one-off lines would grow the shared cache without end; starting over now and then is cheap.
            if (Shared.Count > SharedCacheLimit) Shared.Clear();
            Shared[(text, weight)] = shaped;
        }
        used[text] = shaped;
        return shaped;
    }

    private static InvalidOperationException NotLaidOut(string text) => new($"'{text}' was not measured before the document was sealed.");

    private static Shaped ShapeNow(string text, PdfWeight weight)
    {
        var font = HarfBuzz[(int)weight].Value.Font;
        using var buffer = new HbBuffer();
        buffer.AddUtf16(text);
        buffer.GuessSegmentProperties();
        font.Shape(buffer, Features);
        var infos = buffer.GlyphInfos;
        var positions = buffer.GlyphPositions;
        var glyphs = new ushort[infos.Length];
        var xs = new float[infos.Length];
        var ys = new float[infos.Length];
        float x = 0, y = 0;
        for (var i = 0; i < infos.Length; i++)
        {
            glyphs[i] = (ushort)infos[i].Codepoint;
            xs[i] = x + positions[i].XOffset;
            ys[i] = y - positions[i].YOffset;
            x += positions[i].XAdvance;
            y += positions[i].YAdvance;
        }
        var codepoints = text.EnumerateRunes().Select(r => (uint)r.Value).Distinct().ToArray();
        return new Shaped(glyphs, xs, ys, x, codepoints);
    }

    private static (Face, HbFont) Open(PdfWeight weight)
    {
        using var stream = PdfFonts.Get(weight).OpenStream(out var index);
        var blob = stream.ToHarfBuzzBlob();
        var face = new Face(blob, index);
        var font = new HbFont(face);
        font.SetScale(Scale, Scale);
        font.SetFunctionsOpenType();
        // Kept for the life of the process: every document shapes with the same fonts.
        return (face, font);
    }

    public void Dispose()
    {
        foreach (var f in _fonts.Values) f.Dispose();
        foreach (var p in _paints.Values) p.Dispose();
        _builder.Dispose();
    }

    /// <summary>Glyphs and their positions in font units (Scale per em), with the characters they came from.</summary>
    private sealed class Shaped(ushort[] glyphs, float[] x, float[] y, float width, uint[] codepoints)
    {
        public ushort[] Glyphs { get; } = glyphs;
        public float[] X { get; } = x;
        public float[] Y { get; } = y;
        public float Width { get; } = width;
        public uint[] Codepoints { get; } = codepoints;
    }
}
