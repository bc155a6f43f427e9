using System.Net;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Domain.Accounts;
using Workshops.IntegrationTests.Support;

namespace Workshops.IntegrationTests.Features.Agenda;

public sealed class RoomTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task An_organiser_adds_changes_and_removes_rooms_and_what_was_in_a_removed_room_waits_again()
    {
        var workshop = await app.AddWorkshopAsync($"r-{Guid.NewGuid():N}"[..20]);
        var organiser = await app.BrowserAs(Roles.Organiser);
        var url = $"/organise/workshops/{workshop.Id}/rooms";

        var added = await organiser.PostFormAsync(url, new() { ["Input.Name"] = " Aula Magna ", ["Input.Capacity"] = "120", ["Input.TrackId"] = "" });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await organiser.PostFormAsync(url, new() { ["Input.Name"] = "Sala 2", ["Input.TrackId"] = workshop.Tracks[0].Id.ToString() })).StatusCode);
        var page = WebUtility.HtmlDecode(await (await organiser.GetAsync(url)).BodyAsync());
        Assert.Contains("Aula Magna", page);
        Assert.Contains("Developers", page);

        Assert.DoesNotContain("Fewer places than the track", page);
        await app.AddRoomAsync(workshop, "Tiny", 5, workshop.Tracks[0].Id);
        Assert.Contains("Fewer places than the track's 25 seats", WebUtility.HtmlDecode(await (await organiser.GetAsync(url)).BodyAsync()));

        var rooms = await app.WithDb(db => db.Rooms.AsNoTracking().Where(r => r.WorkshopId == workshop.Id && r.Name != "Tiny").OrderBy(r => r.Position).ToListAsync());
        Assert.Equal([("Aula Magna", 120, 0), ("Sala 2", (int?)null, 1)], rooms.Select(r => (r.Name, r.Capacity, r.Position)));

        var roomUrl = $"{url}/{rooms[1].Id}";
        Assert.Equal(HttpStatusCode.Redirect, (await organiser.PostFormAsync(roomUrl, new() { ["Input.Name"] = "Sala Darwin", ["Input.Capacity"] = "30" })).StatusCode);
        var item = await app.AddItemAsync(workshop, "IPT hands-on", rooms[1]);

        var removed = await organiser.PostFormAsync($"{roomUrl}?handler=Remove", [], roomUrl);
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.False(await app.WithDb(db => db.Rooms.AnyAsync(r => r.Id == rooms[1].Id)));
        var waiting = await app.WithDb(db => db.AgendaItems.AsNoTracking().SingleAsync(i => i.Id == item.Id));
        Assert.Equal((null, null), (waiting.RoomId, waiting.StartsAt));
    }

    [Theory]
    [InlineData("", "60", "Give the room a name.")]
    [InlineData("Sala", "0", "A room holds between 1 and 100,000 people.")]
    [InlineData("Aula Magna", "60", "already has a room of that name")]
    public async Task Bad_rooms_are_refused_with_a_message_and_nothing_is_saved(string name, string capacity, string message)
    {
        var workshop = await app.AddWorkshopAsync($"rb-{Guid.NewGuid():N}"[..20]);
        await app.AddRoomAsync(workshop, "Aula Magna");

        var response = await (await app.BrowserAs(Roles.Organiser)).PostFormAsync($"/organise/workshops/{workshop.Id}/rooms",
            new() { ["Input.Name"] = name, ["Input.Capacity"] = capacity });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains(message, WebUtility.HtmlDecode(await response.BodyAsync()));
        Assert.Equal(1, await app.WithDb(db => db.Rooms.CountAsync(r => r.WorkshopId == workshop.Id)));
    }

    [Fact]
    public async Task A_track_of_another_workshop_or_a_room_of_another_workshop_is_refused()
    {
        var workshop = await app.AddWorkshopAsync($"rt-{Guid.NewGuid():N}"[..20]);
        var other = await app.AddWorkshopAsync($"ro-{Guid.NewGuid():N}"[..20]);
        var otherRoom = await app.AddRoomAsync(other, "Elsewhere");
        var organiser = await app.BrowserAs(Roles.Organiser);

        var response = await organiser.PostFormAsync($"/organise/workshops/{workshop.Id}/rooms",
            new() { ["Input.Name"] = "Sala", ["Input.TrackId"] = other.Tracks[0].Id.ToString() });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Choose one of the workshop's tracks.", WebUtility.HtmlDecode(await response.BodyAsync()));
        Assert.Equal(HttpStatusCode.NotFound, (await organiser.GetAsync($"/organise/workshops/{workshop.Id}/rooms/{otherRoom.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await organiser.GetAsync($"/organise/workshops/{Guid.NewGuid()}/rooms")).StatusCode);
    }
}
