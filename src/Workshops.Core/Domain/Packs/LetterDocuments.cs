using Workshops.Core.Domain.Common;
using System.Globalization;
using SkiaSharp;
using Workshops.Core.Domain.Registrations;
using Workshops.Core.Pdf;
using Workshops.Core.Text;
using Workshops.Core.Time;
using Workshops.Core.Localization;

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
        // In the participant's language, or in English when the organisers chose so (a consulate may want English).
        using var scope = Tr.Use(content.LettersInEnglish ? "en" : r.Language);
        var w = content.Workshop;
        var issued = WorkshopTime.ToLocal(content.BuiltAt, w.Zone);
        var pdf = new PdfDocumentBuilder(Tr.T("{0}: invitation letter", w.Title), content.SiteName)
            .Paper(content.Paper)
            .About(Tr.T("Invitation letter for {0} to {1}, {2}", r.Name, w.Title, Formats.DateRange(w.StartsLocal, w.EndsLocal)), Tr.T("{0}; invitation letter; visa", w.Title))
            .Created(content.BuiltAt)
            .NoFooter();
        Letterhead(pdf, content);
        // The nationality as the passport writes it ("Ghanaian" or "Ghana"): quoted, not fitted into a sentence.
        var invitee = r.PassportNationality is { } n ? Tr.T("{0} (nationality: {1})", r.Name, n) : r.Name;
        var (held, first, last) = (Where(content), Formats.Date(w.StartsLocal), Formats.Date(w.EndsLocal));
        var admitted = trackName is null
            ? Tr.T("{0} is registered and admitted as a participant.", r.Name)
            : Tr.T("{0} is registered and admitted as a participant in the {1} track.", r.Name, trackName);
        var purpose = Purpose(content) is { } about
            ? Tr.T("The purpose of the visit is to take part in the workshop's sessions: {0}.", about)
            : Tr.T("The purpose of the visit is to take part in the workshop's sessions.");
        pdf.Space(18).Paragraph($"{(w.City is { } city ? city + ", " : "")}{Formats.Date(issued)}", 10.5f)
            .Paragraph(Tr.T("Reference: {0}", Reference(r.Id)), 9, muted: true)
            .Space(12)
            .Heading(Tr.T("Invitation letter"), 2)
            .Paragraph(Tr.T("To whom it may concern,"))
            .Paragraph(held is null
                ? Tr.T("We are pleased to invite {0}, of {1}, {2}, to attend {3}, to be held online from {4} to {5}.",
                    invitee, r.Institution, Countries.Name(r.Country), w.Title, first, last)
                : Tr.T("We are pleased to invite {0}, of {1}, {2}, to attend {3}, to be held at {4} from {5} to {6}.",
                    invitee, r.Institution, Countries.Name(r.Country), w.Title, held, first, last))
            .Paragraph(admitted + " " + purpose);
        if (r.PassportNationality is null)
            pdf.Paragraph(Tr.T("The participant did not give their nationality when registering."), 9, muted: true);
        pdf.Paragraph(content.LetterheadText is null
                ? Tr.T("For any question about this invitation, please write to the organisers, quoting the reference.")
                : Tr.T("For any question about this invitation, please write to the organisers at the address above, quoting the reference."))
            .Space(18)
            .Paragraph(Tr.T("Yours faithfully,"))
            .Space(30)
            .Paragraph(content.SignatoryText ?? Tr.T("The organisers of {0}", w.Title), 11, PdfWeight.Bold);
        return pdf.ToBytes();
    }

    public static byte[] Certificate(PackContent content, Registration r, string? trackName)
    {
        using var scope = Tr.Use(r.Language);
        var w = content.Workshop;
        var checkedIn = WorkshopTime.ToLocal(r.CheckedInAt ?? w.StartsAt, w.Zone);
        var issued = WorkshopTime.ToLocal(content.BuiltAt, w.Zone);
        var pdf = new PdfDocumentBuilder(Tr.T("{0}: certificate of attendance", w.Title), content.SiteName)
            .Paper(content.Paper)
            .About(Tr.T("Certificate of attendance of {0} at {1}, {2}", r.Name, w.Title, Formats.DateRange(w.StartsLocal, w.EndsLocal)), Tr.T("{0}; certificate; attendance", w.Title))
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
            foreach (var line in (content.LetterheadText ?? content.SiteName).Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Take(4))
            {
                canvas.Centred(line, centre, y, PdfWeight.Regular, 9, Muted);
                y += 13;
            }
            y += 60;
            var heading = Tr.T("Certificate of attendance");
            canvas.Centred(heading, centre, y, PdfWeight.Bold, canvas.Fit(heading, PdfWeight.Bold, 30, 18, width), Accent);
            y += 80;
            canvas.Centred(Tr.T("This certifies that"), centre, y, PdfWeight.Italic, 13, Ink);
            y += 34;
            var size = canvas.Fit(r.Name, PdfWeight.Bold, 28, 14, width);
            canvas.Centred(r.Name, centre, y, PdfWeight.Bold, size, Ink);
            y += size * 1.5f;
            canvas.Centred($"{r.Institution}, {Countries.Name(r.Country)}", centre, y, PdfWeight.Regular, 12, Muted);
            y += 40;
            var (held, first, last) = (Where(content), Formats.Date(w.StartsLocal), Formats.Date(w.EndsLocal));
            var body = (held, trackName) switch
            {
                (null, null) => Tr.T("attended {0}, held online from {1} to {2}.", w.Title, first, last),
                (null, { } track) => Tr.T("attended {0}, held online from {1} to {2}, in the {3} track.", w.Title, first, last, track),
                ({ } place, null) => Tr.T("attended {0}, held at {1} from {2} to {3}.", w.Title, place, first, last),
                ({ } place, { } track) => Tr.T("attended {0}, held at {1} from {2} to {3}, in the {4} track.", w.Title, place, first, last, track),
            };
            foreach (var line in canvas.Wrap(body, PdfWeight.Regular, 13, width))
            {
                canvas.Centred(line, centre, y, PdfWeight.Regular, 13, Ink);
                y += 19;
            }
            y += 10;
            canvas.Centred(Tr.T("Checked in on {0}.", Formats.Date(checkedIn)), centre, y, PdfWeight.Regular, 10.5f, Muted);

            var bottom = paper.Height - paper.Margin - 60;
            canvas.Line(centre - 110, bottom, centre + 110, bottom, Ink);
            canvas.Centred(content.SignatoryText ?? Tr.T("The organisers of {0}", w.Title), centre, bottom + 6, PdfWeight.Bold, 10.5f, Ink);
            canvas.Centred(Tr.T("Issued {0} · reference {1}", Formats.Date(issued), Reference(r.Id)), centre, bottom + 24, PdfWeight.Regular, 8.5f, Muted);
        });
        return pdf.ToBytes();
    }

    internal static void Letterhead(PdfDocumentBuilder pdf, PackContent content)
    {
        var lines = (content.LetterheadText ?? content.SiteName).Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        pdf.Paragraph(lines[0], 14, PdfWeight.Bold);
        foreach (var line in lines.Skip(1)) pdf.Paragraph(line, 9.5f, muted: true);
    }

    /// <summary>Where the workshop is held; null when it has no place (online).</summary>
    internal static string? Where(PackContent content)
    {
        var w = content.Workshop;
        var where = string.Join(", ", new[] { w.Venue, w.Address, w.City, Countries.Name(w.Country) }.Where(x => !string.IsNullOrWhiteSpace(x)));
        return where.Length == 0 ? null : where;
    }

    // The workshop's own description says what it is about; its first paragraph is enough for a consulate.
    private static string? Purpose(PackContent content) =>
        MarkdownText.ToParagraphs(content.Workshop.Description).FirstOrDefault() is { } about ? about.TrimEnd('.') : null;
}
