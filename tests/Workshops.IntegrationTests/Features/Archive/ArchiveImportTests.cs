using System.IO.Compression;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workshops.Core.Domain.Accounts;
using Workshops.Core.Domain.Archive.Import;
using Workshops.Core.Domain.Archive;
using Workshops.Core.Domain.Materials;
using Workshops.IntegrationTests.Support;
using Workshops.Web.Infrastructure;

namespace Workshops.IntegrationTests.Features.Archive;

/// <summary>Each test class gets a database of its own, so the fixture's counts are exact.</summary>
public sealed class ArchiveImportTests(AppFactory app) : IClassFixture<AppFactory>
{
    public static string Fixture => Path.Combine(AppContext.BaseDirectory, "Fixtures", "static-site-archive");

    private async Task<ImportReport> ImportAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        using var source = ImportSource.FromFolder(Fixture);
        return await scope.ServiceProvider.GetRequiredService<StaticSiteImporter>().RunAsync(source, null, default);
    }

    [Fact]
    public async Task The_static_site_comes_in_whole_and_a_second_import_changes_nothing()
    {
        var first = await ImportAsync();

        Assert.Equal((5, 0, 0, 0), (first.EventsCreated, first.EventsUpdated, first.EventsUnchanged, first.EventsSkipped));
        Assert.Equal((19, 2, 3, 1, 13), (first.MaterialsCreated, first.FilesStored, first.LinksKept, first.EntriesSkipped, first.FilesMissing));
        Assert.Equal((17, 0, 0), (first.MembersCreated, first.MembersUpdated, first.MembersUnchanged));
        Assert.Empty(first.Problems);
        var lines = first.Lines().ToList();
        Assert.Contains(lines, l => l.Contains("skipped: entry 1: no title and no link"));
        Assert.Contains(lines, l => l.Contains("file missing: entry 1 “Canadensys on read to Atlas of Living Australia”: public/docs/10-Canadensys-ALA.pdf"));
        Assert.Contains(lines, l => l.Contains("“CoopBioPlat: Brazil status”: no file or link is given"));

        var second = await ImportAsync();
        Assert.Equal((0, 0, 5, 0), (second.EventsCreated, second.EventsUpdated, second.EventsUnchanged, second.EventsSkipped));
        Assert.Equal((0, 0, 0), (second.MaterialsCreated, second.MaterialsUpdated, second.FilesStored));
        Assert.Equal((0, 0, 17), (second.MembersCreated, second.MembersUpdated, second.MembersUnchanged));
        Assert.Equal(5, await app.WithDb(db => db.ArchivedEvents.CountAsync()));
        Assert.Equal(19, await app.WithDb(db => db.Materials.CountAsync(m => m.ArchivedEventId != null)));
        Assert.Equal(2, await app.WithDb(db => db.MaterialFiles.CountAsync()));
        Assert.Equal(17, await app.WithDb(db => db.Installations.CountAsync(i => i.SourceKey!.StartsWith("static:"))));
    }

    [Fact]
    public async Task Dates_places_descriptions_and_speakers_are_read_from_their_free_text()
    {
        await ImportAsync();
        var events = await app.WithDb(db => db.ArchivedEvents.AsNoTracking().ToDictionaryAsync(e => e.SourceKey!));

        var madrid = events["static:13"];
        Assert.Equal((new DateOnly(2016, 10, 3), new DateOnly(2016, 10, 7)), (madrid.StartsOn!.Value, madrid.EndsOn!.Value));
        Assert.Equal(("Madrid", "ES", "Royal Botanical Garden (CSIC)"), (madrid.City, madrid.Country, madrid.Venue));
        Assert.Equal("2016-international-ala-workshop-2016", madrid.Slug);
        Assert.Contains("[ALA](http://www.ala.org.au)", madrid.Description);
        Assert.DoesNotContain("<p", madrid.Description);

        Assert.Equal((new DateOnly(2017, 3, 1), new DateOnly(2017, 3, 31)), (events["static:16"].StartsOn!.Value, events["static:16"].EndsOn!.Value));
        Assert.Equal(ArchivedEventType.Portal, events["static:16"].Type);
        Assert.Equal(((string?)null, "GB"), (events["static:16"].City, events["static:16"].Country));
        Assert.Equal((new DateOnly(2017, 7, 3), new DateOnly(2017, 7, 4)), (events["static:19"].StartsOn!.Value, events["static:19"].EndsOn!.Value));
        Assert.Equal(((string?)null, "CR"), (events["static:1"].City, events["static:1"].Country));
        Assert.Contains("**II Workshop about Tools for the Management, Sharing and Use of Biodiversity Information**", events["static:1"].Description);

        var video = await app.WithDb(db => db.Materials.AsNoTracking().SingleAsync(m => m.SourceKey == "static:6/7"));
        Assert.Equal(MaterialType.Recording, video.Type);
        Assert.Equal("https://www.youtube.com/watch?v=molYVbldkwM&feature=youtu.be", video.Link);
        Assert.DoesNotContain("<br", video.Speakers);
        Assert.StartsWith("Paco Pando (GBIF Spain), Rui Figueira (GBIF Portugal), David Martin", video.Speakers);

        var page = await (await app.Browser().GetAsync("/archive/2016-international-ala-workshop-2016")).BodyAsync();
        Assert.Contains("3–7 October 2016", page);
        Assert.Contains("Atlas of Living Australia Integration GBIF Sweden", page);
        Assert.Contains("File not kept", page); // the titles whose files were missing stay, without a dead link
        var stored = await app.WithDb(db => db.Materials.AsNoTracking().SingleAsync(m => m.SourceKey == "static:13/2"));
        Assert.Equal(HttpStatusCode.OK, (await app.Browser().GetAsync($"/materials/{stored.Id}/file")).StatusCode);
        Assert.True(await app.WithDb(db => db.FileTexts.AnyAsync(t => t.Hash == stored.FileHash)));
        Assert.Contains("GBIF Andorra", await (await app.Browser().GetAsync("/community")).BodyAsync());
    }

    [Fact]
    public async Task The_command_line_verb_imports_a_folder()
    {
        var cli = CommandLine.Parse(["import-archive", Fixture]);
        Assert.Null(cli.Error);
        Assert.Equal(0, await AdminCommands.RunAsync(app.Services, cli));
        Assert.Equal(5, await app.WithDb(db => db.ArchivedEvents.CountAsync()));
        Assert.Equal(1, await AdminCommands.RunAsync(app.Services, CommandLine.Parse(["import-archive", "/no/such/folder"])));
        Assert.NotNull(CommandLine.Parse(["import-archive"]).Error);
    }
}

