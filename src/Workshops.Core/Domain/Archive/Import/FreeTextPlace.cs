namespace Workshops.Core.Domain.Archive.Import;

/// <summary>"Madrid, Spain - Royal Botanical Garden (CSIC)" split into city, country and venue; "UK" is a country alone.</summary>
public static class FreeTextPlace
{
    public static (string? City, string? Country, string? Venue) Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return (null, null, null);
        var dash = text.IndexOf(" - ", StringComparison.Ordinal);
        var where = (dash < 0 ? text : text[..dash]).Trim();
        var venue = dash < 0 ? null : Blank(text[(dash + 3)..]);
        var parts = where.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return parts.Length switch
        {
            0 => (null, null, venue),
            1 => (null, parts[0], venue),
            _ => (string.Join(", ", parts[..^1]), parts[^1], venue),
        };
    }

    private static string? Blank(string s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
