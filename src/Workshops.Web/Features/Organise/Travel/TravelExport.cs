using System.Globalization;
using ClosedXML.Excel;
using CsvHelper;
using Workshops.Core.Domain.Common;
using Workshops.Core.Domain.Travel;

namespace Workshops.Web.Features.Organise.Travel;

/// <summary>Every cost of every application, as a finance team reads it: CSV (UTF-8 with BOM) and XLSX with amounts as numbers.</summary>
public sealed class TravelExport
{
    public byte[] Csv(TravelReportData data)
    {
        using var stream = new MemoryStream();
        // Escape: a name starting with "=" must stay text in a spreadsheet, never run as a formula.
        var options = new CsvWriterOptions { Injection = CsvInjection.Escape, WriteByteOrderMark = true };
        using (var csv = CsvWriter.Create(stream, options, leaveOpen: true))
        {
            csv.WriteRecord(Headers(data.Fund).ToArray());
            foreach (var line in data.Lines) csv.WriteRecord(Values(data.Fund, line).Select(v => Text(v)).ToArray());
        }
        return stream.ToArray();
    }

    public byte[] Xlsx(TravelReportData data)
    {
        using var book = new XLWorkbook();
        var sheet = book.Worksheets.Add(Tr.T("Travel support"));
        var headers = Headers(data.Fund).ToList();
        for (var c = 0; c < headers.Count; c++) sheet.Cell(1, c + 1).Value = headers[c];
        sheet.Row(1).Style.Font.Bold = true;
        for (var r = 0; r < data.Lines.Count; r++)
        {
            var values = Values(data.Fund, data.Lines[r]).ToList();
            for (var c = 0; c < values.Count; c++)
            {
                var cell = sheet.Cell(r + 2, c + 1);
                switch (values[c])
                {
                    case decimal amount:
                        cell.Value = amount;
                        cell.Style.NumberFormat.Format = "#,##0.00";
                        break;
                    case DateOnly day:
                        cell.Value = day.ToDateTime(TimeOnly.MinValue);
                        cell.Style.DateFormat.Format = "yyyy-mm-dd";
                        break;
                    default:
                        cell.Value = values[c]?.ToString() ?? "";
                        break;
                }
            }
        }
        sheet.SheetView.FreezeRows(1);
        using var stream = new MemoryStream();
        book.SaveAs(stream);
        return stream.ToArray();
    }

    private static IEnumerable<string> Headers(TravelFund fund) =>
    [
        Tr.T("Name"), Tr.T("Email"), Tr.T("Institution"), Tr.T("Country"), Tr.T("Status"), Tr.T("Cost"), Tr.T("Currency asked in"),
        Tr.T("Asked for"), Tr.T("Asked for, in {0}", fund.Currency), Tr.T("Awarded, in {0}", fund.Currency), Tr.T("Approved, in {0}", fund.Currency),
        Tr.T("Paid on"), Tr.T("Payment reference"),
    ];

    private static IEnumerable<object?> Values(TravelFund fund, TravelLine l)
    {
        var asked = Currencies.Find(l.Currency);
        return
        [
            l.Name, l.Email, l.Institution, Countries.Name(l.Country), l.Status.Label(), l.Kind.Short(), l.Currency,
            asked is null ? null : Currencies.FromMinor(l.Requested, asked), Budget(fund, l.RequestedInBudget), Budget(fund, l.Awarded), Budget(fund, l.Approved),
            l.PaidOn, l.Reference,
        ];
    }

    private static decimal? Budget(TravelFund fund, long? minor) => minor is { } m ? Currencies.FromMinor(m, fund.Money) : null;

    // CSV is read by programs too: amounts with a point, dates as ISO, whatever the reader's language.
    private static string Text(object? value) => value switch
    {
        null => "",
        decimal d => d.ToString("0.00##", CultureInfo.InvariantCulture),
        DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
