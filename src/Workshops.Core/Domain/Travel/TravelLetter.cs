using Workshops.Core.Domain.Common;
using Workshops.Core.Domain.Packs;
using Workshops.Core.Domain.Registrations;
using Workshops.Core.Localization;
using Workshops.Core.Pdf;
using Workshops.Core.Time;

namespace Workshops.Core.Domain.Travel;

/// <summary>
/// The award letter: on the organisers' letterhead, in the applicant's language, it states what is awarded for each
/// cost, who funds it and on what conditions, as a finance office or an employer asks to see.
/// </summary>
public static class TravelLetter
{
    public static byte[] Award(PackContent content, Registration r, TravelApplication application, TravelFund fund, string funder, DateTimeOffset issuedAt)
    {
        using var scope = Tr.Use(application.Language);
        var w = content.Workshop;
        var issued = WorkshopTime.ToLocal(issuedAt, w.Zone);
        string Money(long minor) => Currencies.Format(minor, fund.Currency);
        var pdf = new PdfDocumentBuilder(Tr.T("{0}: award of travel support", w.Title), content.SiteName)
            .Paper(content.Paper)
            .About(Tr.T("Award of travel support to {0} for {1}, {2}", r.Name, w.Title, Formats.DateRange(w.StartsLocal, w.EndsLocal)), Tr.T("{0}; travel support; award", w.Title))
            .Created(issuedAt)
            .NoFooter();
        LetterDocuments.Letterhead(pdf, content);
        var (held, first, last) = (LetterDocuments.Where(content), Formats.Date(w.StartsLocal), Formats.Date(w.EndsLocal));
        pdf.Space(18).Paragraph($"{(w.City is { } city ? city + ", " : "")}{Formats.Date(issued)}", 10.5f)
            .Paragraph(Tr.T("Reference: {0}", application.Id.ToString("N")[..8].ToUpperInvariant()), 9, muted: true)
            .Space(12)
            .Paragraph(r.Name, 11, PdfWeight.Bold);
        if (r.Institution.Length > 0) pdf.Paragraph($"{r.Institution}, {Countries.Name(r.Country)}", 10.5f, muted: true);
        pdf.Space(12)
            .Heading(Tr.T("Award of travel support"), 2)
            .Paragraph(held is null
                ? Tr.T("We are pleased to award you {0} of travel support to attend {1}, held online from {2} to {3}. The award is funded by {4}.",
                    Money(application.AwardedMinor), w.Title, first, last, funder)
                : Tr.T("We are pleased to award you {0} of travel support to attend {1}, held at {2} from {3} to {4}. The award is funded by {5}.",
                    Money(application.AwardedMinor), w.Title, held, first, last, funder))
            .Table([Tr.T("Cost"), Tr.T("Awarded"), Tr.T("Approved"), Tr.T("Paid")],
                application.Costs.Where(c => c.AwardedMinor > 0).OrderBy(c => c.Kind).Select(c => (IReadOnlyList<string>)
                [
                    c.Kind.Label(),
                    Money(c.AwardedMinor!.Value),
                    c.ApprovedMinor is { } approved ? Money(approved) : "–",
                    c.PaidOn is { } paid ? Formats.Date(paid.ToDateTime(TimeOnly.MinValue)) : "–",
                ]), [3, 2, 2, 2]);
        if (fund.Conditions is { } conditions)
        {
            pdf.Heading(Tr.T("Conditions"), 3);
            foreach (var paragraph in conditions.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)) pdf.Paragraph(paragraph);
        }
        pdf.Paragraph(Tr.T("Amounts are in {0}. Keep your receipts: the award is paid against them after the workshop, up to the amounts above.", fund.Currency))
            .Space(18)
            .Paragraph(Tr.T("Yours sincerely,"))
            .Space(30)
            .Paragraph(content.SignatoryText ?? Tr.T("The organisers of {0}", w.Title), 11, PdfWeight.Bold);
        return pdf.ToBytes();
    }
}
