using System.Net;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Domain.Accounts;
using Workshops.Core.Domain.Agenda;
using Workshops.Core.Domain.Materials;
using Workshops.IntegrationTests.Support;

namespace Workshops.IntegrationTests.Features.Materials;

public sealed class MaterialUploadTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static Dictionary<string, string> Fields(string title = "Biocache in production", string? link = null, string visibility = "Public") => new()
    {
        ["Input.Title"] = title,
        ["Input.Type"] = "Slides",
        ["Input.Speakers"] = "Ana Pérez (GBIF Spain)",
        ["Input.Visibility"] = visibility,
        ["Input.Link"] = link ?? "",
    };

    private async Task<(AgendaItem Session, HttpClient Speaker)> SpeakerSessionAsync()
    {
        var workshop = await app.AddWorkshopAsync($"m-{Guid.NewGuid():N}"[..20]);
        var speaker = await app.CreateUserAsync();
        var session = await app.AddItemAsync(workshop, "Biocache in production", speakers: new AgendaSpeakerDetails("Ana Pérez", speaker.Id));
        return (session, await app.SignInAsync(speaker));
    }

    [Fact]
    public async Task A_speaker_uploads_slides_to_their_session_and_anyone_downloads_them()
    {
        var (session, speaker) = await SpeakerSessionAsync();
        var pdf = MaterialData.Pdf("Our biocache runs on three nodes.");
        var response = await speaker.PostUploadAsync($"/materials/new?session={session.Id}", Fields(), ("Upload", "biocache.pdf", pdf));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var material = await app.WithDb(db => db.Materials.AsNoTracking().SingleAsync(m => m.AgendaItemId == session.Id));
        Assert.Equal("biocache.pdf", material.FileName);
        Assert.Equal("application/pdf", material.ContentType);
        Assert.Equal(pdf.Length, material.FileLength);
        Assert.Equal(1, material.FileVersion);
        Assert.Equal(session.WorkshopId, material.WorkshopId);

        var download = await app.Browser().GetAsync($"/materials/{material.Id}/file");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("biocache.pdf", download.Content.Headers.ContentDisposition.FileNameStar);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(Roles.Member)]
    [InlineData(Roles.Reviewer)]
    public async Task Others_may_not_add_materials_to_a_session(string? role)
    {
        var (session, _) = await SpeakerSessionAsync();
        var client = await app.BrowserAs(role);
        var page = await client.GetAsync($"/materials/new?session={session.Id}");
        var post = await client.PostAsync($"/materials/new?session={session.Id}", new MultipartFormDataContent { { new StringContent("Sneaky"), "Input.Title" } });

        if (role is null)
        {
            Assert.Contains("/account/signin", page.Headers.Location!.ToString());
        }
        else
        {
            Assert.Contains("/account/access-denied", page.Headers.Location!.ToString());
        }
        Assert.True((int)post.StatusCode is >= 300 and < 500, $"{(int)post.StatusCode}");
        Assert.False(await app.WithDb(db => db.Materials.AnyAsync(m => m.AgendaItemId == session.Id)));
    }

    [Fact]
    public async Task An_organiser_adds_a_link_to_the_workshop_and_a_speaker_may_not()
    {
        var (session, speaker) = await SpeakerSessionAsync();
        var refused = await speaker.GetAsync($"/materials/new?workshop={session.WorkshopId}");
        Assert.Contains("/account/access-denied", refused.Headers.Location!.ToString());

        var organiser = await app.BrowserAs(Roles.Organiser);
        var response = await organiser.PostUploadAsync($"/materials/new?workshop={session.WorkshopId}",
            Fields("Recording of the opening", "https://www.youtube.com/watch?v=molYVbldkwM"), null);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var material = await app.WithDb(db => db.Materials.AsNoTracking().SingleAsync(m => m.WorkshopId == session.WorkshopId));
        Assert.Null(material.AgendaItemId);
        Assert.True(material.IsLink);
        Assert.Null(material.FileHash);
    }

    [Theory]
    [InlineData("slides.pdf", "#!/bin/sh\nrm -rf /\n", "not a file the site accepts")]
    [InlineData("run.exe", "MZ\u0090\u0000binary", "not a file the site accepts")]
    [InlineData("photo.png", "%PDF-1.7 pretending", "not a file the site accepts")]
    [InlineData("empty.pdf", "", "empty")]
    public async Task A_file_whose_content_is_not_an_accepted_kind_is_refused_and_nothing_is_kept(string name, string content, string message)
    {
        var (session, speaker) = await SpeakerSessionAsync();
        var before = app.StoredFiles().Length;
        var response = await speaker.PostUploadAsync($"/materials/new?session={session.Id}", Fields(), ("Upload", name, System.Text.Encoding.UTF8.GetBytes(content)));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains(message, await response.BodyAsync());
        Assert.Equal(before, app.StoredFiles().Length);
        Assert.False(await app.WithDb(db => db.Materials.AnyAsync(m => m.AgendaItemId == session.Id)));
    }

    [Theory]
    [InlineData("", "", "Choose a file to upload, or give a link.")]
    [InlineData("", "javascript:alert(1)", "full web address")]
    [InlineData("file", "https://example.org/talk", "a file or a link, not both")]
    public async Task A_material_is_one_file_or_one_link(string file, string link, string message)
    {
        var (session, speaker) = await SpeakerSessionAsync();
        var response = await speaker.PostUploadAsync($"/materials/new?session={session.Id}", Fields(link: link),
            file.Length == 0 ? null : ("Upload", "a.pdf", MaterialData.Pdf("x")));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains(message, await response.BodyAsync());
        Assert.False(await app.WithDb(db => db.Materials.AnyAsync(m => m.AgendaItemId == session.Id)));
    }

    [Theory]
    [InlineData("../../../etc/passwd.pdf", "passwd.pdf")]
    [InlineData("..\\..\\windows\\system32\\evil.pdf", "evil.pdf")]
    [InlineData("/tmp/\u202Efdp.exe", "_fdp.exe")]
    [InlineData("...pdf", "file.pdf")]
    public async Task Folders_in_a_file_name_never_reach_the_disk_or_the_download(string sent, string kept)
    {
        var (session, speaker) = await SpeakerSessionAsync();
        var pdf = MaterialData.Pdf("Traversal " + Guid.NewGuid());
        var response = await speaker.PostUploadAsync($"/materials/new?session={session.Id}", Fields(), ("Upload", sent, pdf));

        if (kept.EndsWith(".exe"))
        {
            // A PDF named .exe does not match its name: refused outright.
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            return;
        }
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var material = await app.WithDb(db => db.Materials.AsNoTracking().SingleAsync(m => m.AgendaItemId == session.Id));
        Assert.Equal(kept, material.FileName);
        Assert.All(app.StoredFiles(), f => Assert.Matches("^[0-9a-f]{64}$", Path.GetFileName(f)));
        var download = await app.Browser().GetAsync($"/materials/{material.Id}/file");
        Assert.Equal(kept, download.Content.Headers.ContentDisposition!.FileNameStar);
    }

    [Fact]
    public async Task Replacing_a_file_keeps_the_earlier_version_for_organisers_only()
    {
        var (session, speaker) = await SpeakerSessionAsync();
        var first = MaterialData.Pdf("First draft");
        var second = MaterialData.Pdf("Final version");
        await speaker.PostUploadAsync($"/materials/new?session={session.Id}", Fields(), ("Upload", "talk.pdf", first));
        var material = await app.WithDb(db => db.Materials.AsNoTracking().SingleAsync(m => m.AgendaItemId == session.Id));

        var replaced = await speaker.PostUploadAsync($"/materials/{material.Id}?handler=Replace", [], ("Upload", "talk-final.pdf", second), $"/materials/{material.Id}");

        Assert.Equal(HttpStatusCode.Redirect, replaced.StatusCode);
        var now = await app.WithDb(db => db.Materials.AsNoTracking().Include(m => m.Files).SingleAsync(m => m.Id == material.Id));
        Assert.Equal(2, now.FileVersion);
        Assert.Equal("talk-final.pdf", now.FileName);
        Assert.Equal(2, now.Files.Count);
        Assert.Equal(second, await app.Browser().GetByteArrayAsync($"/materials/{material.Id}/file"));

        var organiser = await app.BrowserAs(Roles.Organiser);
        Assert.Equal(first, await organiser.GetByteArrayAsync($"/materials/{material.Id}/versions/1"));
        Assert.Equal(HttpStatusCode.Forbidden, (await speaker.GetAsync($"/materials/{material.Id}/versions/1")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await app.Browser().GetAsync($"/materials/{material.Id}/versions/1")).StatusCode);
    }

    [Fact]
    public async Task A_speaker_edits_and_removes_their_material_and_another_speaker_may_not()
    {
        var (session, speaker) = await SpeakerSessionAsync();
        var material = await app.AddMaterialAsync(session.WorkshopId, session.Id, "Old title");
        var other = await app.BrowserAs(Roles.Member);
        Assert.Contains("/account/access-denied", (await other.GetAsync($"/materials/{material.Id}")).Headers.Location!.ToString());

        var edited = await speaker.PostFormAsync($"/materials/{material.Id}", Fields("New title", visibility: "Participants"));
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        var now = await app.WithDb(db => db.Materials.AsNoTracking().SingleAsync(m => m.Id == material.Id));
        Assert.Equal(("New title", MaterialVisibility.Participants, (string?)null), (now.Title, now.Visibility, now.Link));

        var blank = await speaker.PostFormAsync($"/materials/{material.Id}", Fields(""));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, blank.StatusCode);

        var removed = await speaker.PostFormAsync($"/materials/{material.Id}?handler=Delete", [], $"/materials/{material.Id}");
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.False(await app.WithDb(db => db.Materials.AnyAsync(m => m.Id == material.Id)));
    }

    [Fact]
    public async Task A_speaker_may_not_open_what_organisers_keep_to_themselves_on_their_session()
    {
        var (session, speaker) = await SpeakerSessionAsync();
        var hidden = await app.AddMaterialAsync(session.WorkshopId, session.Id, "Speaker fees", MaterialVisibility.Organisers);
        Assert.Contains("/account/access-denied", (await speaker.GetAsync($"/materials/{hidden.Id}")).Headers.Location!.ToString());
        var post = await speaker.PostAsync($"/materials/{hidden.Id}?handler=Delete", new FormUrlEncodedContent([]));
        Assert.True((int)post.StatusCode is >= 300 and < 500);
        Assert.True(await app.WithDb(db => db.Materials.AnyAsync(m => m.Id == hidden.Id)));
    }

    [Fact]
    public async Task An_archived_event_has_no_participants_to_share_with()
    {
        var e = Core.Domain.Archive.ArchivedEvent.Create($"e-{Guid.NewGuid():N}"[..20], new Core.Domain.Archive.ArchivedEventDetails("Old meeting",
            Core.Domain.Archive.ArchivedEventType.Meeting, null, null, "once", null, null, null, null), null, DateTimeOffset.UtcNow);
        await app.WithDb(async db =>
        {
            db.ArchivedEvents.Add(e);
            return await db.SaveChangesAsync();
        });
        var organiser = await app.BrowserAs(Roles.Organiser);
        Assert.DoesNotContain("value=\"Participants\"", await (await organiser.GetAsync($"/materials/new?event={e.Id}")).BodyAsync());
        var response = await organiser.PostUploadAsync($"/materials/new?event={e.Id}", Fields("Minutes", "https://example.org/minutes", "Participants"), null);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("no participants here", await response.BodyAsync());
        Assert.False(await app.WithDb(db => db.Materials.AnyAsync(m => m.ArchivedEventId == e.Id)));
    }
}
