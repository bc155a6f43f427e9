using System.Globalization;

namespace Workshops.Core.Text;

/// <summary>
/// Reads an amount as a person types it, in their language: "1250.50", "1.250,50", "1 250,50" and "1,250.50" all
/// mean the same. With both marks, the last one is the decimal mark; one mark alone before exactly three digits is
/// read as the reader's language groups thousands ("1.500" is 1500 in Spanish, 1.5 in English). Amounts are posted
/// as text and read here because model binding reads "1250.50" with a Spanish culture as 125050.
/// </summary>
public static class Amounts
{
    public static bool TryRead(string? text, out decimal? amount) => TryRead(text, CultureInfo.CurrentCulture, out amount);

    public static bool TryRead(string? text, CultureInfo culture, out decimal? amount)
    {
        amount = null;
        if (string.IsNullOrWhiteSpace(text)) return true;
        var s = new string(text.Where(c => !char.IsWhiteSpace(c) && c is not ('\u00A0' or '\u202F' or '\'' or '’')).ToArray());
        var negative = s.StartsWith('-');
        if (negative) s = s[1..];
        if (s.Length == 0 || s.Any(c => !char.IsAsciiDigit(c) && c is not ('.' or ','))) return false;
        var (dot, comma) = (s.LastIndexOf('.'), s.LastIndexOf(','));
        char? decimalMark;
        if (dot >= 0 && comma >= 0) decimalMark = dot > comma ? '.' : ',';
        else if (dot >= 0 || comma >= 0)
        {
            var mark = dot >= 0 ? '.' : ',';
            var groupsThousands = culture.NumberFormat.NumberGroupSeparator == mark.ToString();
            decimalMark = s.Count(c => c == mark) > 1 || groupsThousands && s.Length - s.LastIndexOf(mark) - 1 == 3 ? null : mark;
        }
        else decimalMark = null;
        var plain = decimalMark is { } d ? s.Replace(d == '.' ? "," : ".", "").Replace(d, '.') : s.Replace(".", "").Replace(",", "");
        // A decimal mark appears once; "1.2.3" or "1,2.3,4" is not a number.
        if (plain.Count(c => c == '.') > 1 || plain.StartsWith('.') && plain.Length == 1) return false;
        if (!decimal.TryParse(plain, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)) return false;
        amount = negative ? -value : value;
        return true;
    }

    /// <summary>An amount for a text field, invariant and without grouping ("1250.5"): read back the same in every language.</summary>
    public static string Write(decimal? amount) => amount?.ToString("0.########", CultureInfo.InvariantCulture) ?? "";
}
