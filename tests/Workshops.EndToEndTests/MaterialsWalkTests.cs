using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Workshops.Core.Domain.Accounts;
using Workshops.Core.Data;
using Workshops.Core.Domain.Agenda;
using Workshops.Core.Domain.Workshops;
using Workshops.Core.Pdf;
using Workshops.EndToEndTests.Support;
using static Microsoft.Playwright.Assertions;

namespace Workshops.EndToEndTests;

/// <summary>
/// A speaker uploads the slides of their session; a visitor finds them in the archive by a word that appears only
/// inside the PDF, and downloads them.
/// </summary>
public sealed class MaterialsWalkTests(Site site) : IClassFixture<Site>
{
    [Fact]
    public async Task A_speaker_uploads_slides_and_a_visitor_finds_them_by_a_word_inside_and_downloads_them()
    {
        await site.CreateUserAsync("kwame@nodes.example.org", "Kwame Mensah", Roles.Member);
        var slug = await AddWorkshopWithSessionAsync("kwame@nodes.example.org");
        var slides = new PdfDocumentBuilder("Spatial portal").Heading("Spatial portal: layers and analysis")
            .Paragraph("Our node loads environmental layers for quokkas and other marsupials every night.").ToBytes();

        var kwame = await site.SignedInAsync("kwame@nodes.example.org");
        await kwame.GotoAsync($"/workshops/{slug}/materials");
        await kwame.GetByRole(AriaRole.Link, new() { Name = "Add to “Spatial portal: layers and analysis”" }).ClickAsync();
        await kwame.GetByLabel("Title").FillAsync("Layers for the spatial portal");
        await kwame.GetByLabel("Type").SelectOptionAsync("Slides");
        await kwame.GetByLabel("File").SetInputFilesAsync(new FilePayload { Name = "spatial-portal.pdf", MimeType = "application/pdf", Buffer = slides });
        await kwame.AssertNoAxeViolationsAsync();
        await kwame.GetByRole(AriaRole.Button, new() { Name = "Add the material" }).ClickAsync();
        await Expect(kwame.GetByRole(AriaRole.Status)).ToContainTextAsync("“Layers for the spatial portal” is added.");
        await Expect(kwame.Locator("table.materials")).ToContainTextAsync("Layers for the spatial portal");
        await kwame.AssertNoAxeViolationsAsync();

        // The words inside the PDF are read by a background job: a visitor searching a moment later finds them.
        var visitor = await site.NewVisitorAsync();
        await visitor.GotoAsync("/");
        await visitor.GetByRole(AriaRole.Link, new() { Name = "Archive", Exact = true }).ClickAsync();
        await Expect(visitor.GetByRole(AriaRole.Link, new() { Name = "Living Atlases Workshop, Lisbon" })).ToBeVisibleAsync();
        await visitor.AssertNoAxeViolationsAsync();
        var result = visitor.GetByRole(AriaRole.Link, new() { Name = "Layers for the spatial portal", Exact = true });
        for (var attempt = 0; attempt < 30; attempt++)
        {
            await visitor.GetByLabel("Search titles, speakers, abstracts and the text inside slides").FillAsync("quokkas");
            await visitor.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
            if (await result.CountAsync() > 0) break;
            await Task.Delay(500);
        }
        await Expect(result).ToBeVisibleAsync();
        await Expect(visitor.Locator(".results mark").First).ToHaveTextAsync("quokkas");
        await visitor.AssertNoAxeViolationsAsync();

        var download = await visitor.RunAndWaitForDownloadAsync(() =>
            visitor.GetByRole(AriaRole.Link, new() { Name = "Download “Layers for the spatial portal”" }).ClickAsync());
        Assert.Equal("spatial-portal.pdf", download.SuggestedFilename);
        var saved = Path.Combine(site.DataDirectory, "downloaded.pdf");
        await download.SaveAsAsync(saved);
        Assert.Equal(slides, await File.ReadAllBytesAsync(saved));
    }

    private async Task<string> AddWorkshopWithSessionAsync(string speakerEmail)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var speaker = db.Users.Single(u => u.Email == speakerEmail);
        var starts = DateTime.UtcNow.Date.AddDays(-40).AddHours(9);
        var workshop = new AWorkshop
        {
            Title = "Living Atlases Workshop, Lisbon", Slug = "2026-lisbon", Starts = starts, Days = 3, Zone = "Europe/Lisbon", Venue = "Museu Nacional de História Natural", City = "Lisboa", Country = "Portugal", Description = "Three days of work.",
        }.Build();
        db.Workshops.Add(workshop);
        db.AgendaItems.Add(AgendaItem.Create(workshop, new AgendaItemDetails("Spatial portal: layers and analysis", AgendaItemType.Session, null, 45,
            "Adding layers.", null, [new AgendaSpeakerDetails("Kwame Mensah", speaker.Id)]), null, DateTimeOffset.UtcNow));
        await db.SaveChangesAsync();
        return workshop.Slug;
    }
}
