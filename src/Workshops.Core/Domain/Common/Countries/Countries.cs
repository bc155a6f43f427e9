using System.Globalization;
using System.Text.Json;
using Workshops.Core.Text;

namespace Workshops.Core.Domain.Common;

/// <summary>A country as the picker offers it: its ISO 3166-1 alpha-2 code and its name in the reader's language.</summary>
public sealed record Country(string Code, string Name);

/// <summary>
/// Countries are stored as ISO 3166-1 alpha-2 codes ("BR") and shown in the reader's language ("Brazil", "Brasil",
/// "Brésil"), so "Brasil" and "Brazil" are one country in every count. Names come from i18n-iso-countries (MIT;
/// see make-countries.py). Text typed before the picker existed is matched against every name a country goes by.
/// </summary>
public static class Countries
{
    private sealed record Entry(string Code, string Alpha3, Dictionary<string, string> Names, string[] Aliases);

    private static readonly IReadOnlyList<Entry> Entries = Load();
    private static readonly Dictionary<string, Entry> ByCode = Entries.ToDictionary(e => e.Code, StringComparer.OrdinalIgnoreCase);
    private static readonly Dictionary<string, string> ByName = Names();

    public static readonly string[] Languages = ["en", "es", "fr", "pt"];

    /// <summary>Every country, sorted by its name in the reader's language.</summary>
    public static IReadOnlyList<Country> All()
    {
        var language = Language();
        var order = StringComparer.Create(CultureInfo.CurrentUICulture, CompareOptions.IgnoreCase);
        return Entries.Select(e => new Country(e.Code, Pseudo(e.Names[language]))).OrderBy(c => c.Name, order).ToList();
    }

    public static bool IsCode(string? value) => value is { Length: 2 } && ByCode.ContainsKey(value);

    /// <summary>The country's name in the reader's language; text that is not a code (typed before the picker) as it stands.</summary>
    public static string Name(string? value) =>
        value is null ? "" : IsCode(value) ? Pseudo(ByCode[value].Names[Language()]) : value;

    // In the pseudo-language a name is marked like any other translated text: it is the site's, not someone's content.
    private static string Pseudo(string name) => Localization.Tr.IsPseudo(CultureInfo.CurrentUICulture) ? Localization.Tr.Mark(name) : name;

    /// <summary>The code a piece of text means: a code itself, or any name the country goes by, in any case and with or without accents.</summary>
    public static string? Find(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var trimmed = text.Trim();
        if (IsCode(trimmed)) return trimmed.ToUpperInvariant();
        return ByName.GetValueOrDefault(SearchText.Fold(trimmed));
    }

    private static string Language()
    {
        var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        return Languages.Contains(language) ? language : "en";
    }

    private static Dictionary<string, string> Names()
    {
        var seen = new Dictionary<string, HashSet<string>>();
        foreach (var e in Entries)
        foreach (var name in e.Names.Values.Concat(e.Aliases).Append(e.Alpha3).Append(NativeName(e.Code)))
            (seen.TryGetValue(SearchText.Fold(name), out var codes) ? codes : seen[SearchText.Fold(name)] = []).Add(e.Code);
        // A name two countries share ("Congo") maps to neither: the organiser chooses.
        return seen.Where(s => s.Value.Count == 1).ToDictionary(s => s.Key, s => s.Value.First());
    }

    // The country's name in its own language ("日本", "Deutschland"), where .NET knows the region.
    private static string NativeName(string code)
    {
        try
        {
            return new RegionInfo(code).NativeName;
        }
        catch (ArgumentException)
        {
            return code;
        }
    }

    private static List<Entry> Load()
    {
        using var stream = typeof(Countries).Assembly.GetManifestResourceStream("countries.json")
            ?? throw new InvalidOperationException("countries.json is not embedded in Workshops.Core.");
        return JsonSerializer.Deserialize<List<Entry>>(stream, new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!;
    }
}
