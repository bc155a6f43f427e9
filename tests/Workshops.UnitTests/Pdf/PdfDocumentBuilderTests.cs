using UglyToad.PdfPig;
using Workshops.Core.Pdf;

namespace Workshops.UnitTests.Pdf;

public sealed class PdfDocumentBuilderTests
{
    [Fact]
    public void Text_with_accents_and_ligatures_reads_back()
    {
        var bytes = new PdfDocumentBuilder("Taller de desarrolladores")
            .Heading("Año 2026 en España: Zürich, Curaçao, São Paulo")
            .Paragraph("Official files flow in the first session: niño, über, français, coração.")
            .ToBytes();

        using var pdf = PdfDocument.Open(bytes);
        var text = string.Join("\n", pdf.GetPages().Select(p => p.Text));
        Assert.Contains("Año 2026 en España", Normalize(text));
        Assert.Contains("Zürich, Curaçao, São Paulo", Normalize(text));
        Assert.True(Normalize(text).Contains("Official files flow in the first session"), text);
        Assert.Contains("coração", Normalize(text));
        Assert.Equal("Taller de desarrolladores", pdf.Information.Title);
    }

    [Fact]
    public void Long_content_flows_over_pages_with_numbers_and_repeated_table_headers()
    {
        var rows = Enumerable.Range(1, 120).Select(i => (IReadOnlyList<string>)[$"Participant {i}", $"Institution {i}", "Developers"]).ToList();
        var builder = new PdfDocumentBuilder("Participants").Heading("Participants");
        for (var i = 0; i < 5; i++) builder.Paragraph(string.Join(' ', Enumerable.Repeat("A wrapped paragraph that goes on.", 30)));
        builder.Table(["Name", "Institution", "Track"], rows, [2, 3, 1]);

        using var pdf = PdfDocument.Open(builder.ToBytes());
        var pages = pdf.GetPages().ToList();
        Assert.True(pages.Count >= 3, $"expected at least 3 pages, got {pages.Count}");
        Assert.Contains($"page 1 of {pages.Count}", pages[0].Text);
        Assert.Contains($"page {pages.Count} of {pages.Count}", pages[^1].Text);
        Assert.Contains("Participant 120", pages[^1].Text);
        // The header row is repeated on every page the table continues onto.
        Assert.Contains("Institution", pages[^1].Text.Replace("Institution 1", ""));
        var allText = string.Join(" ", pages.Select(p => p.Text));
        for (var i = 1; i <= 120; i++) Assert.Contains($"Participant{i}Institution{i}", allText.Replace(" ", ""));
    }

    [Fact]
    public void Images_are_embedded()
    {
        using var bitmap = new SkiaSharp.SKBitmap(40, 20);
        bitmap.Erase(SkiaSharp.SKColors.Teal);
        using var png = bitmap.Encode(SkiaSharp.SKEncodedImageFormat.Png, 100);
        var bytes = new PdfDocumentBuilder("Image").Image(png.ToArray(), 200, "A caption").ToBytes();

        using var pdf = PdfDocument.Open(bytes);
        var page = pdf.GetPage(1);
        Assert.Single(page.GetImages());
        Assert.Contains("A caption", page.Text);
    }

    [Fact]
    public void Bad_image_bytes_are_refused()
    {
        var builder = new PdfDocumentBuilder("x").Image([1, 2, 3], 100);
        Assert.Throws<ArgumentException>(() => builder.ToBytes());
    }

    private static string Normalize(string text) => text.Normalize(System.Text.NormalizationForm.FormC);
}
