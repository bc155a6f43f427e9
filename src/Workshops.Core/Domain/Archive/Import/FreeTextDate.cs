using System.Globalization;
using System.Text.RegularExpressions;

namespace Workshops.Core.Domain.Archive.Import;

/// <summary>
/// Reads the dates people write on a website: "October 3, 2016 - October 7, 2016", "July 3th, 2017 - July 4th, 2017",
/// "March, 2017" (the whole month), "3-7 October 2016". Null when the text cannot be read, so the caller can warn.
/// </summary>
public static partial class FreeTextDate
{
    private static readonly string[] DayFormats = ["MMMM d yyyy", "MMM d yyyy", "d MMMM yyyy", "d MMM yyyy", "yyyy-MM-dd", "d/M/yyyy"];
    private static readonly string[] MonthFormats = ["MMMM yyyy", "MMM yyyy"];

    public static (DateOnly Starts, DateOnly Ends)? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var clean = Ordinal().Replace(text.Replace(',', ' '), "$1");
        if (Day(Spaces().Replace(clean, " ").Trim()) is { } single) return (single, single);
        var parts = RangeDash().Split(clean).Select(p => Spaces().Replace(p, " ").Trim()).Where(p => p.Length > 0).ToArray();
        if (parts.Length is 0 or > 2) return null;
        if (parts.Length == 1)
        {
            if (Day(parts[0]) is { } day) return (day, day);
            return Month(parts[0]) is { } month ? (month, month.AddMonths(1).AddDays(-1)) : null;
        }
        var (first, second) = (parts[0], parts[1]);
        var end = Day(second);
        // "3 - 7 October 2016": the first half borrows what it leaves out from the second.
        if (end is { } e && Day(first) is null && int.TryParse(first, out var d1) && d1 is >= 1 and <= 31 && d1 <= DateTime.DaysInMonth(e.Year, e.Month))
            return Ordered(new DateOnly(e.Year, e.Month, d1), e);
        // "October 3 - 7, 2016" and "October 3 - October 7, 2016".
        var yearOfEnd = YearAtEnd().Match(second);
        if (end is null && Day(first) is null && yearOfEnd.Success)
        {
            var withYear = first + " " + yearOfEnd.Value;
            if (Day(withYear) is { } s)
            {
                var rest = second[..^yearOfEnd.Value.Length].Trim();
                if (int.TryParse(rest, out var d2) && d2 <= DateTime.DaysInMonth(s.Year, s.Month)) return Ordered(s, new DateOnly(s.Year, s.Month, d2));
            }
        }
        if (Day(first) is { } start && end is { } finish) return Ordered(start, finish);
        if (Day(first + " " + yearOfEnd.Value) is { } borrowed && end is { } f2) return Ordered(borrowed, f2);
        return null;
    }

    private static (DateOnly, DateOnly)? Ordered(DateOnly s, DateOnly e) => e < s ? null : (s, e);

    private static DateOnly? Day(string s) =>
        DateOnly.TryParseExact(s, DayFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var d) ? d : null;

    private static DateOnly? Month(string s) =>
        DateOnly.TryParseExact(s, MonthFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var d) ? d : null;

    [GeneratedRegex(@"\b(\d{1,2})(st|nd|rd|th)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Ordinal();

    [GeneratedRegex(@"\s+[-–—]\s+|\s*[–—]\s*|(?<=\d)-(?=\d{1,2}\b)")]
    private static partial Regex RangeDash();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"\d{4}$")]
    private static partial Regex YearAtEnd();
}
