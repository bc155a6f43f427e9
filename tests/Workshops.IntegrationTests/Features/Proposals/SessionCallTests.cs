using System.Net;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Domain.Accounts;
using Workshops.Core.Domain.Proposals;
using Workshops.IntegrationTests.Support;

namespace Workshops.IntegrationTests.Features.Proposals;

public sealed class SessionCallTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static List<KeyValuePair<string, string>> Fields(Core.Domain.Workshops.Workshop w, string talkLengths = "20, 30", bool offerTalks = true)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Input.WorkshopId", w.Id.ToString()),
            new("Input.Year", w.Year.ToString()),
            new("Input.Title", $"Sessions for {w.Title}"),
            new("Input.Description", "Talks and tutorials."),
            new("Input.OpensLocal", DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-ddTHH:mm")),
            new("Input.ClosesLocal", DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-ddTHH:mm")),
            new("Input.TimeZoneId", "Europe/Madrid"),
            new("Input.Reviewers", "AllReviewers"),
            new("Input.Criteria[0].Name", "Relevance"),
            new("Input.Criteria[0].Weight", "2"),
            new("Input.Formats[0].Type", "Talk"),
            new("Input.Formats[0].Durations", talkLengths),
            new("Input.Formats[1].Type", "Tutorial"),
            new("Input.Formats[1].Offered", "true"),
            new("Input.Formats[1].Durations", "90"),
            new("Input.TrackIds", w.Tracks[0].Id.ToString()),
        };
        if (offerTalks) fields.Add(new("Input.Formats[0].Offered", "true"));
        return fields;
    }

    [Fact]
    public async Task An_organiser_opens_the_call_for_sessions_of_a_workshop_with_its_kinds_lengths_and_tracks()
    {
        var workshop = await app.AddWorkshopAsync("2029-lima");
        var organiser = await app.BrowserAs(Roles.Organiser);
        var form = WebUtility.HtmlDecode(await (await organiser.GetAsync($"/organise/calls/new?workshopId={workshop.Id}")).BodyAsync());
        Assert.Contains($"Sessions for {workshop.Title}", form);
        Assert.Contains("Hands-on", form);

        var response = await organiser.PostFormAsync("/organise/calls/new", Fields(workshop, "30, 20, 30"), $"/organise/calls/new?workshopId={workshop.Id}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var call = await app.WithDb(db => db.Calls.AsNoTracking().SingleAsync(c => c.WorkshopId == workshop.Id));
        Assert.Equal((CallKind.Sessions, workshop.Year), (call.Kind, call.Year));
        Assert.Equal([20, 30], call.FormatOf(SessionType.Talk)!.Durations);
        Assert.Equal([90], call.FormatOf(SessionType.Tutorial)!.Durations);
        Assert.Equal([workshop.Tracks[0].Id], call.TrackIds);
        // One call per workshop: asking for a new one leads to the one there is.
        var again = await organiser.GetAsync($"/organise/calls/new?workshopId={workshop.Id}");
        Assert.Equal($"/organise/calls/{call.Id}", again.Headers.Location!.ToString());

        var publicPage = WebUtility.HtmlDecode(await (await app.Browser().GetAsync($"/calls/{call.Id}")).BodyAsync());
        Assert.Contains("talk (20 or 30 minutes); tutorial (90 minutes)", publicPage);
        Assert.Contains(workshop.Tracks[0].Name, publicPage);
    }

    [Fact]
    public async Task Changing_the_lengths_keeps_the_call_and_its_kinds()
    {
        var workshop = await app.AddWorkshopAsync("2029-quito");
        var call = await app.AddSessionCallAsync(workshop);
        var organiser = await app.BrowserAs(Roles.Organiser);
        var fields = Fields(workshop, "15, 45");
        fields.RemoveAll(f => f.Key == "Input.WorkshopId"); // the call's own workshop counts, not the form's

        var response = await organiser.PostFormAsync($"/organise/calls/{call.Id}/edit", fields, $"/organise/calls/{call.Id}/edit");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await app.WithDb(db => db.Calls.AsNoTracking().SingleAsync(c => c.Id == call.Id));
        Assert.Equal([15, 45], saved.FormatOf(SessionType.Talk)!.Durations);
        Assert.Equal(call.FormatOf(SessionType.Talk)!.Id, saved.FormatOf(SessionType.Talk)!.Id);
        Assert.Equal(workshop.Id, saved.WorkshopId);
    }

    [Theory]
    [InlineData("twenty", true, "whole minutes separated by commas")]
    [InlineData("2", true, "lasts from 5 to 480 minutes")]
    [InlineData("", true, "Give the length of a talk in minutes")]
    public async Task Bad_lengths_are_refused_with_a_message_and_nothing_is_saved(string lengths, bool offerTalks, string message)
    {
        var workshop = await app.AddWorkshopAsync($"2029-bad-{Guid.NewGuid():N}"[..20]);
        var organiser = await app.BrowserAs(Roles.Organiser);

        var response = await organiser.PostFormAsync("/organise/calls/new", Fields(workshop, lengths, offerTalks), $"/organise/calls/new?workshopId={workshop.Id}");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains(message, WebUtility.HtmlDecode(await response.BodyAsync()));
        Assert.False(await app.WithDb(db => db.Calls.AnyAsync(c => c.WorkshopId == workshop.Id)));
    }

    [Fact]
    public async Task A_track_of_another_workshop_is_refused()
    {
        var workshop = await app.AddWorkshopAsync("2029-cusco");
        var other = await app.AddWorkshopAsync("2029-arequipa");
        var organiser = await app.BrowserAs(Roles.Organiser);
        var fields = Fields(workshop);
        fields.RemoveAll(f => f.Key == "Input.TrackIds");
        fields.Add(new("Input.TrackIds", other.Tracks[0].Id.ToString()));

        var response = await organiser.PostFormAsync("/organise/calls/new", fields, $"/organise/calls/new?workshopId={workshop.Id}");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Choose tracks of this workshop.", WebUtility.HtmlDecode(await response.BodyAsync()));
        Assert.False(await app.WithDb(db => db.Calls.AnyAsync(c => c.WorkshopId == workshop.Id)));
    }

    [Fact]
    public async Task Only_organisers_open_calls_for_sessions()
    {
        var workshop = await app.AddWorkshopAsync("2029-roles");
        var url = $"/organise/calls/new?workshopId={workshop.Id}";
        foreach (var role in new[] { null, Roles.Member, Roles.Reviewer })
        {
            var client = await app.BrowserAs(role);
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains(role is null ? "/account/signin" : "/account/access-denied", response.Headers.Location!.ToString());
            var post = await client.PostAsync("/organise/calls/new", new FormUrlEncodedContent(Fields(workshop)));
            Assert.True((int)post.StatusCode is >= 300 and < 500);
        }
        Assert.False(await app.WithDb(db => db.Calls.AnyAsync(c => c.WorkshopId == workshop.Id)));
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.BrowserAs(Roles.Organiser)).GetAsync($"/organise/calls/new?workshopId={Guid.NewGuid()}")).StatusCode);
    }
}
