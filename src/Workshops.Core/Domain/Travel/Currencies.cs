using System.Globalization;

namespace Workshops.Core.Domain.Travel;

/// <summary>
/// The ISO 4217 currencies people pay in, read from .NET's regions rather than a hand-kept list: each with its
/// symbol and how many minor units (cents) it has, which amounts are stored in.
/// </summary>
public static class Currencies
{
    public sealed record Currency(string Code, string EnglishName, int Decimals);

    // Currencies without minor units in use (ISO 4217 exponent 0), and those with three; the rest have two.
    private static readonly HashSet<string> NoDecimals = ["BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF", "UGX", "UYI", "VND", "VUV", "XAF", "XOF", "XPF"];
    private static readonly HashSet<string> ThreeDecimals = ["BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"];

    public static readonly IReadOnlyDictionary<string, Currency> All = CultureInfo.GetCultures(CultureTypes.SpecificCultures)
        .Select(c => { try { return new RegionInfo(c.Name); } catch (ArgumentException) { return null; } })
        .OfType<RegionInfo>()
        .Where(r => r.ISOCurrencySymbol.Length == 3 && r.ISOCurrencySymbol.All(char.IsAsciiLetterUpper))
        .GroupBy(r => r.ISOCurrencySymbol)
        .ToDictionary(g => g.Key, g => new Currency(g.Key, g.First().CurrencyEnglishName,
            NoDecimals.Contains(g.Key) ? 0 : ThreeDecimals.Contains(g.Key) ? 3 : 2), StringComparer.OrdinalIgnoreCase);

    // By code and language, read once: the currency list names every currency in the reader's language on each page.
    private static readonly IReadOnlyDictionary<(string Code, string Language), string> Names = CultureInfo.GetCultures(CultureTypes.SpecificCultures)
        .Select(c => { try { return (Culture: c, Region: new RegionInfo(c.Name)); } catch (ArgumentException) { return (c, null!); } })
        .Where(x => x.Region is not null && All.ContainsKey(x.Region.ISOCurrencySymbol) && !string.IsNullOrWhiteSpace(x.Region.CurrencyNativeName))
        .GroupBy(x => (x.Region.ISOCurrencySymbol, x.Culture.TwoLetterISOLanguageName))
        .ToDictionary(g => g.Key, g => g.First().Region.CurrencyNativeName);

    /// <summary>
    /// The currency's name in the reader's language ("dólar estadounidense", "euro"), as a region speaking it names
    /// the currency; the English name when none does.
    /// </summary>
    public static string Name(string code, string language)
    {
        var currency = Find(code);
        if (currency is null) return code;
        if (language == "en") return currency.EnglishName;
        return Names.GetValueOrDefault((currency.Code, language)) ?? currency.EnglishName;
    }

    /// <summary>The currency a country pays in ("CO" gives COP), or null when .NET does not know the country.</summary>
    public static string? ForCountry(string? country)
    {
        if (string.IsNullOrWhiteSpace(country) || country.Length != 2) return null;
        try
        {
            var code = new RegionInfo(country).ISOCurrencySymbol;
            return All.ContainsKey(code) ? code : null;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>The currency for a code as typed ("eur", " USD "), or null when there is none.</summary>
    public static Currency? Find(string? code) => code is null ? null : All.GetValueOrDefault(code.Trim());

    /// <summary>An amount in minor units ("12.50 EUR" is 1250), rounded half away from zero; null when it does not fit.</summary>
    public static long? ToMinor(decimal amount, Currency currency)
    {
        // No amount a person asks for comes near this; what does is refused rather than overflowing.
        if (Math.Abs(amount) > MaxAmount) return null;
        return (long)decimal.Round(amount * Pow10(currency.Decimals), 0, MidpointRounding.AwayFromZero);
    }

    /// <summary>The largest amount kept, in major units: a trillion in any currency still fits a long in its minor units.</summary>
    public const decimal MaxAmount = 1_000_000_000_000m;

    /// <summary>"1,234.50 EUR": an amount in minor units, as the reader writes numbers.</summary>
    public static string Format(long minor, string code) => Find(code) is { } c
        ? Time.Formats.Money(FromMinor(minor, c), c.Decimals, c.Code)
        : Time.Formats.Count(minor) + "\u00A0" + code;

    public static decimal FromMinor(long minor, Currency currency) => minor / (decimal)Pow10(currency.Decimals);

    private static long Pow10(int n) => n switch { 0 => 1, 1 => 10, 2 => 100, _ => 1000 };
}
