using Workshops.Core.Domain.Common;
using System.Globalization;
using SkiaSharp;
using Workshops.Core.Domain.Registrations;
using Workshops.Core.Pdf;
using Workshops.Core.Text;
using Workshops.Core.Time;

namespace Workshops.Core.Domain.Packs;

/// <summary>
/// The two letters a participant may need: an invitation for a visa (once an organiser approves it) and a
/// certificate of attendance (once they were checked in and the workshop is over). Both on the organisers' letterhead.
/// </summary>
public static class LetterDocuments
{
    private static readonly SKColor Ink = new(0x1d, 0x2a, 0x22);
    private static readonly SKColor Muted = new(0x5b, 0x6b, 0x61);
    private static readonly SKColor Accent = new(0x2f, 0x6f, 0x4e);

    /// <summary>A short reference printed on both, for anyone checking a letter with the organisers.</summary>
    public static string Reference(Guid registrationId) => registrationId.ToString("N")[..8].ToUpperInvariant();

    public static byte[] Invitation(PackContent content, Registration r, string? trackName)
    {
        var w = content.Workshop;
        var issued = WorkshopTime.ToLocal(content.BuiltAt, w.Zone);
        var pdf = new PdfDocumentBuilder($"{w.Title}: invitation letter", content.SiteName)
            .Paper(content.Paper)
            .About($"Invitation letter for {r.Name} to {w.Title}, {Formats.DateRange(w.StartsLocal, w.EndsLocal)}", $"{w.Title}; invitation letter; visa")
            .Created(content.BuiltAt)
            .NoFooter();
        Letterhead(pdf, content);
        pdf.Space(18).Paragraph($"{(w.City is { } city ? city + ", " : "")}{Formats.Date(issued)}", 10.5f)
            .Paragraph($"Reference: {Reference(r.Id)}", 9, muted: true)
            .Space(12)
            .Heading("Invitation letter", 2)
            .Paragraph("To whom it may concern,")
            .Paragraph(// The nationality as the passport writes it ("Ghanaian" or "Ghana"): quoted, not fitted into a sentence.
                       $"We are pleased to invite {r.Name}{(r.PassportNationality is { } n ? $" (nationality: {n})" : "")}, of {r.Institution}, {Countries.Name(r.Country)}, " +
                       $"to attend {w.Title}, to be held {Place(content)} from {Formats.Date(w.StartsLocal)} to {Formats.Date(w.EndsLocal)}.")
            .Paragraph($"{r.Name} is registered and admitted as a participant{(trackName is null ? "" : $" in the {trackName} track")}. " +
                       $"The purpose of the visit is to take part in the workshop's sessions{Purpose(content)}");
        if (r.PassportNationality is null)
            pdf.Paragraph("The participant did not give their nationality when registering.", 9, muted: true);
        pdf.Paragraph($"For any question about this invitation, please write to the organisers{(content.Letterhead is null ? "" : " at the address above")}, quoting the reference.")
            .Space(18)
            .Paragraph("Yours faithfully,")
            .Space(30)
            .Paragraph(content.Signatory ?? $"The organisers of {w.Title}", 11, PdfWeight.Bold);
        return pdf.ToBytes();
    }

