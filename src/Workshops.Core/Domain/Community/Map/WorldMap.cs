using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Workshops.Core.Domain.Community.Map;

/// <summary>One country as a map shows it: its colour, where a click takes you, and what it says to a screen reader.</summary>
public sealed record MapCountry(string Code, string Fill, string Label, string? Link);

/// <summary>A key of the map's colours, drawn in its bottom left corner.</summary>
public sealed record MapKey(string Fill, string Label);

/// <summary>
/// The world drawn on the server as SVG, from Natural Earth's countries (see make-map.py and LICENSE-world-atlas.txt):
/// every country in a neutral grey, the ones given in their colour as a link with a name, and a key. It needs no
/// script and loads nothing from elsewhere, so it can sit in a page or be served on its own as an image.
/// </summary>
public static class WorldMap
{
    private sealed record Shape(string Code, string Path, double[]? Marker);
    private sealed record Data(double Width, double Height, List<Shape> Countries)
    {
        public HashSet<string> Codes { get; } = Countries.Select(c => c.Code).ToHashSet();
    }

    private static readonly Lazy<Data> World = new(Load);

    public const string Land = "#dfe6e1";

    /// <summary>The countries the map can draw, by ISO code.</summary>
    public static bool Knows(string code) => World.Value.Codes.Contains(code);

    /// <param name="title">The map's accessible name, also its tooltip.</param>
    /// <param name="standalone">For map.svg: with the XML namespace, so it is a document of its own.</param>
    public static string Render(IEnumerable<MapCountry> countries, IReadOnlyList<MapKey> key, string title, string? id = null, bool standalone = false)
    {
        var world = World.Value;
        var marked = countries.ToDictionary(c => c.Code);
        var keyHeight = key.Count == 0 ? 0 : 12 + key.Count * 22;
        var height = world.Height + keyHeight;
        var s = new StringBuilder(world.Countries.Sum(c => c.Path.Length) + 4096);
        var titleId = (id ?? "world-map") + "-title";
        s.Append(CultureInfo.InvariantCulture, $"<svg{(standalone ? " xmlns=\"http://www.w3.org/2000/svg\"" : "")} class=\"world-map\" viewBox=\"0 0 {world.Width:0.#} {height:0.#}\" role=\"group\" aria-labelledby=\"{titleId}\"{(id is null ? "" : $" id=\"{id}\"")}>");
        s.Append($"<title id=\"{titleId}\">{Escape(title)}</title>");
        // The countries nobody marked: one shape, hidden from screen readers, which get the marked ones and the table.
        s.Append($"<path aria-hidden=\"true\" fill=\"{Land}\" stroke=\"#ffffff\" stroke-width=\"0.4\" d=\"");
        foreach (var c in world.Countries.Where(c => !marked.ContainsKey(c.Code))) s.Append(c.Path);
        s.Append("\"/>");
        foreach (var shape in world.Countries.Where(c => marked.ContainsKey(c.Code)))
        {
            var m = marked[shape.Code];
            var label = Escape(m.Label);
            s.Append(m.Link is null ? $"<g role=\"img\" aria-label=\"{label}\">" : $"<a href=\"{Escape(m.Link)}\" aria-label=\"{label}\">");
            s.Append($"<title>{label}</title>");
            s.Append($"<path fill=\"{Escape(m.Fill)}\" stroke=\"#ffffff\" stroke-width=\"0.4\" d=\"{shape.Path}\"/>");
            // Too small to find at this size: a ringed dot at its place, coloured as it is.
            if (shape.Marker is [var x, var y])
                s.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{x:0.#}\" cy=\"{y:0.#}\" r=\"4\" fill=\"{Escape(m.Fill)}\" stroke=\"#1d2a22\" stroke-width=\"1\"/>");
            s.Append(m.Link is null ? "</g>" : "</a>");
        }
        if (key.Count > 0)
        {
            s.Append("<g aria-hidden=\"true\" font-family=\"system-ui, sans-serif\" font-size=\"13\" fill=\"#1d2a22\">");
            for (var i = 0; i < key.Count; i++)
            {
                var y = world.Height + 8 + i * 22;
                s.Append(CultureInfo.InvariantCulture, $"<rect x=\"10\" y=\"{y:0.#}\" width=\"16\" height=\"16\" rx=\"3\" fill=\"{Escape(key[i].Fill)}\" stroke=\"#1d2a22\" stroke-width=\"0.5\"/>");
                s.Append(CultureInfo.InvariantCulture, $"<text x=\"34\" y=\"{y + 13:0.#}\">{Escape(key[i].Label)}</text>");
            }
            s.Append("</g>");
        }
        s.Append("</svg>");
        return s.ToString();
    }

    private static string Escape(string text) =>
        text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\"", "&quot;").Replace("'", "&#39;");

    private static Data Load()
    {
        using var stream = typeof(WorldMap).Assembly.GetManifestResourceStream("Workshops.Core.Domain.Community.Map.world-map.json")
            ?? throw new InvalidOperationException("The world map's shapes are not in the build.");
        using var doc = JsonDocument.Parse(stream);
        var root = doc.RootElement;
        var countries = root.GetProperty("countries").EnumerateArray().Select(c => new Shape(
            c.GetProperty("code").GetString()!, c.GetProperty("path").GetString()!,
            c.TryGetProperty("marker", out var m) ? [m[0].GetDouble(), m[1].GetDouble()] : null)).ToList();
        return new Data(root.GetProperty("width").GetDouble(), root.GetProperty("height").GetDouble(), countries);
    }
}
