using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace Workshops.Core.Domain.Archive.Import.Jekyll;

/// <summary>A Jekyll page: its YAML front matter between two "---" lines, and the Markdown after it.</summary>
public sealed record FrontMatter(IReadOnlyDictionary<string, object?> Data, string Body)
{
    private static readonly IDeserializer Yaml = new DeserializerBuilder().Build();

    /// <summary>The page read, or a <see cref="FormatException"/> saying what is wrong with its front matter.</summary>
    public static FrontMatter Read(string text)
    {
        var lines = text.TrimStart('\uFEFF').Replace("\r\n", "\n").Split('\n');
        if (lines.Length == 0 || lines[0].Trim() != "---") throw new FormatException("it does not start with front matter (a line of ---).");
        var end = Array.FindIndex(lines, 1, l => l.Trim() == "---");
        if (end < 0) throw new FormatException("its front matter is not closed by a line of ---.");
        Dictionary<string, object?> data;
        try
        {
            data = Yaml.Deserialize<Dictionary<string, object?>>(string.Join('\n', lines[1..end])) ?? [];
        }
        catch (YamlException e)
        {
            throw new FormatException($"its front matter is not valid YAML (line {e.Start.Line + 1}: {e.InnerException?.Message ?? e.Message}).");
        }
        return new FrontMatter(data, string.Join('\n', lines[(end + 1)..]));
    }

    /// <summary>A field's text: null when absent, blank, or not text (a list or a map).</summary>
    public string? Text(string key, int max = 2000) =>
        Data.TryGetValue(key, out var v) && v is string s && !string.IsNullOrWhiteSpace(s) ? (s.Trim().Length > max ? s.Trim()[..max] : s.Trim()) : null;
}
