using System.Globalization;
using Workshops.Core.Localization;

namespace Workshops.Core.Time;

/// <summary>
/// The one place where dates, times and zones are written for people to read: pages, emails and PDFs all call it,
/// so that the languages issue changes the patterns and the culture once. Machine formats (form inputs, datetime
/// attributes, feeds, exports, file names) do not come from here.
/// </summary>
public static class Formats
{
    // Invariant until pages follow the reader's language; then this becomes the request's culture.

    /// <summary>A time zone as people read it: "America/Sao_Paulo" becomes "America/Sao Paulo".</summary>
    public static string Zone(string zoneId) => Pseudo(zoneId.Replace('_', ' '));

    /// <summary>A zone beside a time: its name, or "UTC" for announcements to the whole community.</summary>
    public static string Zone(TimeZoneInfo zone) => zone == TimeZoneInfo.Utc ? "UTC" : Zone(zone.Id);

    /// <summary>"UTC+02:00" for the offset in force at that local time.</summary>
    public static string Offset(DateTimeOffset local)
    {
        var o = local.Offset;
        var sign = o < TimeSpan.Zero ? "-" : "+";
        return Pseudo($"UTC{sign}{o.Duration():hh\\:mm}");
    }

    /// <summary>"12 October 2026".</summary>
    public static string Date(DateTime day) => Write(day, "d MMMM yyyy");
    public static string Date(DateTimeOffset day) => Date(day.DateTime);
    public static string Date(DateOnly day) => Date(day.ToDateTime(TimeOnly.MinValue));

    /// <summary>"Monday 12 October 2026", for a day's heading.</summary>
    public static string LongDate(DateTime day) => Write(day, "dddd d MMMM yyyy");
    public static string LongDate(DateTimeOffset day) => LongDate(day.DateTime);
    public static string LongDate(DateOnly day) => LongDate(day.ToDateTime(TimeOnly.MinValue));

    /// <summary>"Monday 12 October", for a day inside a workshop whose year is already said.</summary>
    public static string Weekday(DateTime day) => Write(day, "dddd d MMMM");
    public static string Weekday(DateOnly day) => Weekday(day.ToDateTime(TimeOnly.MinValue));

    /// <summary>"12 Oct 2026", where space is short (tables).</summary>
    public static string ShortDate(DateTime day) => Write(day, "d MMM yyyy");
    public static string ShortDate(DateTimeOffset day) => ShortDate(day.DateTime);
    public static string ShortDate(DateOnly day) => ShortDate(day.ToDateTime(TimeOnly.MinValue));

    /// <summary>"12 Oct", for a chart's bars.</summary>
    public static string DayMonth(DateTime day) => Write(day, "d MMM");
    public static string DayMonth(DateOnly day) => DayMonth(day.ToDateTime(TimeOnly.MinValue));

    /// <summary>"09:00".</summary>
    public static string Time(DateTime time) => Write(time, "HH:mm");
    public static string Time(DateTimeOffset time) => Time(time.DateTime);

    /// <summary>"09:00–10:30" for something that starts then and lasts that long.</summary>
    public static string TimeRange(DateTime start, int minutes) => $"{Time(start)}–{Time(start.AddMinutes(minutes))}";
    public static string TimeRange(DateTimeOffset start, int minutes) => TimeRange(start.DateTime, minutes);

    /// <summary>"12 October 2026, 09:00".</summary>
    public static string DateAndTime(DateTime at) => Write(at, "d MMMM yyyy, HH:mm");
    public static string DateAndTime(DateTimeOffset at) => DateAndTime(at.DateTime);

    /// <summary>"12 Oct 2026, 09:00".</summary>
    public static string ShortDateAndTime(DateTime at) => Write(at, "d MMM yyyy, HH:mm");
    public static string ShortDateAndTime(DateTimeOffset at) => ShortDateAndTime(at.DateTime);

    /// <summary>"Monday 12 October 2026, 09:00".</summary>
    public static string LongDateAndTime(DateTime at) => Write(at, "dddd d MMMM yyyy, HH:mm");
    public static string LongDateAndTime(DateTimeOffset at) => LongDateAndTime(at.DateTime);

