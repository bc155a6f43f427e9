using System.Net;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Domain.Accounts;
using Workshops.Core.Domain.Workshops;
using Workshops.IntegrationTests.Support;

namespace Workshops.IntegrationTests.Features.Organise;

public sealed class WorkshopEditingTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static Dictionary<string, string> Form(string slug, string starts = "2027-03-01T09:00", string ends = "2027-03-05T17:00", string zone = "America/Sao_Paulo") => new()
    {
        ["Input.Title"] = "Living Atlases 2027, São Paulo",
        ["Input.Slug"] = slug,
        ["Input.Year"] = "2027",
        ["Input.Format"] = "Hybrid",
        ["Input.StartsLocal"] = starts,
        ["Input.EndsLocal"] = ends,
        ["Input.TimeZoneId"] = zone,
        ["Input.Venue"] = "Universidade de São Paulo",
        ["Input.City"] = "São Paulo",
        ["Input.Country"] = "Brasil",
        ["Input.Description"] = "Two tracks, one week.",
        ["Input.Tracks[0].Name"] = "Developers",
        ["Input.Tracks[0].Capacity"] = "25",
        ["Input.Tracks[1].Name"] = "Managers",
        ["Input.Tracks[1].Capacity"] = "25",
        ["Input.Tracks[2].Name"] = "",
        ["Input.Tracks[2].Capacity"] = "",
    };

    [Fact]
    public async Task Cancelling_a_workshop_says_what_follows_and_asks_first()
    {
        var workshop = await app.AddWorkshopAsync($"x-{Guid.NewGuid():N}"[..20]);
        var client = await app.BrowserAs(Roles.Organiser);
        var edit = $"/organise/workshops/{workshop.Id}/edit";
        var page = await (await client.GetAsync(edit)).BodyAsync();
        Assert.Contains("Cancel the workshop…", page);

        var asked = await client.PostFormAsync(edit + "?handler=Status", new() { ["to"] = "Cancelled" }, edit);
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        Assert.Contains("Yes, cancel the workshop", await asked.BodyAsync());
        Assert.Equal(WorkshopStatus.Published, await app.WithDb(db => db.Workshops.Where(w => w.Id == workshop.Id).Select(w => w.Status).SingleAsync()));

        var done = await client.PostFormAsync(edit + "?handler=Status", new() { ["to"] = "Cancelled", ["confirmed"] = "true" }, edit);
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal(WorkshopStatus.Cancelled, await app.WithDb(db => db.Workshops.Where(w => w.Id == workshop.Id).Select(w => w.Status).SingleAsync()));
    }

    [Fact]
    public async Task An_organiser_creates_a_draft_publishes_it_and_visitors_then_see_it()
    {
        var client = await app.BrowserAs(Roles.Organiser);
        var created = await client.PostFormAsync("/organise/workshops/new", Form("2027-sao-paulo"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var edit = created.Headers.Location!.OriginalString;

        var saved = await app.WithDb(db => db.Workshops.SingleAsync(w => w.Slug == "2027-sao-paulo"));
        Assert.Equal(WorkshopStatus.Draft, saved.Status);
        Assert.Equal(new DateTimeOffset(2027, 3, 1, 12, 0, 0, TimeSpan.Zero), saved.StartsAt); // 09:00 at UTC-3
        Assert.Equal(["Developers", "Managers"], saved.Tracks.OrderBy(t => t.Position).Select(t => t.Name));
        Assert.Equal(HttpStatusCode.NotFound, (await app.Browser().GetAsync("/workshops/2027-sao-paulo")).StatusCode);

        var published = await client.PostFormAsync(edit + "?handler=Status", new() { ["to"] = "Published" }, edit);
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);

        var page = WebUtility.HtmlDecode(await app.Browser().GetStringAsync("/workshops/2027-sao-paulo"));
        Assert.Contains("Living Atlases 2027, São Paulo", page);
        Assert.Contains("America/Sao Paulo time, UTC-03:00", page);
        var history = await app.WithDb(db => db.StatusChanges.Where(s => s.EntityId == saved.Id).ToListAsync());
        Assert.Contains(history, h => h.From == "Draft" && h.To == "Published" && h.ByUserId != null);
    }

    [Fact]
    public async Task Editing_changes_details_renames_removes_and_adds_tracks()
    {
        var w = await app.AddWorkshopAsync("edit-tracks");
        var dev = w.Tracks.Single(t => t.Name == "Developers");
        var managers = w.Tracks.Single(t => t.Name == "Managers");
        var client = await app.BrowserAs(Roles.Organiser);
        var url = $"/organise/workshops/{w.Id}/edit";
        var form = Form("edit-tracks", "2026-11-02T09:00", "2026-11-06T17:00", "Europe/Madrid");
        form["Input.Tracks[0].Id"] = dev.Id.ToString();
        form["Input.Tracks[0].Name"] = "Developers (advanced)";
        form["Input.Tracks[0].Capacity"] = "30";
        form["Input.Tracks[1].Id"] = managers.Id.ToString();
        form["Input.Tracks[1].Remove"] = "true";
        form["Input.Tracks[2].Name"] = "Hackathon";
        form["Input.Tracks[2].Capacity"] = "12";

        var response = await client.PostFormAsync(url, form, url);

        Assert.True(HttpStatusCode.Redirect == response.StatusCode, await response.BodyAsync());
        var saved = await app.WithDb(db => db.Workshops.SingleAsync(x => x.Id == w.Id));
        var tracks = saved.Tracks.OrderBy(t => t.Position).Select(t => (t.Name, t.Capacity)).ToList();
        Assert.Equal([("Developers (advanced)", 30), ("Hackathon", 12)], tracks);
        Assert.Equal(dev.Id, saved.Tracks.Single(t => t.Name == "Developers (advanced)").Id);
    }

    [Theory]
    [InlineData("Input.EndsLocal", "2027-02-01T09:00", "The workshop must end after it starts.")]
    [InlineData("Input.TimeZoneId", "Mars/Olympus", "Choose a time zone from the list")]
    [InlineData("Input.Slug", "Not A Slug!", "Use lower-case letters, digits and single dashes")]
    [InlineData("Input.Tracks[0].Capacity", "0", "Seats must be between 1 and 10,000.")]
    [InlineData("Input.Tracks[1].Name", "Developers", "Two tracks are called &#x27;Developers&#x27;")]
    [InlineData("Input.StartsLocal", "not a date", "The value &#x27;not a date&#x27; is not valid")]
    [InlineData("Input.StartsLocal", "2027-03-28T02:30", "does not exist in this time zone")]
    public async Task Bad_input_is_refused_with_a_message_and_nothing_is_saved(string field, string value, string message)
    {
        var client = await app.BrowserAs(Roles.Organiser);
        var before = await app.CountWorkshopsAsync();
        var form = Form("bad-" + Guid.NewGuid().ToString("N")[..8], zone: field == "Input.StartsLocal" && value.StartsWith("2027-03-28") ? "Europe/Madrid" : "America/Sao_Paulo");
        form[field] = value;
        if (value.StartsWith("2027-03-28")) form["Input.EndsLocal"] = "2027-03-29T17:00";

        var response = await client.PostFormAsync("/organise/workshops/new", form);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains(message, await response.BodyAsync());
        Assert.Equal(before, await app.CountWorkshopsAsync());
    }

    [Fact]
    public async Task A_slug_already_in_use_is_refused()
    {
        await app.AddWorkshopAsync("taken-slug");
        var client = await app.BrowserAs(Roles.Organiser);
        var response = await client.PostFormAsync("/organise/workshops/new", Form("taken-slug"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Another workshop uses the address name", await response.BodyAsync());
    }

    [Fact]
    public async Task Cloning_makes_next_years_draft_with_the_same_tracks_and_length()
    {
        var source = await app.AddWorkshopAsync("2026-clone-me", startsLocal: new DateTime(2026, 10, 12, 9, 0, 0));
        var client = await app.BrowserAs(Roles.Organiser);
        var url = $"/organise/workshops/{source.Id}/clone";
        var page = await client.GetStringAsync(url);
        Assert.Contains("value=\"2027-clone-me\"", page);
        Assert.Contains("value=\"2027-10-11T09:00\"", page); // 52 weeks later: a Monday again

        var response = await client.PostFormAsync(url, new()
        {
            ["Input.Title"] = "Workshop 2027",
            ["Input.Slug"] = "2027-clone-me",
            ["Input.Year"] = "2027",
            ["Input.StartsLocal"] = "2027-10-11T09:00",
        }, url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var copy = await app.WithDb(db => db.Workshops.SingleAsync(w => w.Slug == "2027-clone-me"));
        Assert.Equal(WorkshopStatus.Draft, copy.Status);
        Assert.Equal(source.Id, copy.ClonedFromId);
        Assert.Equal(source.EndsAt - source.StartsAt, copy.EndsAt - copy.StartsAt);
        Assert.Equal(source.Tracks.Select(t => (t.Name, t.Capacity)).Order(), copy.Tracks.Select(t => (t.Name, t.Capacity)).Order());
        Assert.Equal("Europe/Madrid", copy.TimeZoneId);
    }

    [Fact]
    public async Task Status_changes_that_are_not_allowed_are_refused()
    {
        var w = await app.AddWorkshopAsync("cancelled-one", WorkshopStatus.Cancelled);
        var client = await app.BrowserAs(Roles.Organiser);
        var url = $"/organise/workshops/{w.Id}/edit";
        var response = await client.PostFormAsync(url + "?handler=Status", new() { ["to"] = "Published" }, url);
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("A cancelled workshop cannot become published.", await response.BodyAsync());
    }
}
