using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Domain.Accounts;
using Workshops.Core.Domain.Archive;
using Workshops.IntegrationTests.Support;

namespace Workshops.IntegrationTests.Features.Community;

/// <summary>Past events' attendee lists: uploaded as CSV, private until an organiser makes them public, counted by country and drawn on the map.</summary>
public sealed class AttendeeListTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Csv = """
        name,organisation,country
        Héctor Hernández, CONAP, Guatemala
        Kourouma Koura, GBIF Benin, Benin
        Rui Figueira, GBIF Portugal, Portugal
        Ana Souza, SiBBr, Brasil
        Marie Curie, Somewhere, Atlantis
        """;

    private async Task<ArchivedEvent> EventAsync(string country = "FR")
    {
        var e = ArchivedEvent.Create($"ev-{Guid.NewGuid():N}"[..16], new ArchivedEventDetails("Living Atlases workshop 2019", ArchivedEventType.Workshop,
            new DateOnly(2019, 4, 1), new DateOnly(2019, 4, 5), null, "Paris", country, null, null), null, DateTimeOffset.UtcNow);
        await app.WithDb(async db => { db.ArchivedEvents.Add(e); return await db.SaveChangesAsync(); });
        return e;
    }

    private static Task<HttpResponseMessage> UploadAsync(HttpClient client, ArchivedEvent e, string csv, string? version = null) =>
        client.PostUploadAsync($"/organise/archive/{e.Slug}/attendees?handler=Upload", version is null ? [] : new Dictionary<string, string> { ["version"] = version },
            ("file", "attendees.csv", Encoding.UTF8.GetBytes(csv)), $"/organise/archive/{e.Slug}/attendees");

    [Fact]
    public async Task An_uploaded_list_stays_private_until_an_organiser_makes_it_public()
    {
        var organiser = await app.BrowserAs(Roles.Organiser);
        var e = await EventAsync();
        var uploaded = await UploadAsync(organiser, e, Csv);
        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        var page = WebUtility.HtmlDecode(await organiser.GetStringAsync($"/organise/archive/{e.Slug}/attendees"));
        Assert.Contains("These countries could not be read and are left blank: Atlantis.", page);
        Assert.Contains("5 people are on the list.", page);
        var list = await app.WithDb(db => db.AttendeeLists.AsNoTracking().SingleAsync(l => l.ArchivedEventId == e.Id));
        Assert.Equal(["GT", "BJ", "PT", "BR", null], list.Attendees.OrderBy(a => a.Position).Select(a => a.Country));
        Assert.False(list.IsPublic);

        var hidden = WebUtility.HtmlDecode(await app.Browser().GetStringAsync($"/archive/{e.Slug}"));
        Assert.DoesNotContain("Kourouma", hidden);
        Assert.DoesNotContain("Who took part", hidden);
        var organisersView = WebUtility.HtmlDecode(await organiser.GetStringAsync($"/archive/{e.Slug}"));
        Assert.Contains("Only organisers see this list: it is not public.", organisersView);
        Assert.Contains("<td>Kourouma Koura</td>", organisersView);

        var publish = await BrowserForm.LoadAsync(organiser, $"/organise/archive/{e.Slug}/attendees", "Publish");
        Assert.Equal(HttpStatusCode.Redirect, (await publish.PostAsync(organiser)).StatusCode);
        var shown = WebUtility.HtmlDecode(await app.Browser().GetStringAsync($"/archive/{e.Slug}"));
        Assert.Contains("Who took part", shown);
        Assert.Contains("<td>Kourouma Koura</td><td>GBIF Benin</td><td>Benin</td>", shown);
        Assert.Contains("From 4 countries", shown);
        Assert.Contains("aria-label=\"Benin: 1 person\"", shown);
        Assert.Contains("id=\"attendee-map\"", shown);
    }

    [Fact]
    public async Task A_new_file_replaces_the_list_and_deleting_takes_it_away()
    {
        var organiser = await app.BrowserAs(Roles.Organiser);
        var e = await EventAsync();
        await UploadAsync(organiser, e, Csv);
        var version = (await BrowserForm.LoadAsync(organiser, $"/organise/archive/{e.Slug}/attendees", "Upload")).Fields.First(f => f.Key == "version").Value;
        var people = await app.WithDb(db => db.Set<Workshops.Core.Domain.Community.Attendees.PastAttendee>().CountAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(organiser, e, "Name;Country\nJoão Silva;Portugal\n", version)).StatusCode);
        var list = await app.WithDb(db => db.AttendeeLists.AsNoTracking().SingleAsync(l => l.ArchivedEventId == e.Id));
        Assert.Equal(["João Silva"], list.Attendees.Select(a => a.Name));
        // The five people of the first file are gone from the database, not only from the list (tests of this class run one at a time).
        Assert.Equal(people - 4, await app.WithDb(db => db.Set<Workshops.Core.Domain.Community.Attendees.PastAttendee>().CountAsync()));

        // A form drawn before that upload no longer saves.
        Assert.Equal(HttpStatusCode.Conflict, (await UploadAsync(organiser, e, Csv, version)).StatusCode);

        Assert.Contains($"/organise/archive/{e.Slug}/attendees/delete", await organiser.GetStringAsync($"/organise/archive/{e.Slug}/attendees"));
        Assert.Contains("The 1 person on it goes.", WebUtility.HtmlDecode(await organiser.GetStringAsync($"/organise/archive/{e.Slug}/attendees/delete")));
        var delete = await BrowserForm.LoadAsync(organiser, $"/organise/archive/{e.Slug}/attendees/delete");
        Assert.Equal(HttpStatusCode.Redirect, (await delete.PostAsync(organiser)).StatusCode);
        Assert.False(await app.WithDb(db => db.AttendeeLists.AnyAsync(l => l.ArchivedEventId == e.Id)));
        Assert.Equal(0, await app.WithDb(db => db.Set<Workshops.Core.Domain.Community.Attendees.PastAttendee>().CountAsync(a => a.Name == "João Silva")));
    }

    [Theory]
    [InlineData("organisation,country\nGBIF Benin,Benin\n", "The file has no “name” column.")]
    [InlineData("\n \n", "The file is empty.")]
    [InlineData("", "Choose a CSV file")]
    [InlineData("name,organisation,country\n", "The file has a header but nobody in it.")]
    [InlineData("name,organisation,country\n,GBIF Benin,Benin\n", "Row 1 has no name.")]
    public async Task A_bad_file_is_refused_with_its_reason_and_the_list_is_left_as_it_was(string csv, string message)
    {
        var organiser = await app.BrowserAs(Roles.Organiser);
        var e = await EventAsync();
        var refused = await UploadAsync(organiser, e, csv);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains(message, Forms.Errors(await refused.BodyAsync()));
        Assert.False(await app.WithDb(db => db.AttendeeLists.AnyAsync(l => l.ArchivedEventId == e.Id)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(Roles.Member)]
    [InlineData(Roles.Reviewer)]
    public async Task Only_organisers_and_admins_keep_attendee_lists(string? role)
    {
        var organiser = await app.BrowserAs(Roles.Organiser);
        var e = await EventAsync();
        await UploadAsync(organiser, e, Csv);
        var client = await app.BrowserAs(role);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync($"/organise/archive/{e.Slug}/attendees")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync($"/organise/archive/{e.Slug}/attendees/delete")).StatusCode);
        foreach (var path in new[] { "?handler=Publish", "?handler=Upload", "/delete" })
        {
            var post = await client.PostAsync($"/organise/archive/{e.Slug}/attendees{path}", new FormUrlEncodedContent([new("isPublic", "true")]));
            Assert.True((int)post.StatusCode is >= 300 and < 500);
        }
        var list = await app.WithDb(db => db.AttendeeLists.AsNoTracking().SingleAsync(l => l.ArchivedEventId == e.Id));
        Assert.False(list.IsPublic);
        Assert.Equal(5, list.Attendees.Count);
        Assert.DoesNotContain("Kourouma", await client.GetStringAsync($"/archive/{e.Slug}"));
        Assert.Equal(HttpStatusCode.OK, (await (await app.BrowserAs(Roles.Admin)).GetAsync($"/organise/archive/{e.Slug}/attendees")).StatusCode);
    }

    [Fact]
    public async Task The_archive_maps_where_its_events_were_held()
    {
        var e = await EventAsync("BJ");
        var archive = WebUtility.HtmlDecode(await app.Browser().GetStringAsync("/archive"));
        Assert.Contains("id=\"archive-map\"", archive);
        Assert.Matches("<a href=\"/archive\\?country=BJ\" aria-label=\"Benin: \\d+ events?\"", archive);
        Assert.Contains(e.Title, WebUtility.HtmlDecode(await app.Browser().GetStringAsync("/archive?country=BJ")));
    }
}
