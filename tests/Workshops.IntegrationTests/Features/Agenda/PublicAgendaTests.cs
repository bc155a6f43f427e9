using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Domain.Accounts;
using Workshops.Core.Domain.Agenda;
using Workshops.Core.Domain.Workshops;
using Workshops.IntegrationTests.Support;

namespace Workshops.IntegrationTests.Features.Agenda;

public sealed class PublicAgendaTests(AppFactory app) : IClassFixture<AppFactory>
{
    private async Task PublishAsync(Workshop workshop, int expected, string? note = null)
    {
        var organiser = await app.BrowserAs(Roles.Organiser);
        var url = $"/organise/workshops/{workshop.Id}/agenda/publish";
        var response = await organiser.PostFormAsync(url, new() { ["Input.ExpectedNumber"] = expected.ToString(), ["Input.Note"] = note ?? "" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private static Task MoveAsync(AppFactory app, AgendaItem item, Room room, Workshop workshop, int day, string at, int minutes) => app.WithDb(async db =>
    {
        var stored = await db.AgendaItems.SingleAsync(i => i.Id == item.Id);
        stored.Place(await db.Rooms.SingleAsync(r => r.Id == room.Id), AgendaData.LocalStart(workshop, day, at), minutes, DateTimeOffset.UtcNow);
        return await db.SaveChangesAsync();
    });

    [Fact]
    public async Task Everyone_reads_the_published_agenda_by_day_with_sessions_changes_and_a_print_view_and_a_republish_shows_at_once()
    {
        var workshop = await app.AddWorkshopAsync($"pa-{Guid.NewGuid():N}"[..20]);
        var aula = await app.AddRoomAsync(workshop, "Aula Magna");
        var sala = await app.AddRoomAsync(workshop, "Sala Darwin");
        var talk = await app.AddItemAsync(workshop, "Biocache in practice", aula, at: "10:00", trackId: workshop.Tracks[0].Id, speakers: new AgendaSpeakerDetails("Ana Souza"));
        await app.AddItemAsync(workshop, "Portal managers' round table", sala, at: "10:00", minutes: 60);
        await app.AddItemAsync(workshop, "Coffee", aula, day: 1, at: "11:00", type: AgendaItemType.Break);
        await app.AddItemAsync(workshop, "Tags <b>bold</b> & São Paulo", sala, day: 1, at: "12:00");
        await app.WithDb(async db =>
        {
            var stored = await db.AgendaItems.SingleAsync(i => i.Id == talk.Id);
            stored.Edit(await db.Workshops.SingleAsync(w => w.Id == workshop.Id), new AgendaItemDetails(stored.Title, stored.Type, stored.TrackId, stored.DurationMinutes,
                "Bring **data**. <script>alert(1)</script>", "Tim", [new("Ana Souza")]), DateTimeOffset.UtcNow);
            return await db.SaveChangesAsync();
        });
        await PublishAsync(workshop, 0, "The first cut.");
        var visitor = app.Browser();
        var member = await app.BrowserAs(Roles.Member);
        Assert.Contains("Version v1", await (await member.GetAsync($"/workshops/{workshop.Slug}/agenda")).BodyAsync());

        var raw = await (await visitor.GetAsync($"/workshops/{workshop.Slug}/agenda")).BodyAsync();
        Assert.Contains("Tags &lt;b&gt;bold&lt;/b&gt; &amp; São Paulo", raw);
        var page = WebUtility.HtmlDecode(raw);
        Assert.Contains("Version v1", page);
        Assert.Contains($"{workshop.StartsLocal:dddd d MMMM yyyy}", page);
        Assert.Contains("10:00–10:30", page);
        Assert.Contains("Ana Souza", page);
        Assert.Contains("Developers", page);
        Assert.Contains("Sala Darwin", page);
        Assert.Contains("Europe/Madrid time", page);
        Assert.True(page.IndexOf("Biocache in practice", StringComparison.Ordinal) < page.IndexOf("Coffee", StringComparison.Ordinal));

        var session = await (await visitor.GetAsync($"/workshops/{workshop.Slug}/agenda/{talk.Id}")).BodyAsync();
        Assert.Contains("<strong>data</strong>", session);
        Assert.DoesNotContain("<script>alert", session);
        Assert.Contains("Tim", session);
        var print = WebUtility.HtmlDecode(await (await visitor.GetAsync($"/workshops/{workshop.Slug}/agenda/print")).BodyAsync());
        Assert.Contains("Coffee (break)", print);
        Assert.Contains("version v1", print);

        await MoveAsync(app, talk, sala, workshop, 1, "14:00", 45);
        await PublishAsync(workshop, 1, "Ana's flight arrives later.");

        var again = WebUtility.HtmlDecode(await (await visitor.GetAsync($"/workshops/{workshop.Slug}/agenda")).BodyAsync());
        Assert.Contains("Version v2", again);
        Assert.Contains("Version v2", await (await member.GetAsync($"/workshops/{workshop.Slug}/agenda")).BodyAsync()); // no stale version for signed-in people either
        Assert.Contains("14:00–14:45", again);
        var changes = WebUtility.HtmlDecode(await (await visitor.GetAsync($"/workshops/{workshop.Slug}/agenda/changes")).BodyAsync());
        Assert.Contains("Ana's flight arrives later.", changes);
        Assert.Contains("Moved: “Biocache in practice” from Aula Magna to Sala Darwin.", changes);
        Assert.Contains("The first version, with 4 items.", changes);
    }

    [Fact]
    public async Task Missing_or_private_agendas_are_not_found()
    {
        var draft = await app.AddWorkshopAsync($"pd-{Guid.NewGuid():N}"[..20], WorkshopStatus.Draft);
        await app.AddItemAsync(draft, "Hidden", await app.AddRoomAsync(draft, "Aula"));
        await PublishAsync(draft, 0);
        var published = await app.AddWorkshopAsync($"pp-{Guid.NewGuid():N}"[..20]);
        var visitor = app.Browser();

        foreach (var url in new[] { $"/workshops/{draft.Slug}/agenda", $"/workshops/{draft.Slug}/agenda.ics", $"/workshops/{draft.Slug}/agenda.json", $"/workshops/{draft.Slug}/agenda.xml", $"/workshops/nope-{Guid.NewGuid():N}/agenda",
                     $"/workshops/{published.Slug}/agenda/{Guid.NewGuid()}", $"/workshops/{published.Slug}/agenda/print", $"/workshops/{published.Slug}/agenda.json",
                     $"/workshops/{published.Slug}/agenda/mine/not-a-token.ics" })
            Assert.True((await visitor.GetAsync(url)).StatusCode == HttpStatusCode.NotFound, url);
        Assert.Contains("not published yet", await (await visitor.GetAsync($"/workshops/{published.Slug}/agenda")).BodyAsync());

        // Published with nothing placed: the page says so instead of showing an empty programme.
        await PublishAsync(published, 0);
        Assert.Contains("This version has no sessions placed yet.", await (await visitor.GetAsync($"/workshops/{published.Slug}/agenda")).BodyAsync());
    }

    [Fact]
    public async Task The_calendar_feed_keeps_uids_across_versions_and_gives_the_right_instants_across_a_daylight_saving_change()
    {
        // Madrid: Friday 28 March 2031 is UTC+1; the clocks go forward on Sunday 30; Monday 31 is UTC+2.
        var workshop = await app.AddWorkshopAsync($"pi-{Guid.NewGuid():N}"[..20], startsLocal: new DateTime(2031, 3, 28, 9, 0, 0));
        var aula = await app.AddRoomAsync(workshop, "Aula Magna");
        var friday = await app.AddItemAsync(workshop, "Friday talk", aula, day: 0, at: "09:00");
        var monday = await app.AddItemAsync(workshop, "Monday talk", aula, day: 3, at: "09:00", minutes: 60);
        await PublishAsync(workshop, 0);

        var ics = await app.Browser().GetAsync($"/workshops/{workshop.Slug}/agenda.ics");
        Assert.True(ics.IsSuccessStatusCode, await ics.BodyAsync());
        Assert.Equal("text/calendar", ics.Content.Headers.ContentType!.MediaType);
        var first = Ical.Net.Calendar.Load(await ics.BodyAsync())!;
        var events = first.Events.OrderBy(e => e.DtStart!.AsUtc).ToList();
        Assert.Equal(2, events.Count);
        Assert.Equal(new DateTime(2031, 3, 28, 8, 0, 0, DateTimeKind.Utc), events[0].DtStart!.AsUtc);
        Assert.Equal(new DateTime(2031, 3, 31, 7, 0, 0, DateTimeKind.Utc), events[1].DtStart!.AsUtc);
        Assert.Equal(new DateTime(2031, 3, 31, 8, 0, 0, DateTimeKind.Utc), events[1].DtEnd!.AsUtc);
        Assert.Equal("Europe/Madrid", events[0].DtStart!.TzId);
        Assert.Contains(first.TimeZones, z => z.TzId == "Europe/Madrid");
        Assert.Equal("Aula Magna, Real Jardín Botánico", events[0].Location);

        await MoveAsync(app, friday, aula, workshop, 0, "11:00", 30);
        await PublishAsync(workshop, 1);
        var second = Ical.Net.Calendar.Load(await (await app.Browser().GetAsync($"/workshops/{workshop.Slug}/agenda.ics")).BodyAsync())!;
        Assert.Equal(events.Select(e => e.Uid).Order(), second.Events.Select(e => e.Uid).Order());
        var moved = second.Events.Single(e => e.Uid == events[0].Uid);
        Assert.Equal(new DateTime(2031, 3, 28, 10, 0, 0, DateTimeKind.Utc), moved.DtStart!.AsUtc);
        Assert.Equal(2, moved.Sequence);
        Assert.StartsWith($"{friday.Id:N}@", moved.Uid);
        Assert.NotNull(monday);
    }

    [Fact]
    public async Task The_schedule_json_follows_the_conference_apps_schema()
    {
        var workshop = await app.AddWorkshopAsync($"pj-{Guid.NewGuid():N}"[..20]);
        var aula = await app.AddRoomAsync(workshop, "Aula Magna");
        await app.AddRoomAsync(workshop, "Empty room");
        var talk = await app.AddItemAsync(workshop, "Ñandú & the IPT: a tutorial", aula, at: "09:30", minutes: 90, trackId: workshop.Tracks[1].Id,
            speakers: [new AgendaSpeakerDetails("Ana Souza"), new AgendaSpeakerDetails("Tim Robertson")]);
        await app.AddItemAsync(workshop, "Lunch", aula, day: 2, at: "13:00", minutes: 60, type: AgendaItemType.Lunch);
        await PublishAsync(workshop, 0);

        var response = await app.Browser().GetAsync($"/workshops/{workshop.Slug}/agenda.json");
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        var json = JsonNode.Parse(await response.BodyAsync())!;
        Assert.Empty(ScheduleSchemas.JsonProblems(json.ToJsonString()));

        var conference = json["schedule"]!["conference"]!;
        Assert.Equal(5, conference["daysCount"]!.GetValue<int>());
        var day = conference["days"]![0]!;
        var ev = day["rooms"]!["Aula Magna"]![0]!;
        Assert.Equal((talk.Id.ToString(), "09:30", "01:30", "Managers"), (ev["guid"]!.GetValue<string>(), ev["start"]!.GetValue<string>(), ev["duration"]!.GetValue<string>(), ev["track"]!.GetValue<string>()));
        Assert.Equal(["Ana Souza", "Tim Robertson"], ev["persons"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()));
        Assert.Empty(day["rooms"]!["Empty room"]!.AsArray());
        Assert.Equal("lunch", conference["days"]![2]!["rooms"]!["Aula Magna"]![0]!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_schedule_xml_follows_the_conference_apps_xsd_and_says_what_the_json_says()
    {
        // A short slug and a hyphen in it: what the c3voc patterns were strictest about.
        var workshop = await app.AddWorkshopAsync($"x-{Guid.NewGuid():N}"[..12]);
        var aula = await app.AddRoomAsync(workshop, "Aula Magna");
        var talk = await app.AddItemAsync(workshop, "Ñandú & the IPT: <a tutorial>", aula, at: "09:30", minutes: 90, trackId: workshop.Tracks[1].Id,
            speakers: [new AgendaSpeakerDetails("Ana Souza")]);
        await app.AddItemAsync(workshop, "Lunch", aula, day: 2, at: "13:00", minutes: 60, type: AgendaItemType.Lunch);
        await PublishAsync(workshop, 0);

        var response = await app.Browser().GetAsync($"/workshops/{workshop.Slug}/agenda.xml");
        Assert.Equal("application/xml", response.Content.Headers.ContentType!.MediaType);
        var xml = await response.BodyAsync();
        Assert.Empty(ScheduleSchemas.XmlProblems(xml));

        var document = System.Xml.Linq.XDocument.Parse(xml);
        var ev = document.Descendants("event").Single(e => e.Attribute("guid")!.Value == talk.Id.ToString());
        Assert.Equal(("Ñandú & the IPT: <a tutorial>", "09:30", "01:30", "Managers", "Ana Souza"),
            (ev.Element("title")!.Value, ev.Element("start")!.Value, ev.Element("duration")!.Value, ev.Element("track")!.Value, ev.Element("persons")!.Element("person")!.Value));
        var json = JsonNode.Parse(await (await app.Browser().GetAsync($"/workshops/{workshop.Slug}/agenda.json")).BodyAsync())!;
        Assert.Empty(ScheduleSchemas.JsonProblems(json.ToJsonString()));
        var conference = json["schedule"]!["conference"]!;
        Assert.Equal(document.Root!.Element("conference")!.Element("acronym")!.Value, conference["acronym"]!.GetValue<string>());
        Assert.Equal(ev.Element("slug")!.Value, conference["days"]![0]!["rooms"]!["Aula Magna"]![0]!["slug"]!.GetValue<string>());
        Assert.Equal(1, conference["days"]![0]!["index"]!.GetValue<int>());
    }

    [Fact]
    public async Task Signed_in_people_star_sessions_into_their_agenda_and_a_private_calendar_feed()
    {
        var workshop = await app.AddWorkshopAsync($"ps-{Guid.NewGuid():N}"[..20]);
        var aula = await app.AddRoomAsync(workshop, "Aula Magna");
        var wanted = await app.AddItemAsync(workshop, "Wanted talk", aula, at: "09:00");
        var other = await app.AddItemAsync(workshop, "Other talk", aula, at: "10:00");
        var draftOnly = await app.AddItemAsync(workshop, "Draft only");
        await PublishAsync(workshop, 0);
        var member = await app.BrowserAs(Roles.Member);
        var agendaUrl = $"/workshops/{workshop.Slug}/agenda";

        Assert.Contains("Add to my agenda", await (await member.GetAsync(agendaUrl)).BodyAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await member.PostFormAsync($"{agendaUrl}?handler=Star", new() { ["itemId"] = wanted.Id.ToString() }, agendaUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await member.PostFormAsync($"{agendaUrl}?handler=Star", new() { ["itemId"] = draftOnly.Id.ToString() }, agendaUrl)).StatusCode);

        var mine = WebUtility.HtmlDecode(await (await member.GetAsync($"{agendaUrl}/mine")).BodyAsync());
        Assert.Contains("Wanted talk", mine);
        Assert.DoesNotContain("Other talk", mine);
        var feed = System.Text.RegularExpressions.Regex.Match(mine, "value=\"(https?://[^\"]+\\.ics)\"").Groups[1].Value;
        var personal = Ical.Net.Calendar.Load(await (await app.Browser().GetAsync(new Uri(feed).PathAndQuery)).BodyAsync())!;
        Assert.Equal(["Wanted talk"], personal.Events.Select(e => e.Summary));

        // Someone else's feed address cannot be made from one's own, and the same token for another workshop is refused.
        var path = new Uri(feed).AbsolutePath;
        var tampered = path.Replace("/mine/", "/mine/x");
        Assert.Equal(HttpStatusCode.NotFound, (await app.Browser().GetAsync(tampered)).StatusCode);
        var elsewhere = await app.AddWorkshopAsync($"px-{Guid.NewGuid():N}"[..20]);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Browser().GetAsync(path.Replace(workshop.Slug, elsewhere.Slug))).StatusCode);

        // Pressing the star again takes the session out.
        Assert.Equal(HttpStatusCode.Redirect, (await member.PostFormAsync($"{agendaUrl}/mine?handler=Star", new() { ["itemId"] = wanted.Id.ToString() }, $"{agendaUrl}/mine")).StatusCode);
        Assert.Empty(Ical.Net.Calendar.Load(await (await app.Browser().GetAsync(new Uri(feed).PathAndQuery)).BodyAsync())!.Events);
        Assert.NotNull(other);
    }

    [Fact]
    public async Task Visitors_are_asked_to_sign_in_before_starring_or_seeing_their_agenda()
    {
        var workshop = await app.AddWorkshopAsync($"pv-{Guid.NewGuid():N}"[..20]);
        var item = await app.AddItemAsync(workshop, "A talk", await app.AddRoomAsync(workshop, "Aula"));
        await PublishAsync(workshop, 0);
        var visitor = app.Browser();

        var mine = await visitor.GetAsync($"/workshops/{workshop.Slug}/agenda/mine");
        Assert.Equal(HttpStatusCode.Redirect, mine.StatusCode);
        Assert.Contains("/account/signin", mine.Headers.Location!.ToString());
        var page = await (await visitor.GetAsync($"/workshops/{workshop.Slug}/agenda")).BodyAsync();
        Assert.DoesNotContain("Add to my agenda", page);
        var star = await visitor.PostAsync($"/workshops/{workshop.Slug}/agenda?handler=Star", new FormUrlEncodedContent(new Dictionary<string, string> { ["itemId"] = item.Id.ToString() }));
        Assert.True((int)star.StatusCode is >= 300 and < 500);
        Assert.False(await app.WithDb(db => db.AgendaStars.AnyAsync(s => s.ItemId == item.Id)));
    }

    [Fact]
    public async Task Nobody_reads_a_draft_on_the_public_pages()
    {
        var workshop = await app.AddWorkshopAsync($"d-{Guid.NewGuid():N}"[..20]);
        var room = await app.AddRoomAsync(workshop, "Aula");
        await app.AddItemAsync(workshop, "Secret draft talk", room);

        foreach (var role in new string?[] { null, Roles.Member, Roles.Organiser })
        {
            var client = await app.BrowserAs(role);
            var page = await (await client.GetAsync($"/workshops/{workshop.Slug}/agenda")).BodyAsync();
            Assert.DoesNotContain("Secret draft talk", page);
            Assert.Contains("not published yet", page);
            Assert.DoesNotContain("Secret draft talk", await (await client.GetAsync($"/workshops/{workshop.Slug}/agenda.ics")).BodyAsync());
            Assert.DoesNotContain("Secret draft talk", await (await client.GetAsync($"/workshops/{workshop.Slug}/agenda.json")).BodyAsync());
        }
    }
}
