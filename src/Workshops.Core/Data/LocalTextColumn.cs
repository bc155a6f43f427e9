using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Workshops.Core.Localization;

namespace Workshops.Core.Data;

/// <summary>
/// A multilingual text in one column, a JSON object of language and text ({"en":"…","es":"…"}), the same on SQLite
/// and PostgreSQL. Rows written before languages hold plain text, read as the default language's.
/// </summary>
public static class LocalTextColumn
{
    private static readonly ValueConverter<LocalText, string> Converter = new(t => t.ToJson(), s => LocalText.Parse(s));
    private static readonly ValueComparer<LocalText> Comparer = new((a, b) => Equals(a, b), t => t.GetHashCode(), t => t);

    public static PropertyBuilder<LocalText> IsLocalText(this PropertyBuilder<LocalText> property) =>
        property.HasConversion(Converter, Comparer);

    /// <summary>The same for an optional text (a workshop's description), null when none is written.</summary>
    public static PropertyBuilder<LocalText?> IsOptionalLocalText(this PropertyBuilder<LocalText?> property) =>
        property.HasConversion(Converter!, Comparer!);
}
