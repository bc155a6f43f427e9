using System.Globalization;

namespace Workshops.Web.Features.Shared;

/// <summary>
/// Reads an amount typed in a form. A number field posts "1250.5" whatever the reader's language, so that is read
/// first; "1.250,50" or "1 250,50" as the reader writes numbers is read next. Model binding would read "1250.5"
/// with a Spanish or French culture as 12505, so amounts are posted as text and read here.
/// </summary>
public static class Amounts
{
    public static bool TryRead(string? text, out decimal? amount)
    {
        amount = null;
        if (string.IsNullOrWhiteSpace(text)) return true;
        var trimmed = text.Trim().Replace("\u00A0", " ").Replace("\u202F", " ");
        if (decimal.TryParse(trimmed, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var invariant))
        {
            amount = invariant;
            return true;
        }
        var culture = CultureInfo.CurrentCulture;
        if (decimal.TryParse(trimmed.Replace(" ", culture.NumberFormat.NumberGroupSeparator == "\u202F" || culture.NumberFormat.NumberGroupSeparator == "\u00A0" ? "" : " "),
                NumberStyles.Number, culture, out var local))
        {
            amount = local;
            return true;
        }
        return false;
    }

    /// <summary>An amount for a number field: invariant, without grouping, so the field shows it whatever the language.</summary>
    public static string Write(decimal? amount) => amount?.ToString("0.########", CultureInfo.InvariantCulture) ?? "";
}
