using CsvHelper;
using Workshops.Core.Domain.Common;
using Workshops.Core.Localization;

namespace Workshops.Core.Domain.Community.Attendees;

/// <summary>
/// Reads an attendee list as the old site keeps it (name,organisation,country, with a header), or a spreadsheet saved as
/// CSV with those columns in any order and case. Countries are read in any of the site's languages.
/// </summary>
public static class AttendeeCsv
{
    public const int MaxBytes = 2 * 1024 * 1024;

    /// <summary>The rows, or a refusal naming what is wrong with the file.</summary>
    public static IReadOnlyList<PastAttendeeDetails> Read(string text)
    {
        // The separator is found from the first lines: a spreadsheet saved in Spanish or French writes semicolons.
        using var csv = CsvReader.Create(new StringReader(text.TrimStart('\uFEFF')), new CsvReaderOptions { TrimWhitespace = true });
        if (csv.Headers.Count == 0 || csv.Headers.All(string.IsNullOrWhiteSpace))
            throw new DomainException(Tr.T("The file is empty. It needs a header row: name,organisation,country."), "File");
        var headers = csv.Headers.Select(h => h.Trim().ToLowerInvariant()).ToList();
        var name = headers.FindIndex(h => h is "name" or "nombre" or "nom" or "nome");
        if (name < 0) throw new DomainException(Tr.T("The file has no “name” column. Its header row should be: name,organisation,country."), "File");
        var organisation = headers.FindIndex(h => h is "organisation" or "organization" or "institution" or "organización" or "organisme" or "organização");
        var country = headers.FindIndex(h => h is "country" or "país" or "pays" or "pais");
        var rows = new List<PastAttendeeDetails>();
        while (csv.Read())
        {
            string? Cell(int i) => i < 0 || i >= csv.FieldCount ? null : csv.GetString(i);
            var person = Cell(name);
            if (string.IsNullOrWhiteSpace(person) && string.IsNullOrWhiteSpace(Cell(organisation))) continue;
            rows.Add(new PastAttendeeDetails(person ?? "", Cell(organisation), Cell(country)));
        }
        return rows;
    }

    /// <summary>The countries a list names that the site cannot read as one, to tell the organiser.</summary>
    public static IReadOnlyList<string> UnknownCountries(IEnumerable<PastAttendeeDetails> rows) => rows
        .Where(r => !string.IsNullOrWhiteSpace(r.Country) && Countries.Find(r.Country) is null).Select(r => r.Country!.Trim()).Distinct().ToList();
}
