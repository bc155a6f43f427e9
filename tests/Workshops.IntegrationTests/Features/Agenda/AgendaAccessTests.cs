using System.Net;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Domain.Accounts;
using Workshops.IntegrationTests.Support;

namespace Workshops.IntegrationTests.Features.Agenda;

public sealed class AgendaAccessTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Theory]
    [InlineData(null)]
    [InlineData(Roles.Member)]
    [InlineData(Roles.Reviewer)]
    public async Task Only_organisers_see_or_change_the_draft(string? role)
    {
        var workshop = await app.AddWorkshopAsync($"a-{Guid.NewGuid():N}"[..20]);
        var room = await app.AddRoomAsync(workshop, "Aula");
        var item = await app.AddItemAsync(workshop, "Draft talk");
        var client = await app.BrowserAs(role);
        var at = $"/organise/workshops/{workshop.Id}";
        string[] pages = [$"{at}/agenda", $"{at}/rooms", $"{at}/rooms/{room.Id}", $"{at}/agenda/items", $"{at}/agenda/items/{item.Id}", $"{at}/agenda/items/{item.Id}/place", $"{at}/agenda/publish"];
        foreach (var page in pages)
        {
            var response = await client.GetAsync(page);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains(role is null ? "/account/signin" : "/account/access-denied", response.Headers.Location!.ToString());
        }

        var posts = new Dictionary<string, Dictionary<string, string>>
        {
            [$"{at}/rooms"] = new() { ["Input.Name"] = "Sneaky" },
            [$"{at}/agenda/items"] = new() { ["Input.Title"] = "Sneaky", ["Input.Type"] = "Break", ["Input.DurationMinutes"] = "30" },
            [$"{at}/agenda/items/{item.Id}/place"] = new() { ["Input.RoomId"] = room.Id.ToString(), ["Input.Day"] = workshop.StartsLocal.ToString("yyyy-MM-dd"), ["Input.Start"] = "10:00", ["Input.DurationMinutes"] = "30" },
            [$"{at}/agenda?handler=Place"] = new() { ["itemId"] = item.Id.ToString(), ["RoomId"] = room.Id.ToString(), ["Day"] = workshop.StartsLocal.ToString("yyyy-MM-dd"), ["Start"] = "10:00", ["DurationMinutes"] = "30" },
            [$"{at}/agenda/publish"] = new() { ["Input.ExpectedNumber"] = "0" },
        };
        foreach (var (url, fields) in posts)
        {
            var response = await client.PostAsync(url, new FormUrlEncodedContent(fields));
            Assert.True((int)response.StatusCode is >= 300 and < 500, $"{url}: {(int)response.StatusCode}");
        }
        Assert.Equal(1, await app.WithDb(db => db.Rooms.CountAsync(r => r.WorkshopId == workshop.Id)));
        Assert.Equal(1, await app.WithDb(db => db.AgendaItems.CountAsync(i => i.WorkshopId == workshop.Id)));
        Assert.Null((await app.WithDb(db => db.AgendaItems.AsNoTracking().SingleAsync(i => i.Id == item.Id))).StartsAt);
        Assert.False(await app.WithDb(db => db.AgendaVersions.AnyAsync(v => v.WorkshopId == workshop.Id)));
    }
}
