using System.Text;

namespace Workshops.Core.Domain.Materials;

/// <summary>
/// The name a file downloads as, from whatever name it came with: no folders, no control or reserved characters,
/// no leading dots, not too long, extension kept. Files are stored by hash, so this name never reaches the disk;
/// it only has to be harmless in a Content-Disposition header and a ZIP entry.
/// </summary>
public static class SafeFileName
{
    public const int MaxLength = 120;

    public static string From(string? name, string fallback = "file")
    {
        var last = (name ?? "").Replace('\\', '/').Split('/').LastOrDefault() ?? "";
        var clean = new StringBuilder(last.Length);
        foreach (var c in last.Normalize(NormalizationForm.FormC))
            clean.Append(char.IsControl(c) || "\"<>:|?*".Contains(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.Format ? '_' : c);
        var cleaned = clean.ToString().Trim();
        var extension = Path.GetExtension(cleaned);
        if (extension.Length > 10 || !extension.Skip(1).All(char.IsLetterOrDigit)) extension = "";
        // Leading dots would hide the file or climb folders once extracted from a ZIP.
        var stem = cleaned[..^extension.Length].Trim().Trim('.').Trim();
        if (stem.Length == 0) stem = fallback;
        if (stem.Length + extension.Length > MaxLength) stem = stem[..(MaxLength - extension.Length)].TrimEnd();
        return stem + extension;
    }

    /// <summary>A title made fit to be a folder name in a ZIP (no separators, no dots that climb).</summary>
    public static string Folder(string title) => From(title.Replace('/', '-').Replace('\\', '-').Replace('.', ' '), "untitled");
}
