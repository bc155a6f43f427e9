using System.Text;
using UglyToad.PdfPig;
using Workshops.Core.Domain.Packs;
using Workshops.Tests.Shared;

namespace Workshops.UnitTests.Domain.Packs;

public sealed class BadgeSheetDocumentTests
{
    private static IReadOnlyList<PackAttendee> People(Core.Domain.Packs.PackContent content, int count)
    {
        var tracks = content.Workshop.Tracks.OrderBy(t => t.Position).ToList();
        return Enumerable.Range(0, count).Select(i => new PackAttendee(Guid.NewGuid(), $"{PackSamples.Names[i % PackSamples.Names.Length]}",
            i % 2 == 0 ? "Зоологический институт РАН" : "Real Jardín Botánico", i % 2 == 0 ? "Россия" : "España",
            tracks[i % 2].Id, tracks[i % 2].Name, $"CODE{i:D1}-{i:D5}", new HashSet<Guid>())).ToList();
    }

    [Fact]
    public void Eight_badges_to_a_page_with_names_institutions_tracks_and_codes_that_scan()
    {
        var content = PackSamples.Content();
        var people = People(content, 10);
        var bytes = BadgeSheetDocument.Build(content, people);

        using var pdf = PdfDocument.Open(bytes);
        Assert.Equal(2, pdf.NumberOfPages);
        Assert.Equal("Living Atlases Workshop 2027: badges", pdf.Information.Title);
        var first = pdf.GetPage(1).Text.Normalize(NormalizationForm.FormC).Replace(" ", "");
        var second = pdf.GetPage(2).Text.Normalize(NormalizationForm.FormC).Replace(" ", "");
        foreach (var p in people.Take(8))
        {
            Assert.Contains(p.Name.Replace(" ", ""), first);
            Assert.Contains(p.CheckInCode, first);
        }
        Assert.Contains("Developers", first);
        Assert.Contains("Managers", first);
        Assert.Contains("ЗоологическийинститутРАН", first);
        Assert.Contains(people[9].Name.Replace(" ", ""), second);
        Assert.DoesNotContain("page1of", first);

        var codes = PdfImages.ReadQrCodes(PdfImages.RenderPage(bytes, 1, dpi: 150));
        Assert.Equal(people.Take(8).Select(p => p.CheckInCode).Order(), codes.Order());
    }

    [Fact]
    public void A_long_name_shrinks_or_wraps_to_stay_on_its_badge()
    {
        var content = PackSamples.Content();
        var people = People(content, 1).Select(p => p with { Name = "Maria da Conceição Albuquerque Vasconcelos de Sá Pereira" }).ToList();
        using var pdf = PdfDocument.Open(BadgeSheetDocument.Build(content, people));
        var page = pdf.GetPage(1);
        var badgeRight = 28 + (page.Width - 56) / 2;
        var nameLetters = page.Letters.Where(l => l.PointSize >= 9 && (l.FontName ?? "").Contains("Bold")).ToList();
        Assert.NotEmpty(nameLetters);
        Assert.All(nameLetters, l => Assert.True(l.BoundingBox.Right < badgeRight, $"'{l.Value}' at {l.BoundingBox.Right} passes the badge's edge {badgeRight}"));
        // The whole name is there, surname included: it wraps and shrinks before anything is cut.
        Assert.Contains("SáPereira", string.Concat(nameLetters.Select(l => l.Value)).Normalize(System.Text.NormalizationForm.FormC));
    }

    [Fact]
    public void A_name_too_long_for_any_size_ends_in_an_ellipsis_rather_than_silently()
    {
        var content = PackSamples.Content();
        var endless = string.Join(" ", Enumerable.Repeat("Albuquerque", 30)) + " Surname";
        var people = People(content, 1).Select(p => p with { Name = endless, Institution = string.Join(" ", Enumerable.Repeat("Instituto", 40)) }).ToList();
        using var pdf = PdfDocument.Open(BadgeSheetDocument.Build(content, people));
        var text = pdf.GetPage(1).Text;
        Assert.Contains("…", text);
    }
}
