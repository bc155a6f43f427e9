using System.IO.Compression;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workshops.Core.Domain.Accounts;
using Workshops.Core.Domain.Archive.Import;
using Workshops.Core.Domain.Archive;
using Workshops.IntegrationTests.Support;

namespace Workshops.IntegrationTests.Features.Archive;

/// <summary>
/// A hostile archive: a small ZIP that unpacks to a YAML file of hundreds of megabytes once took the process to
/// 5.5 GB and then served a 200 MB page. Now what is too large is refused and named in the report.
/// </summary>
public sealed class ImportLimitTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static ImportSource Zip(params (string Name, string Text)[] entries)
    {
        var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, text) in entries)
                using (var w = new StreamWriter(zip.CreateEntry(name, CompressionLevel.SmallestSize).Open())) w.Write(text);
        buffer.Position = 0;
        return ImportSource.FromZip(buffer);
    }

    private async Task<ImportReport> ImportAsync(ImportSource source)
    {
        await using var scope = app.Services.CreateAsyncScope();
        using (source) return await scope.ServiceProvider.GetRequiredService<StaticSiteImporter>().RunAsync(source, null, default);
    }

    [Fact]
    public async Task A_zip_bomb_of_yaml_is_refused_by_name_without_being_read_whole_and_the_rest_comes_in()
    {
        // 40 MB of spaces after the title compresses to a few kilobytes.
        var bomb = "title: \"Huge\"\ndescription: \"" + new string(' ', 40 * 1024 * 1024) + "\"\n";
        var report = await ImportAsync(Zip(
            ("site/_data/events/001.yml", bomb),
            ("site/_data/events/002.yml", "title: \"A fine meeting\"\ndate: \"3 May 2019\"\nplace: \"Paris, France\"\n")));

        var lines = string.Join('\n', report.Lines());
        Assert.Contains("_data/events/001.yml is", lines);
        Assert.Contains("are refused", lines);
        Assert.Equal(1, report.EventsCreated);
        Assert.True(await app.WithDb(db => db.ArchivedEvents.AnyAsync(e => e.Title == "A fine meeting")));
        Assert.False(await app.WithDb(db => db.ArchivedEvents.AnyAsync(e => e.Title == "Huge")));
    }

    [Fact]
    public async Task Overlong_text_is_left_out_and_said()
    {
        var longDescription = new string('a', ImportLimits.MaxDescription + 1);
        var longTitle = new string('t', ImportLimits.MaxTitle + 1);
        var report = await ImportAsync(Zip(
            ("_data/events/010.yml", $"title: \"Long words\"\ndescription: \"{longDescription}\"\n"),
            ("_data/events/011.yml", $"title: \"{longTitle}\"\n")));

        var lines = string.Join('\n', report.Lines());
        Assert.Contains("“description” has 20,001 characters, more than the 20,000 taken: it is left out.", lines);
        Assert.Contains($"the title has {ImportLimits.MaxTitle + 1:N0} characters", lines);
        var stored = await app.WithDb(db => db.ArchivedEvents.AsNoTracking().SingleAsync(e => e.Title == "Long words"));
        Assert.Null(stored.Description);
    }

    [Fact]
    public async Task A_list_where_text_belongs_is_said_not_printed_as_a_type_name()
    {
        var report = await ImportAsync(Zip(("_data/events/020.yml",
            "title: \"Listed\"\nplace:\n  - \"Lima\"\n  - \"Peru\"\ndescription:\n  - one\n  - two\n")));

        var lines = string.Join('\n', report.Lines());
        Assert.Contains("“place” is a list, not text: it is left out.", lines);
        var stored = await app.WithDb(db => db.ArchivedEvents.AsNoTracking().SingleAsync(e => e.Title == "Listed"));
        Assert.DoesNotContain("System.Collections", stored.Description + stored.City + stored.Country + stored.Venue);
        var page = await app.Browser().GetStringAsync("/archive/" + stored.Slug);
        Assert.DoesNotContain("System.Collections", page);
    }

    [Fact]
    public async Task An_import_lost_in_a_restart_is_failed_after_the_timeout_and_runs_again()
    {
        var import = ArchiveImport.Queue("0000000000000000000000000000000000000000000000000000000000000000", "lost.zip", "nobody", DateTimeOffset.UtcNow.AddHours(-1));
        import.Start(DateTimeOffset.UtcNow.AddMinutes(-20));
        await app.WithDb(async db => { db.ArchiveImports.Add(import); return await db.SaveChangesAsync(); });
        var admin = await app.BrowserAs(Roles.Admin);

        var page = await admin.GetStringAsync($"/admin/archive/{import.Id}");
        Assert.Contains("Failed. The import stopped reporting", page);
        Assert.Equal(ArchiveImportStatus.Failed, (await app.WithDb(db => db.ArchiveImports.AsNoTracking().SingleAsync(i => i.Id == import.Id))).Status);

        var again = await admin.PostFormAsync($"/admin/archive/{import.Id}?handler=Again", new Dictionary<string, string>(), $"/admin/archive/{import.Id}");
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        var next = Guid.Parse(again.Headers.Location!.ToString().Split('/')[^1]);
        Assert.NotEqual(import.Id, next);
        // The stored upload is gone here, so the new run fails too, with its own reason; what matters is that it ran.
        var html = "";
        for (var i = 0; i < 100 && !html.Contains("Failed."); i++)
        {
            await Task.Delay(200);
            html = await admin.GetStringAsync($"/admin/archive/{next}");
        }
        Assert.Contains("no longer in the store", html);
    }

    [Fact]
    public async Task A_running_import_is_not_failed_early_and_cannot_be_run_twice()
    {
        var import = ArchiveImport.Queue("1111111111111111111111111111111111111111111111111111111111111111", "busy.zip", "nobody", DateTimeOffset.UtcNow);
        import.Start(DateTimeOffset.UtcNow);
        await app.WithDb(async db => { db.ArchiveImports.Add(import); return await db.SaveChangesAsync(); });
        var admin = await app.BrowserAs(Roles.Admin);

        Assert.Contains("Importing:", await admin.GetStringAsync($"/admin/archive/{import.Id}"));
        var again = await admin.PostFormAsync($"/admin/archive/{import.Id}?handler=Again", new Dictionary<string, string>(), $"/admin/archive/{import.Id}");
        Assert.Equal($"/admin/archive/{import.Id}", again.Headers.Location!.ToString());
        Assert.Equal(1, await app.WithDb(db => db.ArchiveImports.CountAsync(i => i.FileHash == import.FileHash)));
    }
}
