using SkiaSharp;
using Workshops.Core.Domain.Common;
using Workshops.Core.Pdf;
using Workshops.Core.Time;
using Workshops.Core.Localization;

namespace Workshops.Core.Domain.Packs;

/// <summary>
/// Badges to print and cut: eight to a page (two across, four down), each with the name large, the institution, the
/// track in its colour (and in words, for those who do not see the colour) and the check-in QR code. Cut marks sit in
/// the margins at every line to cut along, and small crosses where inner lines meet.
/// </summary>
public static class BadgeSheetDocument
{
    public const int PerPage = 8;
    private const int Columns = 2;
    private const int Rows = 4;
    private const float Margin = 28f;   // about 10 mm: room for the cut marks and for printers that do not print to the edge
    private const float Pad = 12f;
    private const float Band = 24f;
    private const float Qr = 66f;

    /// <summary>Track colours by the track's position; the track's name is printed on the band as well.</summary>
    public static readonly string[] TrackColours = ["#2f6f4e", "#1f5f8b", "#8b3a62", "#9a5b13", "#5b4b8a", "#2f7d7d"];

    public static byte[] Build(PackContent content, IReadOnlyList<PackAttendee> attendees)
    {
        var w = content.Workshop;
        var pdf = new PdfDocumentBuilder(Tr.T("{0}: badges", w.Title), content.SiteName)
            .Paper(content.Paper)
            .About(Tr.T("Badges for {0}, {1}: {2} attendees", w.Title, Formats.DateRange(w.StartsLocal, w.EndsLocal), attendees.Count), Tr.T("{0}; badges", w.Title))
            .Created(content.BuiltAt)
            .NoFooter();
        var tracks = w.Tracks.OrderBy(t => t.Position).Select((t, i) => (t.Id, Colour: TrackColours[i % TrackColours.Length])).ToDictionary(t => t.Id, t => t.Colour);
        foreach (var page in attendees.Chunk(PerPage))
            pdf.FixedPage(canvas => Page(canvas, content, page, tracks));
        return pdf.ToBytes();
    }

    private static void Page(PdfCanvas canvas, PackContent content, PackAttendee[] people, IReadOnlyDictionary<Guid, string> colours)
    {
        var paper = canvas.Paper;
        var width = (paper.Width - 2 * Margin) / Columns;
        var height = (paper.Height - 2 * Margin) / Rows;
        CutMarks(canvas, width, height);
        for (var i = 0; i < people.Length; i++)
        {
            var x = Margin + i % Columns * width;
            var y = Margin + i / Columns * height;
            Badge(canvas, content, people[i], x, y, width, height, colours);
        }
    }

    private static void Badge(PdfCanvas canvas, PackContent content, PackAttendee a, float x, float y, float width, float height, IReadOnlyDictionary<Guid, string> colours)
    {
        // Each badge in its attendee's language, on a sheet the organisers print for everyone.
        using var language = Tr.Use(a.Language);
        var colour = PdfCanvas.Color(a.TrackId is { } t && colours.TryGetValue(t, out var c) ? c : "#4a4a4a");
        canvas.Fill(SKRect.Create(x, y, width, Band), colour);
        canvas.Text(a.TrackName ?? Tr.T("Participant"), x + Pad, y + 5.5f, PdfWeight.Bold, 11, SKColors.White);
        var title = content.Workshop.Title;
        var titleSize = canvas.Fit(title, PdfWeight.Regular, 8, 6, width - 2 * Pad);
        canvas.Text(title, x + Pad, y + Band + 6, PdfWeight.Regular, titleSize, new SKColor(0x5b, 0x6b, 0x61));

        // The name as large as fits: one line down to 15 pt, else two lines, shrinking to 9 pt before three; a name
        // longer still ends in "…" rather than losing its end without a sign.
        var textWidth = width - 2 * Pad;
        var top = y + Band + 24;
        var size = canvas.Fit(a.Name, PdfWeight.Bold, 24, 15, textWidth);
        var lines = canvas.Width(a.Name, PdfWeight.Bold, size) <= textWidth ? [a.Name] : FitLines(canvas, a.Name, PdfWeight.Bold, 15, 9, textWidth, 3, out size);
        foreach (var line in lines)
        {
            canvas.Text(line, x + Pad, top, PdfWeight.Bold, size, new SKColor(0x1d, 0x2a, 0x22));
            top += size * 1.2f;
        }
        var infoWidth = width - 2 * Pad - Qr - 6;
        top += 4;
        foreach (var line in FitLines(canvas, a.Institution, PdfWeight.Regular, 10, 7, infoWidth, 2, out var infoSize))
        {
            canvas.Text(line, x + Pad, top, PdfWeight.Regular, infoSize, new SKColor(0x1d, 0x2a, 0x22));
            top += infoSize * 1.3f;
        }
        if (a.Country.Length > 0) canvas.Text(Countries.Name(a.Country), x + Pad, top, PdfWeight.Regular, 9, new SKColor(0x5b, 0x6b, 0x61));

        var qrX = x + width - Pad - Qr + 6; // the code's own quiet zone is the badge's margin there
        var qrY = y + height - Pad - Qr - 4;
        canvas.QrCode(a.CheckInCode, qrX, qrY, Qr);
        canvas.Centred(a.CheckInCode, qrX + Qr / 2, qrY + Qr - 3, PdfWeight.Regular, 6.5f, new SKColor(0x5b, 0x6b, 0x61));
    }

    /// <summary>
    /// The text in at most <paramref name="maxLines"/> lines at the largest size from <paramref name="largest"/> down to
    /// <paramref name="smallest"/>; if it still does not fit, the last line ends in "…", so a cut is never silent.
    /// </summary>
    internal static List<string> FitLines(PdfCanvas canvas, string text, PdfWeight weight, float largest, float smallest, float width, int maxLines, out float size)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            size = largest;
            return [];
        }
        for (size = largest; size >= smallest; size -= 0.5f)
        {
            var lines = canvas.Wrap(text, weight, size, width);
            if (lines.Count <= maxLines) return lines;
        }
        size = smallest;
        var wrapped = canvas.Wrap(text, weight, size, width);
        var kept = wrapped.Take(maxLines).ToList();
        var last = kept[^1];
        while (last.Length > 1 && canvas.Width(last + "…", weight, size) > width) last = last[..^1].TrimEnd();
        kept[^1] = last + "…";
        return kept;
    }

    private static void CutMarks(PdfCanvas canvas, float width, float height)
    {
        var paper = canvas.Paper;
        var ink = new SKColor(0x80, 0x80, 0x80);
        const float mark = 14f;
        const float gap = 4f;
        for (var col = 0; col <= Columns; col++)
        {
            var x = Margin + col * width;
            canvas.Line(x, Margin - gap - mark, x, Margin - gap, ink);
            canvas.Line(x, paper.Height - Margin + gap, x, paper.Height - Margin + gap + mark, ink);
        }
        for (var row = 0; row <= Rows; row++)
        {
            var y = Margin + row * height;
            canvas.Line(Margin - gap - mark, y, Margin - gap, y, ink);
            canvas.Line(paper.Width - Margin + gap, y, paper.Width - Margin + gap + mark, y, ink);
        }
        // Small crosses where the inner cutting lines meet, so each badge's corners show after the first cut.
        for (var col = 1; col < Columns; col++)
        for (var row = 1; row < Rows; row++)
        {
            var (x, y) = (Margin + col * width, Margin + row * height);
            canvas.Line(x - 5, y, x + 5, y, ink);
            canvas.Line(x, y - 5, x, y + 5, ink);
        }
    }
}
