using Workshops.Core.Domain.Common;
using System.Globalization;
using ClosedXML.Excel;
using CsvHelper;
using Workshops.Core.Domain.Registrations;
using Workshops.Core.Domain.Workshops;
using Workshops.Web.Features.Registrations;

namespace Workshops.Web.Features.Organise.Registrations;

/// <summary>Every registration of a workshop with every answer, as CSV (UTF-8 with BOM) and as XLSX.</summary>
public sealed class RegistrationExport
{
    public byte[] Csv(Workshop workshop, RegistrationSetup setup, IReadOnlyList<Registration> rows)
    {
        using var stream = new MemoryStream();
        // Escape: a name starting with "=" must stay text in a spreadsheet, never run as a formula.
        var options = new CsvWriterOptions { Injection = CsvInjection.Escape, WriteByteOrderMark = true };
        using (var csv = CsvWriter.Create(stream, options, leaveOpen: true))
        {
            csv.WriteRecord(Headers(setup).ToArray());
            foreach (var row in rows) csv.WriteRecord(Values(workshop, setup, row).ToArray());
        }
        return stream.ToArray();
    }

    public byte[] Xlsx(Workshop workshop, RegistrationSetup setup, IReadOnlyList<Registration> rows)
    {
        using var book = new XLWorkbook();
        var sheet = book.Worksheets.Add("Registrations");
        var headers = Headers(setup).ToList();
        for (var c = 0; c < headers.Count; c++) sheet.Cell(1, c + 1).Value = headers[c];
        sheet.Row(1).Style.Font.Bold = true;
        for (var r = 0; r < rows.Count; r++)
        {
            var values = Values(workshop, setup, rows[r]).ToList();
            for (var c = 0; c < values.Count; c++) sheet.Cell(r + 2, c + 1).Value = values[c];
        }
        sheet.SheetView.FreezeRows(1);
        using var stream = new MemoryStream();
        book.SaveAs(stream);
        return stream.ToArray();
    }

    private static IEnumerable<string> Headers(RegistrationSetup setup) =>
        new[] { "Name", "Email", "Institution", "Country", "Role", "Track", "Status", "Registered (UTC)", "Waitlisted (UTC)", "Checked in (UTC)", "Listed publicly" }
            .Concat(setup.Questions.OrderBy(q => q.Position).Select(q => q.Text.Default))
            .Concat(RegistrationFacts.More.Select(f => f.Label));

    private static IEnumerable<string> Values(Workshop workshop, RegistrationSetup setup, Registration r) =>
        new[]
        {
            r.Name, r.Email, r.Institution, Countries.Name(r.Country), r.Role ?? "",
            workshop.Tracks.FirstOrDefault(t => t.Id == r.TrackId)?.Name ?? "",
            r.Status.ToString(), Utc(r.CreatedAt), Utc(r.WaitlistedAt), Utc(r.CheckedInAt), r.ListPublicly ? "yes" : "no",
        }.Concat(setup.Questions.OrderBy(q => q.Position)
            .Select(q => r.Answers.FirstOrDefault(a => a.QuestionId == q.Id)?.Value.Replace("\n", "; ") ?? ""))
            .Concat(RegistrationFacts.More.Select(f => f.Value(r) ?? ""));

    private static string Utc(DateTimeOffset? at) => at?.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "";
}
