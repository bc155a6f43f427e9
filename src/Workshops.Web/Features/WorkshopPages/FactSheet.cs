using Workshops.Core.Domain.Common;
using Microsoft.Extensions.Options;
using QRCoder;
using Workshops.Core;
using Workshops.Core.Domain.Workshops;
using Workshops.Core.Pdf;
using Workshops.Core.Text;
using Workshops.Core.Time;

namespace Workshops.Web.Features.WorkshopPages;

/// <summary>The printable one-pager of a workshop: when, where, tracks, and a QR code back to its page.</summary>
public sealed class FactSheet(IOptions<SiteOptions> site)
{
    public byte[] Build(Workshop w, string pageUrl)
    {
        var start = w.StartsLocal;
        var end = w.EndsLocal;
        var pdf = new PdfDocumentBuilder(w.Title, site.Value.Name)
            .Heading(w.Title)
            .Paragraph($"{site.Value.Name} · {w.Year} · {w.Format.Label()}", 10, PdfWeight.Regular, muted: true);
        if (w.Status == WorkshopStatus.Cancelled) pdf.Paragraph(Tr.T("This workshop has been cancelled."), 12, PdfWeight.Bold);

        var facts = new List<IReadOnlyList<string>>
        {
            new[] { Tr.T("When"), $"{Formats.DateRange(start, end)}, {Formats.Time(start)} – {Formats.Time(end)}" },
            new[] { Tr.T("Time zone"), $"{w.TimeZoneId} ({Formats.Offset(start)})" },
        };
        if (w.Venue is not null) facts.Add([Tr.T("Venue"), w.Venue]);
        if (w.Address is not null) facts.Add([Tr.T("Address"), w.Address]);
        var place = string.Join(", ", new[] { w.City, Countries.Name(w.Country) }.Where(x => x is not null));
        if (place.Length > 0) facts.Add([Tr.T("Place"), place]);
        facts.Add([Tr.T("Web page"), pageUrl]);
        pdf.Table(null, facts, [1, 4]);

        var paragraphs = MarkdownText.ToParagraphs(w.Description);
        if (paragraphs.Count > 0)
        {
            pdf.Heading(Tr.T("About"), 2);
            foreach (var p in paragraphs) pdf.Paragraph(p);
        }

        if (w.Tracks.Count > 0)
        {
            pdf.Heading(Tr.T("Tracks"), 2);
            pdf.Table([Tr.T("Track"), Tr.T("Seats"), Tr.T("What it is about")],
                w.Tracks.OrderBy(t => t.Position).Select(t => (IReadOnlyList<string>)[t.Name, t.Capacity.ToString(), t.Description ?? ""]),
                [2, 1, 5]);
        }

        pdf.Heading(Tr.T("Find it online"), 2);
        pdf.Image(QrPng(pageUrl), 110, pageUrl);
        return pdf.ToBytes();
    }

    private static byte[] QrPng(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        return new PngByteQRCode(data).GetGraphic(8);
    }
}
