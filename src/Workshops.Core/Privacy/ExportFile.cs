using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using Workshops.Core.Localization;

namespace Workshops.Core.Privacy;

/// <summary>
/// The ZIP a person downloads: data.json for programs (the columns' own names, UTC instants) and data.html to read,
/// in the person's language, with the same content.
/// </summary>
public static class ExportFile
{
    public static void Write(Stream output, string siteName, string personName, DateTimeOffset at, IReadOnlyList<ExportSection> sections)
    {
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        var stamp = at.UtcDateTime;
        var json = zip.CreateEntry("data.json", CompressionLevel.Optimal);
        json.LastWriteTime = stamp;
        using (var stream = json.Open()) WriteJson(stream, siteName, at, sections);
        var html = zip.CreateEntry("data.html", CompressionLevel.Optimal);
        html.LastWriteTime = stamp;
        using (var stream = html.Open())
        using (var writer = new StreamWriter(stream, new UTF8Encoding(false)))
            writer.Write(Html(siteName, personName, at, sections));
    }

    private static void WriteJson(Stream stream, string siteName, DateTimeOffset at, IReadOnlyList<ExportSection> sections)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        json.WriteString("site", siteName);
        json.WriteString("exportedAt", at.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture));
        foreach (var section in sections)
        {
            json.WriteStartArray(section.Key);
            foreach (var row in section.Rows) WriteRow(json, row);
            json.WriteEndArray();
        }
        json.WriteEndObject();
    }

    private static void WriteRow(Utf8JsonWriter json, ExportRow row)
    {
        json.WriteStartObject();
        if (row.Of is not null) json.WriteString("of", row.Of);
        foreach (var field in row.Fields)
        {
            var name = char.ToLowerInvariant(field.Name[0]) + field.Name[1..];
            switch (field.Value)
            {
                case null: json.WriteNull(name); break;
                case bool b: json.WriteBoolean(name, b); break;
                case int i: json.WriteNumber(name, i); break;
                case long l: json.WriteNumber(name, l); break;
                case double d: json.WriteNumber(name, d); break;
                case decimal m: json.WriteNumber(name, m); break;
                case IReadOnlyList<ExportRow> rows:
                    json.WriteStartArray(name);
                    foreach (var child in rows) WriteRow(json, child);
                    json.WriteEndArray();
                    break;
                default: json.WriteString(name, field.Value.ToString()); break;
            }
        }
        json.WriteEndObject();
    }

    private static string Html(string siteName, string personName, DateTimeOffset at, IReadOnlyList<ExportSection> sections)
    {
        var html = new StringBuilder();
        html.Append($"<!DOCTYPE html>\n<html lang=\"{E(Tr.Language)}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{E(Tr.T("Your data at {0}", siteName))}</title>\n");
        html.Append("<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.5}")
            .Append("table{border-collapse:collapse;margin:0 0 1.5rem;width:100%}th,td{border:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top}")
            .Append("th{width:30%;background:#f4f4f4}td{overflow-wrap:anywhere}</style>\n</head>\n<body>\n");
        html.Append($"<h1>{E(Tr.T("Your data at {0}", siteName))}</h1>\n");
        html.Append($"<p>{E(Tr.T("Everything {0} held about {1} on {2:D}, in {3} parts. data.json, beside this file, holds the same for programs.", siteName, personName, at.UtcDateTime, sections.Count))}</p>\n");
        html.Append("<nav aria-labelledby=\"contents\"><h2 id=\"contents\">").Append(E(Tr.T("Contents"))).Append("</h2><ul>");
        foreach (var section in sections)
            html.Append($"<li><a href=\"#{section.Key}\">{E(section.Title)}</a> ({section.Rows.Count})</li>");
        html.Append("</ul></nav>\n");
        foreach (var section in sections)
        {
            html.Append($"<section aria-labelledby=\"{section.Key}\">\n<h2 id=\"{section.Key}\">{E(section.Title)}</h2>\n");
            if (section.Rows.Count == 0) html.Append($"<p>{E(Tr.T("Nothing."))}</p>\n");
            foreach (var row in section.Rows) AppendRow(html, row);
            html.Append("</section>\n");
        }
        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    private static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    private static void AppendRow(StringBuilder html, ExportRow row)
    {
        html.Append("<table>");
        if (row.Of is not null) html.Append($"<caption>{E(row.Of)}</caption>");
        foreach (var field in row.Fields)
        {
            html.Append($"<tr><th scope=\"row\">{E(ExportLabels.Of(field.Name))}</th><td>");
            switch (field.Value)
            {
                case IReadOnlyList<ExportRow> rows:
                    foreach (var child in rows) AppendRow(html, child);
                    break;
                case bool b: html.Append(E(b ? Tr.T("Yes") : Tr.T("No"))); break;
                default: html.Append(E(field.Value?.ToString())); break;
            }
            html.Append("</td></tr>");
        }
        html.Append("</table>\n");
    }
}
