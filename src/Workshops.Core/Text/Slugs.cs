using System.Globalization;
using System.Text;

namespace Workshops.Core.Text;

/// <summary>"São Paulo" becomes "sao-paulo": the one rule for address names and file names made from titles.</summary>
public static class Slugs
{
    /// <summary>Lower-case ASCII letters and digits joined by single dashes, accents dropped; empty when nothing is left.</summary>
    public static string From(string text, int maxLength = 60)
    {
        var plain = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            plain.Append(char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-');
        }
        var slug = string.Join('-', plain.ToString().Split('-', StringSplitOptions.RemoveEmptyEntries));
        return slug[..Math.Min(slug.Length, maxLength)].Trim('-');
    }
}