public sealed class ArchiveUploadTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static byte[] ZipOfFixture(string prefix = "site/", Action<ZipArchive>? extra = null)
    {
        var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var file in Directory.GetFiles(ArchiveImportTests.Fixture, "*", SearchOption.AllDirectories))
                zip.CreateEntryFromFile(file, prefix + Path.GetRelativePath(ArchiveImportTests.Fixture, file).Replace('\\', '/'));
            extra?.Invoke(zip);
        }
        return buffer.ToArray();
    }

    [Fact]
    public async Task An_admin_uploads_the_site_as_a_zip_and_follows_the_import_to_its_report()
    {
        var admin = await app.BrowserAs(Roles.Admin);
        var response = await admin.PostUploadAsync("/admin/archive", [], ("Upload", "site.zip", ZipOfFixture(extra: zip =>
        {
            // An entry that tries to climb out of the folder is never written anywhere.
            using var writer = new StreamWriter(zip.CreateEntry("site/public/docs/../../../../evil.pdf").Open());
            writer.Write("%PDF-1.4 evil");
        })));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = response.Headers.Location!.ToString();

        var html = "";
        for (var i = 0; i < 150 && !html.Contains("Done."); i++)
        {
            await Task.Delay(200);
            html = await (await admin.GetAsync(page)).BodyAsync();
        }
        Assert.Contains("Done. Events: 5 added", html);
        Assert.Contains("file missing: entry 5 “Atlas of Living France”: public/docs/10-GBIF-France.pdf", html);
        Assert.Contains("100%", html);
        Assert.Equal(5, await app.WithDb(db => db.ArchivedEvents.CountAsync()));
        Assert.False(File.Exists(Path.Combine(app.DataDirectory, "evil.pdf")));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(Roles.Member)]
    [InlineData(Roles.Organiser)]
    public async Task Only_admins_import(string? role)
    {
        var client = await app.BrowserAs(role);
        var before = await app.WithDb(db => db.ArchiveImports.CountAsync());
        var page = await client.GetAsync("/admin/archive");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        var post = await client.PostAsync("/admin/archive", new MultipartFormDataContent { { new ByteArrayContent(ZipOfFixture()), "Upload", "site.zip" } });
        Assert.True((int)post.StatusCode is >= 300 and < 500);
        Assert.Equal(before, await app.WithDb(db => db.ArchiveImports.CountAsync()));
    }

    [Theory]
    [InlineData("notes.txt", "just text", "must be a ZIP")]
    [InlineData("site.zip", "not really a zip", "not a ZIP archive")]
    public async Task Anything_but_a_zip_is_refused(string name, string content, string message)
    {
        var admin = await app.BrowserAs(Roles.Admin);
        var response = await admin.PostUploadAsync("/admin/archive", [], ("Upload", name, System.Text.Encoding.UTF8.GetBytes(content)));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains(message, await response.BodyAsync());
    }

    [Fact]
    public async Task A_zip_without_a_site_fails_with_a_reason()
    {
        var admin = await app.BrowserAs(Roles.Admin);
        var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
            using (var w = new StreamWriter(zip.CreateEntry("readme.txt").Open())) w.Write("hello");
        var response = await admin.PostUploadAsync("/admin/archive", [], ("Upload", "empty.zip", buffer.ToArray()));
        var html = "";
        for (var i = 0; i < 100 && !html.Contains("Done."); i++)
        {
            await Task.Delay(200);
            html = await (await admin.GetAsync(response.Headers.Location!.ToString())).BodyAsync();
        }
        Assert.Contains("No events found", html);
    }
}
