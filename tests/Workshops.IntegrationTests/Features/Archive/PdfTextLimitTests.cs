using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workshops.Core.Domain.Archive;
using Workshops.Core.Pdf;
using Workshops.IntegrationTests.Support;

namespace Workshops.IntegrationTests.Features.Archive;

/// <summary>Reading a PDF's words stops at a page cap and a time cap, so one hostile file cannot hold a worker.</summary>
public sealed class PdfTextLimitTests(PdfTextLimitTests.Factory app) : IClassFixture<PdfTextLimitTests.Factory>
{
    public sealed class Factory : AppFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings() => [new("Storage:PdfTextMaxPages", "2")];
    }

    private static byte[] Pages(int count, string word)
    {
        var builder = new PdfDocumentBuilder("Long slides");
        for (var i = 1; i <= count; i++)
        {
            if (i > 1) builder.PageBreak();
            builder.Paragraph($"{word}{i}");
        }
        return builder.ToBytes();
    }

    private async Task<(int Pages, string Text, string? Problem)> ReadAsync(byte[] pdf, Action<Workshops.Core.Storage.StorageOptions>? options = null)
    {
        var workshop = await app.AddWorkshopAsync($"pdf-{Guid.NewGuid():N}"[..20]);
        var material = await app.AddMaterialAsync(workshop.Id, null, "Long slides", file: pdf);
        await using var scope = app.Services.CreateAsyncScope();
        var reader = options is null ? scope.ServiceProvider.GetRequiredService<FileTextReader>()
            : ActivatorUtilities.CreateInstance<FileTextReader>(scope.ServiceProvider, Microsoft.Extensions.Options.Options.Create(Configure(options)));
        await reader.ReadAsync(material.FileHash!, default);
        var text = await app.WithDb(db => db.FileTexts.AsNoTracking().SingleAsync(t => t.Hash == material.FileHash));
        return (text.Pages, text.Text, text.Problem);
    }

    private static Workshops.Core.Storage.StorageOptions Configure(Action<Workshops.Core.Storage.StorageOptions> change)
    {
        var options = new Workshops.Core.Storage.StorageOptions { PdfTextMaxPages = 2 };
        change(options);
        return options;
    }

    [Fact]
    public async Task Only_the_first_pages_are_read_and_the_cut_is_said()
    {
        var (pages, text, problem) = await ReadAsync(Pages(6, "quokka"));

        Assert.Equal(2, pages);
        Assert.Contains("quokka2", text);
        Assert.DoesNotContain("quokka3", text);
        Assert.Equal("Only its first 2 pages (of 6) are searched.", problem);
    }

    [Fact]
    public async Task Reading_stops_when_its_time_is_up()
    {
        var (pages, _, problem) = await ReadAsync(Pages(3, "wombat"), o => o.PdfTextMaxSeconds = 0);

        Assert.Equal(0, pages);
        Assert.StartsWith("Reading its text was stopped after 0 seconds", problem);
    }
}
