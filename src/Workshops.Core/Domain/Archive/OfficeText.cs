using System.IO.Compression;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml.Packaging;
using Workshops.Core.Storage;
using A = DocumentFormat.OpenXml.Drawing;
using S = DocumentFormat.OpenXml.Spreadsheet;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Workshops.Core.Domain.Archive;

/// <summary>
/// The words inside slides, documents and spreadsheets: PPTX, DOCX and XLSX through the OpenXML SDK, ODP and ODT as the
/// ZIPs of XML they are. Bounded as PDFs are: at most so many slides or sheets, so many characters, so much time; and a
/// file that unpacks to far more than it weighs is not opened at all.
/// </summary>
public static class OfficeText
{
    /// <summary>What a file may unpack to: slides with images are large, a ZIP bomb is larger.</summary>
    public const long MaxUnpackedBytes = 512L * 1024 * 1024;

    /// <summary>What one part (a slide, the document's text, the shared strings) may unpack to: the SDK reads a part whole.</summary>
    public const long MaxPartBytes = 64L * 1024 * 1024;

    private static readonly OpenSettings Settings = new() { MaxCharactersInPart = MaxPartBytes };

    public static readonly FileKind[] Kinds = [FileKinds.Pptx, FileKinds.Docx, FileKinds.Xlsx, FileKinds.Odp, FileKinds.Odt];

    /// <param name="stream">A seekable stream of the file.</param>
    public static (string Text, int Pages, string? Problem) Read(Stream stream, string contentType, int maxPages, TimeSpan budget, CancellationToken stop)
    {
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true))
        {
            var unpacked = zip.Entries.Sum(e => e.Length);
            if (zip.Entries.Count > 20_000 || unpacked > MaxUnpackedBytes || zip.Entries.Any(e => e.Length > MaxPartBytes && IsText(e.FullName)))
                return ("", 0, $"It unpacks to {ImportSize(unpacked)} in {zip.Entries.Count:N0} parts, more than is read for search.");
        }
        stream.Position = 0;
        var reader = new Reader(maxPages, budget, stop);
        if (contentType == FileKinds.Pptx.ContentType) reader.Presentation(stream);
        else if (contentType == FileKinds.Docx.ContentType) reader.Document(stream);
        else if (contentType == FileKinds.Xlsx.ContentType) reader.Workbook(stream);
        else reader.OpenDocument(stream, contentType == FileKinds.Odp.ContentType);
        var text = reader.Text.ToString();
        return (text, reader.Pages, reader.Cut ?? (text.Trim().Length == 0 ? "It holds no text." : null));
    }

    /// <summary>The XML parts the text is read from; images and media inside may be large.</summary>
    private static bool IsText(string name) => name.EndsWith(".xml", StringComparison.OrdinalIgnoreCase);

    private static string ImportSize(long bytes) => $"{bytes / (1024.0 * 1024):N0} MB";

    private sealed class Reader(int maxPages, TimeSpan budget, CancellationToken stop)
    {
        private readonly System.Diagnostics.Stopwatch _started = System.Diagnostics.Stopwatch.StartNew();
        public StringBuilder Text { get; } = new();
        public int Pages { get; private set; }
        public string? Cut { get; private set; }

        /// <summary>Whether to go on to the next slide or sheet; says why not when it stops.</summary>
        private bool NextPage(string what, int of)
        {
            if (Pages >= maxPages) { Cut = $"Only its first {maxPages:N0} {what} (of {of:N0}) are searched."; return false; }
            if (stop.IsCancellationRequested || _started.Elapsed > budget)
            {
                Cut = $"Reading its text was stopped after {budget.TotalSeconds:0} seconds, at {what} {Pages:N0} of {of:N0}.";
                return false;
            }
            Pages++;
            return true;
        }

        private bool Full => Text.Length >= Materials.FileText.MaxLength;

        private void Line(string? line)
        {
            if (!string.IsNullOrWhiteSpace(line) && !Full) Text.AppendLine(line.Trim());
        }

        public void Presentation(Stream stream)
        {
            using var document = PresentationDocument.Open(stream, false, Settings);
            var part = document.PresentationPart;
            var ids = part?.Presentation?.SlideIdList?.Elements<DocumentFormat.OpenXml.Presentation.SlideId>().ToList() ?? [];
            foreach (var id in ids)
            {
                if (Full || !NextPage("slides", ids.Count)) break;
                if (id.RelationshipId?.Value is not { } rel || part!.GetPartById(rel) is not SlidePart slide) continue;
                foreach (var p in slide.Slide?.Descendants<A.Paragraph>() ?? []) Line(p.InnerText);
                foreach (var p in slide.NotesSlidePart?.NotesSlide?.Descendants<A.Paragraph>() ?? []) Line(p.InnerText);
            }
        }

        public void Document(Stream stream)
        {
            using var document = WordprocessingDocument.Open(stream, false, Settings);
            Pages = 1;
            foreach (var p in document.MainDocumentPart?.Document?.Body?.Descendants<W.Paragraph>() ?? [])
            {
                if (Full) break;
                if (stop.IsCancellationRequested || _started.Elapsed > budget) { Cut = $"Reading its text was stopped after {budget.TotalSeconds:0} seconds."; break; }
                Line(p.InnerText);
            }
        }

        public void Workbook(Stream stream)
        {
            using var document = SpreadsheetDocument.Open(stream, false, Settings);
            var workbook = document.WorkbookPart;
            foreach (var item in workbook?.SharedStringTablePart?.SharedStringTable?.Elements<S.SharedStringItem>() ?? [])
            {
                if (Full) break;
                Line(item.InnerText);
            }
            var sheets = workbook?.WorksheetParts.ToList() ?? [];
            foreach (var sheet in sheets)
            {
                if (Full || !NextPage("sheets", sheets.Count)) break;
                foreach (var inline in sheet.Worksheet?.Descendants<S.InlineString>() ?? []) Line(inline.InnerText);
            }
        }

        /// <summary>content.xml of an ODP or ODT: each paragraph and heading a line, each slide (draw:page) a page.</summary>
        public void OpenDocument(Stream stream, bool slides)
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.GetEntry("content.xml") is not { } entry) { Cut = "It has no content.xml: not an OpenDocument file."; return; }
            using var xml = XmlReader.Create(entry.Open(), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true });
            const string textNs = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
            const string drawNs = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0";
            var line = new StringBuilder();
            var pages = slides ? 0 : 1;
            if (!slides) Pages = 1;
            while (xml.Read() && !Full)
            {
                if (xml.NodeType == XmlNodeType.Element && slides && xml.LocalName == "page" && xml.NamespaceURI == drawNs)
                {
                    pages++;
                    if (!NextPage("slides", pages)) break;
                }
                else if (xml.NodeType is XmlNodeType.Text or XmlNodeType.SignificantWhitespace)
                {
                    line.Append(xml.Value);
                    // One endless paragraph is cut into lines rather than held whole.
                    if (line.Length > 10_000) { Line(line.ToString()); line.Clear(); }
                }
                else if (xml.NodeType == XmlNodeType.Element && xml.NamespaceURI == textNs && xml.LocalName is "s" or "tab" or "line-break") line.Append(' ');
                else if (xml.NodeType == XmlNodeType.EndElement && xml.NamespaceURI == textNs && xml.LocalName is "p" or "h")
                {
                    Line(line.ToString());
                    line.Clear();
                }
                if (!slides && (stop.IsCancellationRequested || _started.Elapsed > budget)) { Cut = $"Reading its text was stopped after {budget.TotalSeconds:0} seconds."; break; }
            }
        }
    }
}