    public static byte[] Certificate(PackContent content, Registration r, string? trackName)
    {
        var w = content.Workshop;
        var checkedIn = WorkshopTime.ToLocal(r.CheckedInAt ?? w.StartsAt, w.Zone);
        var issued = WorkshopTime.ToLocal(content.BuiltAt, w.Zone);
        var pdf = new PdfDocumentBuilder($"{w.Title}: certificate of attendance", content.SiteName)
            .Paper(content.Paper)
            .About($"Certificate of attendance of {r.Name} at {w.Title}, {Formats.DateRange(w.StartsLocal, w.EndsLocal)}", $"{w.Title}; certificate; attendance")
            .Created(content.BuiltAt)
            .NoFooter();
        pdf.FixedPage(canvas =>
        {
            var paper = canvas.Paper;
            var centre = paper.Width / 2;
            var width = paper.Width - 2 * paper.Margin - 40;
            // A double frame, as certificates have.
            canvas.Line(paper.Margin - 20, paper.Margin - 20, paper.Width - paper.Margin + 20, paper.Margin - 20, Accent, 2);
            canvas.Line(paper.Margin - 20, paper.Height - paper.Margin + 20, paper.Width - paper.Margin + 20, paper.Height - paper.Margin + 20, Accent, 2);
            canvas.Line(paper.Margin - 20, paper.Margin - 20, paper.Margin - 20, paper.Height - paper.Margin + 20, Accent, 2);
            canvas.Line(paper.Width - paper.Margin + 20, paper.Margin - 20, paper.Width - paper.Margin + 20, paper.Height - paper.Margin + 20, Accent, 2);
            var y = paper.Margin + 20;
            foreach (var line in (content.Letterhead ?? content.SiteName).Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Take(4))
            {
                canvas.Centred(line, centre, y, PdfWeight.Regular, 9, Muted);
                y += 13;
            }
            y += 60;
            canvas.Centred("Certificate of attendance", centre, y, PdfWeight.Bold, canvas.Fit("Certificate of attendance", PdfWeight.Bold, 30, 18, width), Accent);
            y += 80;
            canvas.Centred("This certifies that", centre, y, PdfWeight.Italic, 13, Ink);
            y += 34;
            var size = canvas.Fit(r.Name, PdfWeight.Bold, 28, 14, width);
            canvas.Centred(r.Name, centre, y, PdfWeight.Bold, size, Ink);
            y += size * 1.5f;
            canvas.Centred($"{r.Institution}, {Countries.Name(r.Country)}", centre, y, PdfWeight.Regular, 12, Muted);
            y += 40;
            var body = $"attended {w.Title}, held {Place(content)} from {Formats.Date(w.StartsLocal)} to {Formats.Date(w.EndsLocal)}" +
                       $"{(trackName is null ? "" : $", in the {trackName} track")}.";
            foreach (var line in canvas.Wrap(body, PdfWeight.Regular, 13, width))
            {
                canvas.Centred(line, centre, y, PdfWeight.Regular, 13, Ink);
                y += 19;
            }
            y += 10;
            canvas.Centred($"Checked in on {Formats.Date(checkedIn)}.", centre, y, PdfWeight.Regular, 10.5f, Muted);

            var bottom = paper.Height - paper.Margin - 60;
            canvas.Line(centre - 110, bottom, centre + 110, bottom, Ink);
            canvas.Centred(content.Signatory ?? $"The organisers of {w.Title}", centre, bottom + 6, PdfWeight.Bold, 10.5f, Ink);
            canvas.Centred($"Issued {Formats.Date(issued)} · reference {Reference(r.Id)}", centre, bottom + 24, PdfWeight.Regular, 8.5f, Muted);
        });
        return pdf.ToBytes();
    }

    private static void Letterhead(PdfDocumentBuilder pdf, PackContent content)
    {
        var lines = (content.Letterhead ?? content.SiteName).Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        pdf.Paragraph(lines[0], 14, PdfWeight.Bold);
        foreach (var line in lines.Skip(1)) pdf.Paragraph(line, 9.5f, muted: true);
    }

    private static string Place(PackContent content)
    {
        var w = content.Workshop;
        var where = string.Join(", ", new[] { w.Venue, w.Address, w.City, Countries.Name(w.Country) }.Where(x => !string.IsNullOrWhiteSpace(x)));
        return where.Length == 0 ? "online" : "at " + where;
    }

    // The workshop's own description says what it is about; its first paragraph is enough for a consulate.
    private static string Purpose(PackContent content) =>
        MarkdownText.ToParagraphs(content.Workshop.Description).FirstOrDefault() is { } about ? $": {about.TrimEnd('.')}." : ".";
}