    /// <summary>"Monday 12 October, 09:00", inside a workshop whose year is already said.</summary>
    public static string WeekdayAndTime(DateTime at) => Write(at, "dddd d MMMM, HH:mm");
    public static string WeekdayAndTime(DateTimeOffset at) => WeekdayAndTime(at.DateTime);

    /// <summary>"Mon 12 Oct 09:00", in lists of changes and conflicts.</summary>
    public static string BriefDateAndTime(DateTime at) => Write(at, "ddd d MMM HH:mm");
    public static string BriefDateAndTime(DateTimeOffset at) => BriefDateAndTime(at.DateTime);

    /// <summary>"12 Oct 2026, 09:00:05", where seconds matter (sending progress, the security log).</summary>
    public static string Stamp(DateTime at) => Write(at, "d MMM yyyy, HH:mm:ss");
    public static string Stamp(DateTimeOffset at) => Stamp(at.DateTime);

    /// <summary>"12 October 2026, 09:00 (Europe/Madrid time, UTC+02:00)": a deadline in its own zone.</summary>
    public static string InZone(DateTimeOffset local, string zoneId) => Tr.T("{0} ({1} time, {2})", DateAndTime(local), Zone(zoneId), Offset(local));

    /// <summary>"1,234" or "1.234" or "1 234": a count as the reader groups digits.</summary>
    public static string Count(long n) => Pseudo(n.ToString("N0", CultureInfo.CurrentCulture));

    /// <summary>"1,234.50 EUR" or "1.234,50 EUR": an amount as the reader writes numbers, with its currency's code after it.</summary>
    public static string Money(decimal amount, int decimals, string code) =>
        Pseudo(amount.ToString("N" + decimals, CultureInfo.CurrentCulture) + "\u00A0" + code);

    /// <summary>"12.5" or "12,5": a figure with at most one decimal, as the reader writes it.</summary>
    public static string Number(double n) => Pseudo(n.ToString("0.#", CultureInfo.CurrentCulture));

    /// <summary>"Mon 12 – Fri 16 October 2026": a workshop's days in its own zone.</summary>
    public static string DateRange(DateTimeOffset startLocal, DateTimeOffset endLocal)
    {
        var s = startLocal.Date;
        var e = endLocal.Date;
        if (s == e) return LongDate(s);
        if (s.Year == e.Year && s.Month == e.Month) return $"{Write(s, "ddd d")} – {Write(e, "ddd d MMMM yyyy")}";
        if (s.Year == e.Year) return $"{Write(s, "ddd d MMMM")} – {Write(e, "ddd d MMMM yyyy")}";
        return $"{Write(s, "ddd d MMMM yyyy")} – {Write(e, "ddd d MMMM yyyy")}";
    }

    /// <summary>"12–16 October 2026", or "October 2019" for a whole month: a past event's dates, without weekdays.</summary>
    public static string Period(DateOnly start, DateOnly end)
    {
        var (s, e) = (start.ToDateTime(TimeOnly.MinValue), end.ToDateTime(TimeOnly.MinValue));
        if (s.Day == 1 && e.Year == s.Year && e.Month == s.Month && e.Day == DateTime.DaysInMonth(s.Year, s.Month) && e != s) return Write(s, "MMMM yyyy");
        if (s == e) return Date(s);
        if (s.Year != e.Year) return $"{Date(s)} – {Date(e)}";
        if (s.Month != e.Month) return $"{Write(s, "d MMMM")} – {Date(e)}";
        return $"{Write(s, "%d")}–{Date(e)}";
    }

    // The pattern in the reader's language; in the pseudo-language the English output, marked, so the test that
    // finds hard-coded text knows the date came from here.
    private static string Write(DateTime value, string pattern)
    {
        var ui = CultureInfo.CurrentUICulture;
        if (Tr.IsPseudo(ui)) return Tr.Mark(value.ToString(pattern, CultureInfo.InvariantCulture));
        return value.ToString(Tr.Lookup(pattern, ui), CultureInfo.CurrentCulture);
    }

    private static string Pseudo(string text) => Tr.IsPseudo(CultureInfo.CurrentUICulture) ? Tr.Mark(text) : text;
}
