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

    [Fact]
    public void Markdown_keeps_list_markers_heading_levels_entities_and_cuts_words_wider_than_the_page()
    {
        var address = "https://www.google.com/maps/place/Real+Jard%C3%ADn+Bot%C3%A1nico/@40.4111,-3.6911,17z/data=!3m1!4b1!4m6!3m5!1s0xd42262a1!8m2!3d40.41!4d-3.69";
        var bytes = new PdfDocumentBuilder("Markdown")
            .Markdown($"# Venue\n\n#### Small print\n\nFish &amp; chips.\n\n1. > A quoted first line\n2. Second\n\nMap: {address}")
            .ToBytes();
        using var pdf = PdfDocument.Open(bytes);
        var page = pdf.GetPage(1);
        var text = page.Text.Replace(" ", "");
        Assert.Contains("Fish&chips.", text);
        Assert.Contains("1.", text);
        Assert.Contains("2.Second", text);
        Assert.All(page.Letters, l => Assert.True(l.BoundingBox.Right <= page.Width - 50, $"'{l.Value}' at {l.BoundingBox.Right} is past the margin"));
        var venue = page.Letters.First(l => l.Value == "V").PointSize;
        var small = page.Letters.First(l => l.Value == "S").PointSize;
        Assert.True(small < venue, $"#### ({small} pt) prints smaller than # ({venue} pt)");
    }
}
