using System.Net;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Domain.Accounts;
using Workshops.Core.Domain.Agenda;
using Workshops.Core.Domain.Registrations;
using Workshops.IntegrationTests.Support;

namespace Workshops.IntegrationTests.Features.Agenda;

public sealed class PublishTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Publishing_freezes_numbered_versions_with_their_changes_and_tells_the_speakers_and_participants_who_were_asked_for()
    {
        var workshop = await app.AddWorkshopAsync($"p-{Guid.NewGuid():N}"[..20]);
        var speaker = await app.CreateUserAsync();
        var participant = await app.CreateUserAsync();
        var setup = await app.AddRegistrationAsync(workshop, RegistrationMode.FirstCome);
        var member = await app.SignInAsync(participant);
        Assert.Equal(HttpStatusCode.Redirect, (await member.PostFormAsync($"/workshops/{workshop.Slug}/register", RegistrationData.RegistrationFields(setup, workshop, participant))).StatusCode);
        var aula = await app.AddRoomAsync(workshop, "Aula Magna");
        var sala = await app.AddRoomAsync(workshop, "Sala 2");
        var talk = await app.AddItemAsync(workshop, "Biocache in practice", aula, speakers: new AgendaSpeakerDetails("Test Member", speaker.Id));
        await app.AddItemAsync(workshop, "Not ready", minutes: 15);
        var organiser = await app.BrowserAs(Roles.Organiser);
        var publish = $"/organise/workshops/{workshop.Id}/agenda/publish";

        var before = WebUtility.HtmlDecode(await (await organiser.GetAsync(publish)).BodyAsync());
        Assert.Contains("Publish v1", before);
        Assert.Contains("Added: “Biocache in practice”", before);
        Assert.DoesNotContain("Not ready", before);
        Assert.Equal(HttpStatusCode.Redirect, (await organiser.PostFormAsync(publish, new() { ["Input.Note"] = "The first cut.", ["Input.ExpectedNumber"] = "0" })).StatusCode);

        await app.WithDb(async db =>
        {
            var item = await db.AgendaItems.SingleAsync(i => i.Id == talk.Id);
            item.Place(await db.Rooms.SingleAsync(r => r.Id == sala.Id), AgendaData.LocalStart(workshop, 1, "11:00"), 45, DateTimeOffset.UtcNow);
            return await db.SaveChangesAsync();
        });
        var stale = await organiser.PostFormAsync(publish, new() { ["Input.ExpectedNumber"] = "0" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, stale.StatusCode);
        Assert.Contains("Someone published v1", WebUtility.HtmlDecode(await stale.BodyAsync()));

        var second = await organiser.PostFormAsync(publish, new()
        {
            ["Input.Note"] = "The IPT session needed a smaller room.", ["Input.ExpectedNumber"] = "1", ["Input.TellSpeakers"] = "true", ["Input.TellParticipants"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);

        var versions = await app.WithDb(db => db.AgendaVersions.AsNoTracking().Where(v => v.WorkshopId == workshop.Id).OrderBy(v => v.Number).ToListAsync());
        Assert.Equal([1, 2], versions.Select(v => v.Number));
        Assert.Equal("The first cut.", versions[0].Note);
        Assert.Equal([AgendaChangeKind.Moved, AgendaChangeKind.Retimed], versions[1].ReadChanges().Select(c => c.Kind));
        Assert.Equal(["Biocache in practice"], versions[1].ReadSnapshot().Items.Select(i => i.Title));

        var toSpeaker = await app.Mail.WaitForAsync(speaker.Email!, "Your session in the");
        Assert.Contains("from Aula Magna to Sala 2", toSpeaker.TextBody);
        Assert.Contains("The IPT session needed a smaller room.", toSpeaker.TextBody);
        Assert.Contains($"/workshops/{workshop.Slug}/agenda/{talk.Id}", toSpeaker.TextBody);
        var toParticipant = await app.Mail.WaitForAsync(participant.Email!, "agenda: v2");
        Assert.Contains("New time: “Biocache in practice”", toParticipant.TextBody);
        Assert.Contains($"/workshops/{workshop.Slug}/agenda/changes", toParticipant.TextBody);
    }

    [Fact]
    public async Task After_publishing_the_page_shows_what_was_published_not_a_new_version_to_publish()
    {
        var workshop = await app.AddWorkshopAsync($"pp-{Guid.NewGuid():N}"[..20]);
        await app.AddItemAsync(workshop, "Opening", await app.AddRoomAsync(workshop, "Aula"));
        var organiser = await app.BrowserAs(Roles.Organiser);
        var publish = $"/organise/workshops/{workshop.Id}/agenda/publish";
        var done = await organiser.PostFormAsync(publish, new() { ["Input.ExpectedNumber"] = "0" });
        Assert.Equal($"{publish}#versions", done.Headers.Location!.ToString());

        var after = WebUtility.HtmlDecode(await organiser.GetStringAsync(publish));
        Assert.Contains("v1 is published", after);
        Assert.Contains("(Europe/Madrid time, UTC", after); // when, in the workshop's own zone
        Assert.Contains("nothing new to publish", after);
        Assert.DoesNotContain("Publish v2", after);
        Assert.Contains("Published versions", WebUtility.HtmlDecode(await organiser.GetStringAsync($"/organise/workshops/{workshop.Id}/agenda")));
    }

    [Fact]
    public async Task A_note_too_long_publishes_nothing_and_a_version_is_annotated_later()
    {
        var workshop = await app.AddWorkshopAsync($"pn-{Guid.NewGuid():N}"[..20]);
        await app.AddItemAsync(workshop, "Talk", await app.AddRoomAsync(workshop, "Aula"));
        var organiser = await app.BrowserAs(Roles.Organiser);
        var publish = $"/organise/workshops/{workshop.Id}/agenda/publish";

        var tooLong = await organiser.PostFormAsync(publish, new() { ["Input.Note"] = new string('x', 4001), ["Input.ExpectedNumber"] = "0" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooLong.StatusCode);
        Assert.Contains("at most 4,000 characters", WebUtility.HtmlDecode(await tooLong.BodyAsync()));
        Assert.False(await app.WithDb(db => db.AgendaVersions.AnyAsync(v => v.WorkshopId == workshop.Id)));

        // The draft changed after the page was read: nothing is published until the organiser looks again.
        var changed = await organiser.PostFormAsync(publish, new() { ["Input.ExpectedNumber"] = "0", ["Input.DraftStamp"] = "0123456789ABCDEF" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, changed.StatusCode);
        Assert.Contains("Someone changed the draft while you were reading", WebUtility.HtmlDecode(await changed.BodyAsync()));
        Assert.False(await app.WithDb(db => db.AgendaVersions.AnyAsync(v => v.WorkshopId == workshop.Id)));

        var form = await (await organiser.GetAsync(publish)).BodyAsync();
        var stamp = System.Text.RegularExpressions.Regex.Match(form, "name=\"Input.DraftStamp\" value=\"([0-9A-F]+)\"").Groups[1].Value;
        Assert.Equal(HttpStatusCode.Redirect, (await organiser.PostFormAsync(publish, new() { ["Input.ExpectedNumber"] = "0", ["Input.DraftStamp"] = stamp })).StatusCode);
        var v1 = await app.WithDb(db => db.AgendaVersions.AsNoTracking().SingleAsync(v => v.WorkshopId == workshop.Id));
        Assert.Equal(HttpStatusCode.Redirect, (await organiser.PostFormAsync($"{publish}?handler=Annotate", new() { ["versionId"] = v1.Id.ToString(), ["note"] = "Rooms confirmed by the venue." }, publish)).StatusCode);
        Assert.Equal("Rooms confirmed by the venue.", (await app.WithDb(db => db.AgendaVersions.AsNoTracking().SingleAsync(v => v.Id == v1.Id))).Note);
        var bad = await organiser.PostFormAsync($"{publish}?handler=Annotate", new() { ["versionId"] = v1.Id.ToString(), ["note"] = new string('y', 4001) }, publish);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await organiser.PostFormAsync($"{publish}?handler=Annotate", new() { ["versionId"] = Guid.NewGuid().ToString(), ["note"] = "x" }, publish)).StatusCode);
        Assert.Equal("Rooms confirmed by the venue.", (await app.WithDb(db => db.AgendaVersions.AsNoTracking().SingleAsync(v => v.Id == v1.Id))).Note);
    }
}
