using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace Workshops.Core.Localization;

/// <summary>
/// The languages the site speaks. Adding one is a setting and a translation file (Text.{code}.resx), no code:
/// see the README's "Translating".
/// </summary>
public sealed class LanguageOptions : IValidatableObject
{
    public const string Section = "Languages";
    public static readonly string[] Defaults = ["en", "es", "fr", "pt"];

    /// <summary>Language codes (ISO 639-1, such as "es"), in the order the switcher lists them.</summary>
    public string[] Supported { get; set; } = [];

    /// <summary>The language of a visitor whose browser asks for none of them, and of emails to people with no choice known.</summary>
    public string Default { get; set; } = "en";

    /// <summary>
    /// Offers the pseudo-language (qps-Ploc), in which every translated text comes out marked [!!…!!]: the test that
    /// finds hard-coded English uses it. Never on a public site.
    /// </summary>
    public bool Pseudo { get; set; }

    public IReadOnlyList<string> Codes => Supported.Length == 0 ? Defaults : Supported;

    /// <summary>Whether this is one of the site's languages (exactly its code).</summary>
    public bool Speaks(string? code) => code is not null && (Codes.Contains(code) || (Pseudo && code == Tr.PseudoLanguage));

    /// <summary>A language's name in itself, as the switcher shows it: "Español", "Français".</summary>
    public static string NativeName(string code)
    {
        if (code == Tr.PseudoLanguage) return Tr.Mark("Pseudo");
        if (Culture(code) is not { } culture) return code ?? "";
        var name = culture.NativeName;
        return name.Length == 0 ? code : char.ToUpper(name[0], culture) + name[1..];
    }

    /// <summary>A language's name in the reader's language, inside a sentence: "inglés" to a Spanish reader.</summary>
    public static string Name(string code)
    {
        // A form sent back with a made-up code shows the code as it came, rather than failing.
        if (Culture(code) is not { } culture) return code ?? "";
        return Tr.IsPseudo(CultureInfo.CurrentUICulture) ? Tr.Mark(culture.EnglishName) : culture.DisplayName;
    }

    private static CultureInfo? Culture(string? code)
    {
        if (string.IsNullOrWhiteSpace(code)) return null;
        try
        {
            return CultureInfo.GetCultureInfo(code, predefinedOnly: true);
        }
        catch (CultureNotFoundException)
        {
            return null;
        }
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var code in Codes)
        {
            if (code.Length is < 2 or > 3 || !code.All(char.IsAsciiLetterLower))
                yield return new ValidationResult($"Languages:Supported has '{code}', which is not a two- or three-letter language code such as 'es'.", [nameof(Supported)]);
        }
        if (!Codes.Contains(Default))
            yield return new ValidationResult($"Languages:Default is '{Default}', which is not one of Languages:Supported ({string.Join(", ", Codes)}).", [nameof(Default)]);
    }
}
