using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Domain.Accounts;
using Workshops.Core.Domain.Agenda;
using Workshops.IntegrationTests.Support;

namespace Workshops.IntegrationTests.Features.Agenda;

public sealed class AgendaEditingTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static string Day(Core.Domain.Workshops.Workshop w, int day = 0) => w.StartsLocal.Date.AddDays(day).ToString("yyyy-MM-dd");

    [Fact]
    public async Task Only_the_clashing_items_share_their_rooms_column()
    {
        var workshop = await app.AddWorkshopAsync($"ln-{Guid.NewGuid():N}"[..20]);
        var aula = await app.AddRoomAsync(workshop, "Aula");
        var first = await app.AddItemAsync(workshop, "First talk", aula, at: "10:00", minutes: 60);
        var clash = await app.AddItemAsync(workshop, "Clashing talk", aula, at: "10:30", minutes: 30);
        var alone = await app.AddItemAsync(workshop, "Afternoon talk", aula, at: "14:00", minutes: 60);
        var organiser = await app.BrowserAs(Roles.Organiser);
        var page = WebUtility.HtmlDecode(await organiser.GetStringAsync($"/organise/workshops/{workshop.Id}/agenda"));

        string StyleOf(Guid id)
        {
            var at = page.IndexOf($"data-item=\"{id}\"", StringComparison.Ordinal);
            var style = page.IndexOf("style=\"", at, StringComparison.Ordinal) + 7;
            return page[style..page.IndexOf('"', style)];
        }
        Assert.Contains("/ 2)", StyleOf(first.Id));
        Assert.Contains("* 1 / 2", StyleOf(clash.Id));
        Assert.DoesNotContain("width", StyleOf(alone.Id));
    }

    [Fact]
    public async Task Confirmed_sessions_and_a_direct_item_reach_the_unscheduled_list_and_are_placed_by_the_form()
    {
        var workshop = await app.AddWorkshopAsync($"e-{Guid.NewGuid():N}"[..20]);
        var speaker = await app.CreateUserAsync();
        var proposal = await app.AddConfirmedSessionAsync(workshop, speaker, "Docker in an afternoon");
        var room = await app.AddRoomAsync(workshop, "Aula Magna");
        var organiser = await app.BrowserAs(Roles.Organiser);
        var editor = $"/organise/workshops/{workshop.Id}/agenda";

        Assert.Contains("Add 1 confirmed session", await (await organiser.GetAsync(editor)).BodyAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await organiser.PostFormAsync($"{editor}?handler=AddSessions", [], editor)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await organiser.PostFormAsync($"{editor}?handler=AddSessions", [], editor)).StatusCode); // twice adds nothing more
        var session = await app.WithDb(db => db.AgendaItems.AsNoTracking().SingleAsync(i => i.WorkshopId == workshop.Id));
        Assert.Equal((proposal.Id, AgendaItemType.Session, 30, workshop.Tracks[0].Id), (session.ProposalId, session.Type, session.DurationMinutes, session.TrackId));
        Assert.Equal((speaker.DisplayName, speaker.Id), (session.Speakers[0].Name, session.Speakers[0].UserId));

        var created = await organiser.PostFormAsync($"{editor}/items", new()
        {
            ["Input.Title"] = "Opening keynote", ["Input.Type"] = "Keynote", ["Input.TrackId"] = "", ["Input.DurationMinutes"] = "45",
            ["Input.Speakers"] = $"Tim Robertson\nAna <{speaker.Email}>", ["Input.Chair"] = "Mei", ["Input.Description"] = "Where the **network** goes.",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var keynote = await app.WithDb(db => db.AgendaItems.AsNoTracking().SingleAsync(i => i.WorkshopId == workshop.Id && i.Title == "Opening keynote"));
        Assert.Equal([("Tim Robertson", null), ("Ana", speaker.Id)], keynote.Speakers.OrderBy(s => s.Position).Select(s => (s.Name, s.UserId)));
        Assert.Contains($"Ana &lt;{speaker.Email}&gt;", await (await organiser.GetAsync($"{editor}/items/{keynote.Id}")).BodyAsync());

        var place = $"{editor}/items/{keynote.Id}/place";
        var placed = await organiser.PostFormAsync(place, new()
        {
            ["Input.RoomId"] = room.Id.ToString(), ["Input.Day"] = Day(workshop, 1), ["Input.Start"] = "09:30", ["Input.DurationMinutes"] = "60",
            ["Input.Stamp"] = keynote.UpdatedAt.UtcTicks.ToString(),
        });
        Assert.True(placed.StatusCode == HttpStatusCode.Redirect, await placed.BodyAsync());
        var stored = await app.WithDb(db => db.AgendaItems.AsNoTracking().SingleAsync(i => i.Id == keynote.Id));
        Assert.Equal((room.Id, AgendaData.LocalStart(workshop, 1, "09:30"), 60), (stored.RoomId, stored.StartsAt, stored.DurationMinutes));
        var grid = WebUtility.HtmlDecode(await (await organiser.GetAsync(editor)).BodyAsync());
        Assert.Contains("09:30–10:30", grid);
        Assert.Contains("aria-label=\"Aula Magna 1 of 50 hours\"", grid); // the rooms-in-use chart: five days of ten hours
        Assert.Contains("Unscheduled (1)", grid);

        // The same form, a second time from the stale page: refused, and the move above stands.
        var stale = await organiser.PostFormAsync(place, new()
        {
            ["Input.RoomId"] = room.Id.ToString(), ["Input.Day"] = Day(workshop), ["Input.Start"] = "11:00", ["Input.DurationMinutes"] = "60",
            ["Input.Stamp"] = keynote.UpdatedAt.UtcTicks.ToString(),
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, stale.StatusCode);
        Assert.Contains("Someone changed", WebUtility.HtmlDecode(await stale.BodyAsync()));
        Assert.Equal(stored.StartsAt, (await app.WithDb(db => db.AgendaItems.AsNoTracking().SingleAsync(i => i.Id == keynote.Id))).StartsAt);

        var back = await organiser.PostFormAsync($"{place}?handler=Unschedule", [], place);
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        Assert.Null((await app.WithDb(db => db.AgendaItems.AsNoTracking().SingleAsync(i => i.Id == keynote.Id))).StartsAt);
    }

    [Theory]
    [InlineData("Input.DurationMinutes", "7", "in steps of 5 minutes")]
    [InlineData("Input.DurationMinutes", "0", "between 5 minutes and a day")]
    [InlineData("Input.Title", "", "Give the item a title.")]
    [InlineData("Input.Speakers", "Nobody <nobody-here@example.org>", "No account has the address nobody-here@example.org")]
    [InlineData("Input.Type", "Party", "is not valid")]
    public async Task Bad_items_are_refused_with_a_message_and_nothing_is_saved(string field, string value, string message)
    {
        var workshop = await app.AddWorkshopAsync($"eb-{Guid.NewGuid():N}"[..20]);
        var fields = new Dictionary<string, string> { ["Input.Title"] = "Coffee", ["Input.Type"] = "Break", ["Input.DurationMinutes"] = "30" };
        fields[field] = value;

        var response = await (await app.BrowserAs(Roles.Organiser)).PostFormAsync($"/organise/workshops/{workshop.Id}/agenda/items", fields);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains(message, WebUtility.HtmlDecode(await response.BodyAsync()));
        Assert.False(await app.WithDb(db => db.AgendaItems.AnyAsync(i => i.WorkshopId == workshop.Id)));
    }

    [Fact]
    public async Task A_room_of_another_workshop_a_missing_day_or_a_time_the_clocks_skip_is_refused_and_nothing_moves()
    {
        // Madrid's clocks go from 02:00 to 03:00 on the last Sunday of March.
        var workshop = await app.AddWorkshopAsync($"ep-{Guid.NewGuid():N}"[..20], startsLocal: new DateTime(2031, 3, 28, 9, 0, 0));
        var other = await app.AddWorkshopAsync($"eo-{Guid.NewGuid():N}"[..20]);
        var otherRoom = await app.AddRoomAsync(other, "Elsewhere");
        var room = await app.AddRoomAsync(workshop, "Aula");
        var item = await app.AddItemAsync(workshop, "Talk");
        var organiser = await app.BrowserAs(Roles.Organiser);
        var place = $"/organise/workshops/{workshop.Id}/agenda/items/{item.Id}/place";

        (string RoomId, string Day, string Start, string Message)[] cases =
        [
            (otherRoom.Id.ToString(), "2031-03-28", "10:00", "That room belongs to another workshop."),
            (room.Id.ToString(), "", "10:00", "Give both a day and a start time"),
            (room.Id.ToString(), "2031-03-30", "02:30", "That time does not exist in Europe/Madrid"),
            (room.Id.ToString(), "2031-03-28", "10:03", "5-minute grid"),
        ];
        foreach (var (roomId, day, start, message) in cases)
        {
            var response = await organiser.PostFormAsync(place, new() { ["Input.RoomId"] = roomId, ["Input.Day"] = day, ["Input.Start"] = start, ["Input.DurationMinutes"] = "30" });
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            Assert.Contains(message, WebUtility.HtmlDecode(await response.BodyAsync()));
        }
        var stored = await app.WithDb(db => db.AgendaItems.AsNoTracking().SingleAsync(i => i.Id == item.Id));
        Assert.Equal((null, null), (stored.RoomId, stored.StartsAt));
    }

    [Fact]
    public async Task The_editors_drop_answers_in_json_and_the_warnings_follow_the_grid()
    {
        var workshop = await app.AddWorkshopAsync($"ej-{Guid.NewGuid():N}"[..20]);
        var small = await app.AddRoomAsync(workshop, "Small room", capacity: 10, trackId: workshop.Tracks[0].Id);
        var first = await app.AddItemAsync(workshop, "First talk", small, at: "10:00", trackId: workshop.Tracks[0].Id, speakers: new AgendaSpeakerDetails("Ana Souza"));
        var second = await app.AddItemAsync(workshop, "Second talk", speakers: new AgendaSpeakerDetails("Ana Souza"));
        var organiser = await app.BrowserAs(Roles.Organiser);
        var editor = $"/organise/workshops/{workshop.Id}/agenda";
        Dictionary<string, string> Drop(Guid itemId, long? stamp, string start = "10:15", Guid? roomId = null) => new()
        {
            ["itemId"] = itemId.ToString(), ["RoomId"] = (roomId ?? small.Id).ToString(), ["Day"] = Day(workshop), ["Start"] = start,
            ["DurationMinutes"] = "30", ["Stamp"] = stamp?.ToString() ?? "",
        };

        // The stamp as the page shows it: read back from the database, whose clock precision is the provider's.
        var stamp = (await app.WithDb(db => db.AgendaItems.AsNoTracking().SingleAsync(i => i.Id == second.Id))).UpdatedAt.UtcTicks;
        var ok = await organiser.PostFormAsync($"{editor}?handler=Place", Drop(second.Id, stamp), editor);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.True((await ok.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("ok").GetBoolean());

        var page = WebUtility.HtmlDecode(await (await organiser.GetAsync(editor)).BodyAsync());
        Assert.Contains("“First talk” and “Second talk” are both in Small room", page);
        Assert.Contains("Ana Souza speaks in “First talk” and in “Second talk”", page);
        Assert.Contains("“First talk” is in Small room (10 places), but the Developers track has 25 seats.", page);
        Assert.Contains("3 warnings", page);

        var stale = await organiser.PostFormAsync($"{editor}?handler=Place", Drop(second.Id, stamp, "11:00"), editor);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("Someone changed “Second talk”", (await stale.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
        var badRoom = await organiser.PostFormAsync($"{editor}?handler=Place", Drop(first.Id, null, roomId: Guid.NewGuid()), editor);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badRoom.StatusCode);
        var gone = await organiser.PostFormAsync($"{editor}?handler=Place", Drop(Guid.NewGuid(), null), editor);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        var badTime = await organiser.PostFormAsync($"{editor}?handler=Place", Drop(first.Id, null, "25:99"), editor);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badTime.StatusCode);
        Assert.Equal(AgendaData.LocalStart(workshop, 0, "10:00"), (await app.WithDb(db => db.AgendaItems.AsNoTracking().SingleAsync(i => i.Id == first.Id))).StartsAt);
    }

    [Fact]
    public async Task An_organiser_edits_and_removes_an_item()
    {
        var workshop = await app.AddWorkshopAsync($"er-{Guid.NewGuid():N}"[..20]);
        var item = await app.AddItemAsync(workshop, "Coffee", type: AgendaItemType.Break);
        var organiser = await app.BrowserAs(Roles.Organiser);
        var url = $"/organise/workshops/{workshop.Id}/agenda/items/{item.Id}";

        Assert.Equal(HttpStatusCode.Redirect, (await organiser.PostFormAsync(url, new() { ["Input.Title"] = "Coffee and cake", ["Input.Type"] = "Break", ["Input.DurationMinutes"] = "20" })).StatusCode);
        var saved = await app.WithDb(db => db.AgendaItems.AsNoTracking().SingleAsync(i => i.Id == item.Id));
        Assert.Equal(("Coffee and cake", 20), (saved.Title, saved.DurationMinutes));
        Assert.Equal(HttpStatusCode.Redirect, (await organiser.PostFormAsync($"{url}?handler=Remove", [], url)).StatusCode);
        Assert.False(await app.WithDb(db => db.AgendaItems.AnyAsync(i => i.Id == item.Id)));
        Assert.Equal(HttpStatusCode.NotFound, (await organiser.GetAsync(url)).StatusCode);
    }
}
