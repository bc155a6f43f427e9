using System.Net;
using UglyToad.PdfPig;
using Workshops.Core.Domain.Workshops;
using Workshops.IntegrationTests.Support;

namespace Workshops.IntegrationTests.Features.WorkshopPages;

public sealed class WorkshopPageTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Home_shows_the_next_workshop_and_past_ones_but_not_drafts()
    {
        await app.AddWorkshopAsync("home-next", startsLocal: DateTime.UtcNow.Date.AddDays(30).AddHours(9));
        await app.AddWorkshopAsync("home-past", startsLocal: new DateTime(2019, 10, 7, 9, 0, 0));
        await app.AddWorkshopAsync("home-draft", WorkshopStatus.Draft);

        var html = await app.Browser().GetStringAsync("/");

        Assert.Contains("/workshops/home-next", html);
        Assert.Contains("/workshops/home-past", html);
        Assert.DoesNotContain("home-draft", html);
    }

    [Fact]
    public async Task Workshop_page_shows_times_in_the_workshop_time_zone_and_seats_per_track()
    {
        // 09:00 in Madrid on 12 October 2026 is 07:00 UTC (summer time).
        var w = await app.AddWorkshopAsync("page-madrid", startsLocal: new DateTime(2026, 10, 12, 9, 0, 0), zone: "Europe/Madrid");
        Assert.Equal(new DateTimeOffset(2026, 10, 12, 7, 0, 0, TimeSpan.Zero), w.StartsAt);

        var html = System.Net.WebUtility.HtmlDecode(await app.Browser().GetStringAsync("/workshops/page-madrid"));

        Assert.Contains("Mon 12 – Fri 16 October 2026", html);
        Assert.Contains("09:00 – 17:00", System.Text.RegularExpressions.Regex.Replace(html, "<[^>]+>", ""));
        Assert.Contains("Europe/Madrid time, UTC+02:00", html);
        Assert.Contains("Developers", html);
        Assert.Contains("<strong>25</strong> seats", html);
        Assert.Contains("<strong>20</strong> seats", html);
        Assert.Contains("45 seats (Developers 25, Managers 20)", html);
        Assert.Contains("Real Jardín Botánico", html);
    }

    [Fact]
    public async Task Description_markdown_is_rendered_and_html_in_it_is_never_executed()
    {
        await app.AddWorkshopAsync("page-xss", description: "**Bold** <script>alert('x')</script> [link](javascript:alert(1)) <img src=x onerror=alert(1)>");

        var html = await app.Browser().GetStringAsync("/workshops/page-xss");

        Assert.Contains("<strong>Bold</strong>", html);
        Assert.DoesNotContain("<script>alert", html);
        Assert.DoesNotContain("javascript:alert", html);
        Assert.DoesNotContain("<img src=x", html);
    }

    [Theory]
    [InlineData("/workshops/no-such-workshop")]
    [InlineData("/workshops/no-such-workshop/factsheet.pdf")]
    public async Task Unknown_workshops_are_404(string url)
    {
        var response = await app.Browser().GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Drafts_are_404_for_visitors_including_their_fact_sheet()
    {
        await app.AddWorkshopAsync("page-draft", WorkshopStatus.Draft);
        var client = app.Browser();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/workshops/page-draft")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/workshops/page-draft/factsheet.pdf")).StatusCode);
    }

    [Fact]
    public async Task Fact_sheet_is_a_pdf_whose_text_reads_back_with_accents()
    {
        await app.AddWorkshopAsync("fact-sheet", startsLocal: new DateTime(2026, 10, 12, 9, 0, 0),
            description: "Niño, über, français, coração: todos bienvenidos.");

        var response = await app.Browser().GetAsync("/workshops/fact-sheet/factsheet.pdf");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        var text = string.Join(" ", pdf.GetPages().Select(p => p.Text)).Normalize();
        Assert.Contains("Workshop fact-sheet", text);
        Assert.Contains("Real Jardín Botánico", text);
        Assert.Contains("Madrid, Spain", text);
        Assert.Contains("Niño, über, français, coração", text);
        Assert.Contains("Mon 12 – Fri 16 October 2026", text);
        Assert.Contains("Europe/Madrid (UTC+02:00)", text);
        Assert.Contains("Developers", text);
        Assert.Single(pdf.GetPage(pdf.NumberOfPages).GetImages());
    }
}
