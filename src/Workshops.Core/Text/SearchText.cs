using System.Globalization;
using System.Text;

namespace Workshops.Core.Text;

/// <summary>
/// Text as searches compare it, the same on SQLite and PostgreSQL: accents dropped and lower case in every script, so
/// "Conceição", "conceicao" and "CONCEICAO" match, and so do "Ελένη" and "ελενη".
/// </summary>
public static class SearchText
{
    public static string Fold(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        var plain = new StringBuilder(text.Length);
        foreach (var c in text.Trim().Normalize(NormalizationForm.FormD))
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark) plain.Append(char.ToLowerInvariant(c));
        return plain.ToString().Normalize(NormalizationForm.FormC);
    }
}
