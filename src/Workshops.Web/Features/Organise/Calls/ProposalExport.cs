using Workshops.Core.Domain.Common;
using System.Globalization;
using ClosedXML.Excel;
using CsvHelper;
using Workshops.Core.Domain.Proposals;
using Workshops.Core.Domain.Workshops;

namespace Workshops.Web.Features.Organise.Calls;

/// <summary>The ranked proposals of a call with their scores, as CSV (UTF-8 with BOM, so Excel reads accents) and as XLSX.</summary>
public sealed class ProposalExport
{
    public byte[] Csv(Call call, IReadOnlyList<BoardRow> rows)
    {
        using var stream = new MemoryStream();
        // Escape: a title starting with "=" must stay text in a spreadsheet, never run as a formula.
        var options = new CsvWriterOptions { Injection = CsvInjection.Escape, WriteByteOrderMark = true };
        using (var csv = CsvWriter.Create(stream, options, leaveOpen: true))
        {
            csv.WriteRecord(Headers(call).ToArray());
            foreach (var row in rows)
                csv.WriteRecord(Values(call, row).Select(v => v is IFormattable f ? f.ToString(null, CultureInfo.InvariantCulture) : v?.ToString()).ToArray()!);
        }
        return stream.ToArray();
    }

    public byte[] Xlsx(Call call, IReadOnlyList<BoardRow> rows)
    {
        using var book = new XLWorkbook();
        var sheet = book.Worksheets.Add("Proposals");
        var headers = Headers(call).ToList();
        for (var c = 0; c < headers.Count; c++) sheet.Cell(1, c + 1).Value = headers[c];
        sheet.Row(1).Style.Font.Bold = true;
        for (var r = 0; r < rows.Count; r++)
        {
            var values = Values(call, rows[r]).ToList();
            for (var c = 0; c < values.Count; c++) sheet.Cell(r + 2, c + 1).Value = values[c] ?? "";
        }
        sheet.SheetView.FreezeRows(1);
        using var stream = new MemoryStream();
        book.SaveAs(stream);
        return stream.ToArray();
    }

    private static IEnumerable<string> Headers(Call call)
    {
        string[] first = ["Rank", "Title", "Proposer", "Email", "Status", "Staged decision", "Weighted score", "Spread", "Reviews"];
        string[] plan = call.Kind == CallKind.Workshops
            ? ["Host institution", "City", "Country", "First day", "Last day", "Format", "Tracks", "Expected participants"]
            : ["Kind", "Minutes", "Track", "Co-speakers", "Notes for organisers"];
        return first
            .Concat(call.Criteria.OrderBy(c => c.Position).Select(c => $"{c.Name} (weight {c.Weight})"))
            .Concat(plan)
            .Append("Submitted (UTC)");
    }

    /// <summary>Numbers stay numbers (doubles and ints), so a spreadsheet can sort and sum them.</summary>
    private static IEnumerable<object?> Values(Call call, BoardRow row)
    {
        var p = row.Proposal;
        object?[] first = [row.Rank, p.Title, row.ProposerName, row.ProposerEmail, p.Status.ToString(), p.Status == ProposalStatus.Submitted ? p.Decision.ToString() : "",
            Round(row.Score.Mean), Round(row.Score.Spread), row.Score.Reviews];
        var criteria = call.Criteria.OrderBy(c => c.Position).Select(c => Round(row.ByCriterion.TryGetValue(c.Id, out var m) ? m : null));
        var w = p.Workshop;
        object?[] plan = call.Kind == CallKind.Workshops
            ? [w?.HostInstitution, w?.City, w?.Country is null ? null : Countries.Name(w.Country), w?.StartsOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), w?.EndsOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), w?.Format.Label(),
                w is null ? "" : string.Join("; ", w.Tracks.OrderBy(t => t.Position).Select(t => $"{t.Name} ({t.Seats} seats)")), w?.ExpectedParticipants]
            : [p.Session?.Type?.Label(), p.Session?.DurationMinutes, row.TrackName,
                string.Join("; ", p.ListedCoSpeakers().Select(c => $"{c.Name} <{c.Email}> ({c.Status})")), p.Session?.OrganiserNotes];
        return first.Concat(criteria).Concat(plan).Append(p.SubmittedAt?.UtcDateTime.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture));
    }

    private static object? Round(double? value) => value is { } v ? Math.Round(v, 2) : null;
}
