using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using Workshops.Core.Domain.Archive;
using Workshops.Core.Storage;
using W = DocumentFormat.OpenXml.Wordprocessing;
using S = DocumentFormat.OpenXml.Spreadsheet;

namespace Workshops.UnitTests.Domain.Archive;

/// <summary>The words inside slides, documents and spreadsheets, read for search within the same caps as PDFs.</summary>
public sealed class OfficeTextTests
{
    private static (string Text, int Pages, string? Problem) Read(byte[] bytes, FileKind kind, int maxPages = 100) =>
        OfficeText.Read(new MemoryStream(bytes), kind.ContentType, maxPages, TimeSpan.FromSeconds(30), default);

    private static byte[] Docx(params string[] paragraphs)
    {
        var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new W.Document(new W.Body(paragraphs.Select(p => new W.Paragraph(new W.Run(new W.Text(p))))));
        }
        return stream.ToArray();
    }

    private static byte[] Xlsx(string shared, string inline)
    {
        var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new S.Workbook();
            var strings = workbook.AddNewPart<SharedStringTablePart>();
            strings.SharedStringTable = new S.SharedStringTable(new S.SharedStringItem(new S.Text(shared)));
            var sheet = workbook.AddNewPart<WorksheetPart>();
            sheet.Worksheet = new S.Worksheet(new S.SheetData(new S.Row(
                new S.Cell { DataType = S.CellValues.SharedString, CellValue = new S.CellValue("0") },
                new S.Cell(new S.InlineString(new S.Text(inline))) { DataType = S.CellValues.InlineString })));
            workbook.Workbook.AppendChild(new S.Sheets(new S.Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = "Modules" }));
        }
        return stream.ToArray();
    }

    private static byte[] OpenDocument(string mime, string body)
    {
        var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var writer = new StreamWriter(zip.CreateEntry("mimetype").Open())) writer.Write(mime);
            using (var writer = new StreamWriter(zip.CreateEntry("content.xml").Open(), Encoding.UTF8))
                writer.Write($"""
                    <?xml version="1.0" encoding="UTF-8"?>
                    <office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
                        xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0">
                      <office:body>{body}</office:body>
                    </office:document-content>
                    """);
        }
        return stream.ToArray();
    }

    [Fact]
    public void A_documents_paragraphs_are_read()
    {
        var (text, _, problem) = Read(Docx("Instalación del biocache", "Spatial portal notes"), FileKinds.Docx);
        Assert.Contains("Instalación del biocache", text);
        Assert.Contains("Spatial portal notes", text);
        Assert.Null(problem);
    }

    [Fact]
    public void A_spreadsheets_shared_and_inline_strings_are_read()
    {
        var (text, pages, _) = Read(Xlsx("collectory", "regions module"), FileKinds.Xlsx);
        Assert.Contains("collectory", text);
        Assert.Contains("regions module", text);
        Assert.Equal(1, pages);
    }

    [Fact]
    public void OpenDocument_text_and_slides_are_read_slide_by_slide_within_the_cap()
    {
        var odt = OpenDocument("application/vnd.oasis.opendocument.text", "<office:text><text:h>Pipelines</text:h><text:p>Event<text:s/>core data</text:p></office:text>");
        var (text, _, _) = Read(odt, FileKinds.Odt);
        Assert.Contains("Pipelines", text);
        Assert.Contains("Event core data", text);

        var odp = OpenDocument("application/vnd.oasis.opendocument.presentation",
            "<office:presentation><draw:page><text:p>First slide</text:p></draw:page><draw:page><text:p>Second slide</text:p></draw:page></office:presentation>");
        var (all, pages, _) = Read(odp, FileKinds.Odp);
        Assert.Equal(2, pages);
        Assert.Contains("Second slide", all);
        var (first, _, cut) = Read(odp, FileKinds.Odp, maxPages: 1);
        Assert.Contains("First slide", first);
        Assert.DoesNotContain("Second slide", first);
        Assert.Contains("first 1 slides", cut);
    }

    [Fact]
    public void A_file_that_unpacks_to_far_more_than_it_weighs_is_not_opened()
    {
        var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        using (var entry = zip.CreateEntry("content.xml", CompressionLevel.Fastest).Open())
        {
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 520; i++) entry.Write(zeros);
        }
        var (text, _, problem) = Read(stream.ToArray(), FileKinds.Odt);
        Assert.Equal("", text);
        Assert.Contains("unpacks to", problem);
    }

    [Fact]
    public void The_current_sites_slides_are_read()
    {
        var pptx = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "Workshops.IntegrationTests", "Fixtures",
            "la-website-subset", "assets", "presentation", "workshop-2022", "SBDI-2_0.pptx"));
        var (text, pages, problem) = Read(pptx, FileKinds.Pptx);
        Assert.Equal(6, pages);
        Assert.Contains("GlusterFS for Docker volumes", text);
        Assert.Null(problem);
        Assert.Equal(2, Read(pptx, FileKinds.Pptx, maxPages: 2).Pages);
    }
}
