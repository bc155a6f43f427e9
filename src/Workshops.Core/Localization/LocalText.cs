using System.Text;
using System.Text.Json;

namespace Workshops.Core.Localization;

/// <summary>
/// A text organisers write in several languages, such as a workshop's title: one value per language, the first one
/// in the default language, which readers of any other language fall back to. Stored as one JSON object per field
/// (<c>{"en":"…","es":"…"}</c>) on both databases. Written where a string is expected, it is the reader's language.
/// </summary>
[System.Text.Json.Serialization.JsonConverter(typeof(LocalTextJson))]
public sealed class LocalText : IEquatable<LocalText>
{
    private readonly KeyValuePair<string, string>[] _values;

    private LocalText(KeyValuePair<string, string>[] values) => _values = values;

    /// <summary>A text in one language, the default.</summary>
    public LocalText(string text, string language = "en") : this([new(language, text ?? "")]) { }

    /// <summary>The values in order; the first one's language is the default. Blank values are dropped, except the default's.</summary>
    public static LocalText Of(string defaultLanguage, IEnumerable<KeyValuePair<string, string?>> values)
    {
        var list = values.Where(v => v.Key != defaultLanguage && !string.IsNullOrWhiteSpace(v.Value))
            .GroupBy(v => v.Key).Select(g => new KeyValuePair<string, string>(g.Key, g.First().Value!.Trim())).ToList();
        var first = values.FirstOrDefault(v => v.Key == defaultLanguage).Value?.Trim() ?? "";
        return new LocalText([new(defaultLanguage, first), .. list]);
    }

    public string DefaultLanguage => _values[0].Key;
    public string Default => _values[0].Value;
    public IReadOnlyList<KeyValuePair<string, string>> Values => _values;
    public IEnumerable<string> Languages => _values.Select(v => v.Key);

    /// <summary>Whether it is written in this language (the default language counts).</summary>
    public bool Has(string language) => _values.Any(v => v.Key == language);

    /// <summary>The text in exactly this language, or null.</summary>
    public string? Exactly(string language) => _values.FirstOrDefault(v => v.Key == language).Value;

    /// <summary>The text in this language, else in the default one.</summary>
    public string In(string language) => Exactly(language) ?? Default;

    /// <summary>Whether a reader of the current language gets another language's text.</summary>
    public bool FallsBack => !Has(Tr.Language) && !Tr.IsPseudo(System.Globalization.CultureInfo.CurrentUICulture) && Default.Length > 0;

    /// <summary>With one language's text changed (blank removes it, except the default's).</summary>
    public LocalText With(string language, string? text) =>
        Of(DefaultLanguage, _values.Where(v => v.Key != language).Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))
            .Append(new(language, text ?? "")).OrderBy(v => v.Key == DefaultLanguage ? 0 : 1));

    public override string ToString() => In(Tr.Language);

    public static implicit operator string(LocalText? text) => text?.ToString() ?? "";

    /// <summary>Every language's text, for search and for the JSON column.</summary>
    public string AllText(string separator = "\n") => string.Join(separator, _values.Select(v => v.Value).Where(v => v.Length > 0).Distinct());

    public string ToJson()
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            foreach (var (language, text) in _values) json.WriteString(language, text);
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Reads the column: a JSON object of language and text, in order; anything else is one English text (rows written before languages).</summary>
    public static LocalText Parse(string? stored)
    {
        if (string.IsNullOrEmpty(stored)) return new LocalText("");
        if (stored[0] == '{')
        {
            try
            {
                using var doc = JsonDocument.Parse(stored);
                // Only an object of texts is one; any other JSON is a text that happens to start with a brace.
                var values = doc.RootElement.EnumerateObject().ToArray();
                if (values.Length > 0 && values.All(p => p.Value.ValueKind == JsonValueKind.String))
                    return new LocalText(values.Select(p => new KeyValuePair<string, string>(p.Name, p.Value.GetString()!)).ToArray());
            }
            catch (JsonException) { }
        }
        return new LocalText(stored);
    }

    public bool Equals(LocalText? other) => other is not null && _values.SequenceEqual(other._values);
    public override bool Equals(object? obj) => Equals(obj as LocalText);
    public override int GetHashCode() => _values.Aggregate(0, (h, v) => HashCode.Combine(h, v.Key, v.Value));
}

/// <summary>In JSON a multilingual text is the reader's text (feeds and exports for one reader); read back, one English text.</summary>
public sealed class LocalTextJson : System.Text.Json.Serialization.JsonConverter<LocalText>
{
    public override LocalText Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => new(reader.GetString() ?? "");

    public override void Write(Utf8JsonWriter writer, LocalText value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());
}
