using System.Collections.Concurrent;
using System.Globalization;
using System.Resources;

namespace Workshops.Core.Localization;

/// <summary>
/// Translates a text into the reader's language (the current UI culture: the request's, or the recipient's while
/// an email or a PDF is written). Pages reach the same texts through <c>IStringLocalizer</c>; code without one,
/// such as the domain's messages, calls this directly. A text missing in a language comes out in English.
/// </summary>
public static class Tr
{
    /// <summary>The pseudo-language that marks every translated text, so a test can find the ones that are not.</summary>
    public const string PseudoLanguage = "qps-Ploc";
    public const string MarkStart = "[!!";
    public const string MarkEnd = "!!]";

    /// <summary>The key whose translation says which counts take a language's "one" form, such as "1" or "0,1".</summary>
    public const string PluralOneKey = "@plural-one";

    private static readonly ResourceManager Resources = new(typeof(Text).FullName!, typeof(Text).Assembly);
    private static readonly ConcurrentDictionary<string, HashSet<long>> OneForms = new();

    public static bool IsPseudo(CultureInfo culture) => culture.Name == PseudoLanguage;

    /// <summary>
    /// The text in the given culture's language; the English text itself when none is written. A key may start with
    /// a context, "registration|cancelled", where one English word needs two translations (cancelada, cancelado) or
    /// differs from another only in case, which resource names cannot tell apart; the English is what follows the bar.
    /// </summary>
    public static string Lookup(string key, CultureInfo culture)
    {
        var bar = key.IndexOf('|');
        var english = bar < 0 ? key : key[(bar + 1)..];
        if (IsPseudo(culture)) return Mark(english);
        if (culture.TwoLetterISOLanguageName == "en" || culture == CultureInfo.InvariantCulture) return english;
        var text = Resources.GetString(key, culture);
        if (!string.IsNullOrEmpty(text)) return text;
        Missing?.Invoke(key, culture.Name);
        return english;
    }

    /// <summary>Raised when a text is asked for in a language that lacks it (it comes out in English): the sweeps in each language listen.</summary>
    public static event Action<string, string>? Missing;

    /// <summary>Marks a text as the pseudo-language shows it.</summary>
    public static string Mark(string text) => $"{MarkStart}{text}{MarkEnd}";

    /// <summary>The text in the reader's language.</summary>
    public static string T(string english) => Lookup(english, CultureInfo.CurrentUICulture);

    /// <summary>The text in the reader's language with its placeholders ({0}, {1}) filled in the reader's formats.</summary>
    public static string T(string english, params object?[] args) => string.Format(CultureInfo.CurrentCulture, T(english), args);

    /// <summary>
    /// A text that depends on a count: <paramref name="one"/> for the counts the language treats as one (1 in
    /// English and Spanish; 0 and 1 in French and Portuguese), <paramref name="other"/> for the rest. {0} is the count.
    /// </summary>
    public static string N(long count, string one, string other, params object?[] args)
    {
        var culture = CultureInfo.CurrentUICulture;
        var pattern = Lookup(TakesOne(count, culture) ? one : other, culture);
        return string.Format(CultureInfo.CurrentCulture, pattern, [count, .. args]);
    }

    /// <summary>Whether the language writes this count with its "one" form.</summary>
    public static bool TakesOne(long count, CultureInfo culture)
    {
        if (IsPseudo(culture) || culture.TwoLetterISOLanguageName == "en") return count == 1;
        var ones = OneForms.GetOrAdd(culture.Name, _ =>
        {
            var rule = Resources.GetString(PluralOneKey, culture);
            var counts = (rule ?? "1").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(s => long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : -1)
                .Where(n => n >= 0);
            return [.. counts];
        });
        return ones.Contains(count);
    }

    /// <summary>
    /// Writes in another language until disposed: an email in its recipient's language, a PDF in its attendee's.
    /// Dates and numbers follow it too. A null or empty language keeps the current one.
    /// </summary>
    public static IDisposable Use(string? language)
    {
        var scope = new Scope(CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        if (string.IsNullOrWhiteSpace(language)) return scope;
        if (language == PseudoLanguage)
        {
            CultureInfo.CurrentUICulture = new CultureInfo(PseudoLanguage);
            return scope;
        }
        CultureInfo culture;
        try
        {
            culture = CultureInfo.GetCultureInfo(language, predefinedOnly: true);
        }
        catch (CultureNotFoundException)
        {
            return scope; // a code from a form or an old row that names no language: the current one stays
        }
        (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, culture);
        return scope;
    }

    private sealed class Scope(CultureInfo culture, CultureInfo uiCulture) : IDisposable
    {
        public void Dispose() => (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
    }

    /// <summary>Marks a text for translation where it is written, to be translated where it is shown (Tr.T(variable)).</summary>
    public static string Key(string english) => english;

    /// <summary>The reader's language code: "es", or the pseudo-language.</summary>
    public static string Language => CultureInfo.CurrentUICulture.Name is { Length: > 0 } name ? name : "en";

    /// <summary>Every text written for a language (what a localizer lists).</summary>
    public static IEnumerable<KeyValuePair<string, string>> All(CultureInfo culture)
    {
        var set = Resources.GetResourceSet(culture, createIfNotExists: true, tryParents: true);
        if (set is null) yield break;
        foreach (System.Collections.DictionaryEntry e in set)
            if (e.Key is string key && e.Value is string value && !key.StartsWith('@')) yield return new(key, value);
    }
}
