using System.Net;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Domain.Accounts;
using Workshops.Core.Domain.Announcements;
using Workshops.Core.Email;
using Workshops.Core.Time;
using Workshops.IntegrationTests.Support;

namespace Workshops.IntegrationTests.Features.Announcements;

/// <summary>The organisers' pages: compose, count, preview, test, send, schedule, cancel; refused roles and bad input.</summary>
public sealed class AnnouncementPagesTests(SmtpAppFactory app) : IClassFixture<SmtpAppFactory>
{
    private static Dictionary<string, string> Fields(string subject, string body, Guid? workshopId = null, bool subscribers = false, string? pasted = null,
        params string[] statuses)
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.Subject"] = subject,
            ["Input.Body"] = body,
            ["Input.WorkshopId"] = workshopId?.ToString() ?? "",
            ["Input.Pasted"] = pasted ?? "",
        };
        if (subscribers) fields["Input.Subscribers"] = "true";
        for (var i = 0; i < statuses.Length; i++) fields[$"Input.Statuses[{i}]"] = statuses[i];
        return fields;
    }

    private async Task<Guid> ComposeAsync(HttpClient client, Dictionary<string, string> fields)
    {
        var response = await client.PostFormAsync("/organise/announcements/new", fields);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return Guid.Parse(response.Headers.Location!.ToString().Split('/').Last());
    }

    private Task<Announcement> LoadAsync(Guid id) => app.WithDb(db => db.Announcements.AsNoTracking().SingleAsync(a => a.Id == id));

    private static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}@example.net";

    [Fact]
    public async Task An_organiser_composes_sees_the_count_and_preview_tests_and_sends()
    {
        var workshop = await app.AddWorkshopAsync("pages-" + Guid.NewGuid().ToString("N")[..6]);
        var setup = await app.AddRegistrationAsync(workshop);
        var ana = await app.SubscriberAsync(name: "Ana Souza");
        await app.RegistrantAsync(workshop, setup, ana, "Ana Souza");
        var gone = Unique("gone");
        var pat = Unique("pat");
        await app.WithDb(async db =>
        {
            db.EmailSuppressions.Add(EmailSuppression.Of(gone, DateTimeOffset.UtcNow));
            return await db.SaveChangesAsync();
        });
        var organiser = await app.CreateUserAsync(Roles.Organiser);
        var client = await app.SignInAsync(organiser);

        var id = await ComposeAsync(client, Fields("Agenda for {first_name}", "Dear {first_name}, see [{workshop_title}]({workshop_url}).", workshop.Id,
            pasted: $"Pat Lee <{pat}>\n{ana.Email!.ToUpperInvariant()}\n{gone}", statuses: "Submitted"));

        var page = await (await client.GetAsync($"/organise/announcements/{id}")).BodyAsync();
        Assert.Contains("<strong>2 people</strong> would receive it now", page);
        Assert.Contains("1 left out because they unsubscribed", page);
        Assert.Contains("Subject:</strong> Agenda for Ana", page);
        Assert.Contains("{workshop_url}", page); // the placeholder list
        var asPat = await (await client.GetAsync($"/organise/announcements/{id}?as={Uri.EscapeDataString(pat)}")).BodyAsync();
        Assert.Contains("Subject:</strong> Agenda for Pat", asPat);

        var test = await client.PostFormAsync($"/organise/announcements/{id}?handler=Test", new Dictionary<string, string>(), $"/organise/announcements/{id}");
        Assert.Equal(HttpStatusCode.Redirect, test.StatusCode);
        var testMail = await app.Mail.WaitForAsync(organiser.Email!, "[Test] Agenda for Test");
        Assert.Contains($"/workshops/{workshop.Slug}", testMail.HtmlBody);
        Assert.Equal(AnnouncementStatus.Draft, (await LoadAsync(id)).Status);

        var version = (await LoadAsync(id)).UpdatedAt.UtcTicks;
        var asked = await client.PostFormAsync($"/organise/announcements/{id}?handler=SendNow", new() { ["version"] = version.ToString() }, $"/organise/announcements/{id}");
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        Assert.Contains("Yes, send it now", await asked.BodyAsync());
        Assert.Equal(AnnouncementStatus.Draft, (await LoadAsync(id)).Status);
        var send = await client.PostFormAsync($"/organise/announcements/{id}?handler=SendNow", new() { ["version"] = version.ToString(), ["confirmed"] = "true" }, $"/organise/announcements/{id}");
        Assert.Equal($"/organise/announcements/{id}/progress", send.Headers.Location!.ToString());

        var toAna = await app.Mail.WaitForAsync(ana.Email!, "Agenda for Ana");
        var toPat = await app.Mail.WaitForAsync(pat, "Agenda for Pat");
        // Each says truly why it came: Ana registered; Pat, a pasted address, has no account to speak of.
        Assert.Contains("because you registered for", toAna.HtmlBody);
        Assert.Contains("because the organisers of", toPat.HtmlBody);
        Assert.Contains("wrote to this address", toPat.TextBody);
        Assert.DoesNotContain("because of your account", toPat.HtmlBody);
        Assert.Equal(0, app.Mail.CountTo(gone));
        var progress = "";
        for (var i = 0; i < 100 && !progress.Contains("Finished"); i++)
        {
            await Task.Delay(200);
            progress = await (await client.GetAsync($"/organise/announcements/{id}/progress")).BodyAsync();
        }
        Assert.Contains("2 of 2 sent, 0 failed", progress);
        Assert.Contains("Pat Lee &lt;" + pat + "&gt;", progress);
        // Sent: the compose page now shows its progress instead.
        var edit = await client.GetAsync($"/organise/announcements/{id}");
        Assert.Equal($"/organise/announcements/{id}/progress", edit.Headers.Location!.ToString());
        var list = await (await client.GetAsync("/organise/announcements")).BodyAsync();
        Assert.Contains("Agenda for {first_name}", list);
        Assert.Contains("2 of 2", list);
    }

    [Theory]
    [InlineData("", "Hello", "Give the announcement a subject.")]
    [InlineData("News", "", "Write the announcement's text.")]
    [InlineData("News", "Hello {frist_name}", "{frist_name}")]
    [InlineData("News", "See {workshop_url}", "{workshop_url}")]
    public async Task A_bad_draft_is_refused_with_its_reason_and_nothing_is_saved(string subject, string body, string message)
    {
        var client = await app.BrowserAs(Roles.Organiser);
        var before = await app.WithDb(db => db.Announcements.CountAsync());
        var response = await client.PostFormAsync("/organise/announcements/new", Fields(subject, body, subscribers: true));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains(message, Forms.Errors(await response.BodyAsync()));
        Assert.Equal(before, await app.WithDb(db => db.Announcements.CountAsync()));
    }

    [Fact]
    public async Task A_new_announcement_starts_with_nobody_ticked()
    {
        var workshop = await app.AddWorkshopAsync("aud-" + Guid.NewGuid().ToString("N")[..6]);
        var client = await app.BrowserAs(Roles.Organiser);
        foreach (var url in new[] { "/organise/announcements/new", $"/organise/announcements/new?workshopId={workshop.Id}" })
        {
            var page = await (await client.GetAsync(url)).BodyAsync();
            var boxes = System.Text.RegularExpressions.Regex.Matches(page, "<input type=\"checkbox\"[^>]*>").Select(m => m.Value).ToList();
            Assert.Contains(boxes, b => b.Contains("id=\"Input_Subscribers\""));
            Assert.DoesNotContain(boxes, b => b.Contains("checked"));
        }
    }

    [Theory]
    [InlineData("Your status: {registration_status}", true, null, "community subscribers")]
    [InlineData("See you in the {{ track }} track", false, "ana@example.net", "pasted addresses")]
    public async Task A_registrants_placeholder_is_refused_when_others_would_read_it(string body, bool subscribers, string? pasted, string who)
    {
        var workshop = await app.AddWorkshopAsync("reg-" + Guid.NewGuid().ToString("N")[..6]);
        var client = await app.BrowserAs(Roles.Organiser);
        var before = await app.WithDb(db => db.Announcements.CountAsync());
        var response = await client.PostFormAsync("/organise/announcements/new", Fields("For admitted people", body, workshop.Id, subscribers, pasted, "Admitted"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var errors = System.Net.WebUtility.HtmlDecode(Forms.Errors(await response.BodyAsync()));
        Assert.Contains("is a registrant's own", errors);
        Assert.Contains(who, errors);
        Assert.Equal(before, await app.WithDb(db => db.Announcements.CountAsync()));

        // To registrants alone, the same words are fine.
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync("/organise/announcements/new", Fields("For admitted people", body, workshop.Id, false, null, "Admitted"))).StatusCode);
    }

    [Fact]
    public async Task A_bad_pasted_address_and_an_unknown_placeholder_are_both_reported()
    {
        var client = await app.BrowserAs(Roles.Organiser);
        var before = await app.WithDb(db => db.Announcements.CountAsync());
        var response = await client.PostFormAsync("/organise/announcements/new", Fields("News", "Hello {favourite_colour}", pasted: "ana@example.org\nnot an address"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var errors = System.Net.WebUtility.HtmlDecode(Forms.Errors(await response.BodyAsync()));
        Assert.Contains("These pasted lines are not email addresses: not an address", errors);
        Assert.Contains("favourite_colour", errors);
        Assert.Equal(before, await app.WithDb(db => db.Announcements.CountAsync()));
    }

    [Fact]
    public async Task Audiences_that_make_no_sense_are_refused()
    {
        var client = await app.BrowserAs(Roles.Organiser);
        var nobody = await client.PostFormAsync("/organise/announcements/new", Fields("News", "Hello"));
        Assert.Contains("Choose who receives it", await nobody.BodyAsync());
        var noWorkshop = await client.PostFormAsync("/organise/announcements/new", Fields("News", "Hello", statuses: "Admitted"));
        Assert.Contains("choose the workshop", await noWorkshop.BodyAsync());
        var badLine = await client.PostFormAsync("/organise/announcements/new", Fields("News", "Hello", pasted: "ana@example.org\nnot an address"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badLine.StatusCode);
        Assert.Contains("These pasted lines are not email addresses: not an address", Forms.Errors(await badLine.BodyAsync()));

        var one = await app.AddWorkshopAsync("tracks-a-" + Guid.NewGuid().ToString("N")[..6]);
        var other = await app.AddWorkshopAsync("tracks-b-" + Guid.NewGuid().ToString("N")[..6]);
        var fields = Fields("News", "Hello", one.Id, statuses: "Admitted");
        fields["Input.Tracks[0]"] = other.Tracks[0].Id.ToString();
        var wrongTrack = await client.PostFormAsync("/organise/announcements/new", fields);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrongTrack.StatusCode);
        Assert.Contains("tracks of the announcement's own workshop", Forms.Errors(await wrongTrack.BodyAsync()));
    }

    [Fact]
    public async Task A_stale_form_is_refused_and_the_announcement_kept_as_it_is()
    {
        var client = await app.BrowserAs(Roles.Organiser);
        var id = await ComposeAsync(client, Fields("First", "Hello", subscribers: true));
        var stale = (await LoadAsync(id)).UpdatedAt.UtcTicks;
        var fresh = Fields("Second", "Hello", subscribers: true);
        fresh["Input.Version"] = stale.ToString();
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync($"/organise/announcements/{id}", fresh)).StatusCode);

        var late = Fields("Third", "Hello", subscribers: true);
        late["Input.Version"] = stale.ToString();
        var response = await client.PostFormAsync($"/organise/announcements/{id}", late);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Someone changed this announcement", await response.BodyAsync());
        Assert.Equal("Second", (await LoadAsync(id)).Subject);
        var sendStale = await client.PostFormAsync($"/organise/announcements/{id}?handler=SendNow", new() { ["version"] = stale.ToString(), ["confirmed"] = "true" }, $"/organise/announcements/{id}");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, sendStale.StatusCode);
        Assert.Equal(AnnouncementStatus.Draft, (await LoadAsync(id)).Status);
    }

    [Fact]
    public async Task Scheduling_reads_the_time_in_the_workshops_zone_and_can_be_cancelled()
    {
        var workshop = await app.AddWorkshopAsync("sched-" + Guid.NewGuid().ToString("N")[..6], zone: "America/Bogota");
        var client = await app.BrowserAs(Roles.Organiser);
        var id = await ComposeAsync(client, Fields("Soon", "Hello {first_name}", workshop.Id, pasted: Unique("soon")));
        var url = $"/organise/announcements/{id}";
        async Task<HttpResponseMessage> Schedule(string at) =>
            await client.PostFormAsync(url + "?handler=Schedule", new() { ["version"] = (await LoadAsync(id)).UpdatedAt.UtcTicks.ToString(), ["sendAt"] = at }, url);

        var local = DateTime.UtcNow.AddDays(3).Date.AddHours(9);
        Assert.Equal(HttpStatusCode.Redirect, (await Schedule(local.ToString("yyyy-MM-ddTHH:mm"))).StatusCode);
        var scheduled = await LoadAsync(id);
        Assert.Equal(AnnouncementStatus.Scheduled, scheduled.Status);
        // 09:00 in Bogotá (UTC-5, no summer time) is 14:00 UTC.
        Assert.Equal(WorkshopTime.ToUtc(local, WorkshopTime.Zone("America/Bogota")), scheduled.ScheduledFor);
        Assert.Equal(local.AddHours(5), scheduled.ScheduledFor!.Value.UtcDateTime);
        Assert.Contains("(America/Bogota time)", await (await client.GetAsync(url)).BodyAsync());

        var past = await Schedule(DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-ddTHH:mm"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, past.StatusCode);
        Assert.Contains("Choose a time in the future", await past.BodyAsync());
        var garbage = await Schedule("next tuesday");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, garbage.StatusCode);
        Assert.Contains("Give the date and time", await garbage.BodyAsync());
        Assert.Equal(scheduled.ScheduledFor, (await LoadAsync(id)).ScheduledFor);

        var cancel = await client.PostFormAsync(url + "?handler=Cancel", new() { ["version"] = (await LoadAsync(id)).UpdatedAt.UtcTicks.ToString() }, url);
        Assert.Equal(HttpStatusCode.Redirect, cancel.StatusCode);
        var draft = await LoadAsync(id);
        Assert.Equal((AnnouncementStatus.Draft, (DateTimeOffset?)null), (draft.Status, draft.ScheduledFor));
        Assert.Equal(0, await app.WithDb(db => db.OutboxMessages.CountAsync(m => m.CampaignId == id)));
    }

    [Fact]
    public async Task Its_page_shows_every_status_change_with_who_made_it()
    {
        var workshop = await app.AddWorkshopAsync("hist-" + Guid.NewGuid().ToString("N")[..6], zone: "America/Bogota");
        var organiser = await app.CreateUserAsync(Roles.Organiser);
        var client = await app.SignInAsync(organiser);
        var id = await ComposeAsync(client, Fields("History", "Hello", workshop.Id, pasted: Unique("hist")));
        var url = $"/organise/announcements/{id}";
        var at = DateTime.UtcNow.AddDays(3).Date.AddHours(9).ToString("yyyy-MM-ddTHH:mm");
        await client.PostFormAsync(url + "?handler=Schedule", new() { ["version"] = (await LoadAsync(id)).UpdatedAt.UtcTicks.ToString(), ["sendAt"] = at }, url);
        await client.PostFormAsync(url + "?handler=Cancel", new() { ["version"] = (await LoadAsync(id)).UpdatedAt.UtcTicks.ToString() }, url);

        var changes = await app.WithDb(db => db.StatusChanges.AsNoTracking().Where(c => c.Entity == "Announcement" && c.EntityId == id).OrderBy(c => c.Id).ToListAsync());
        Assert.Equal(["→Draft", "Draft→Scheduled", "Scheduled→Draft"], changes.Select(c => $"{c.From}→{c.To}"));
        Assert.All(changes, c => Assert.Equal(organiser.Id, c.ByUserId));

        var page = System.Net.WebUtility.HtmlDecode(await (await client.GetAsync(url)).BodyAsync());
        Assert.Contains("When (America/Bogota)", page);
        Assert.Contains("written as a draft", page);
        Assert.Contains("draft → scheduled", page);
        Assert.Contains("scheduled → draft", page);
        Assert.Contains(organiser.DisplayName, page);
    }

    [Fact]
    public async Task A_time_the_clocks_skip_is_refused()
    {
        var workshop = await app.AddWorkshopAsync("gap-" + Guid.NewGuid().ToString("N")[..6], zone: "Europe/Madrid");
        var client = await app.BrowserAs(Roles.Organiser);
        var id = await ComposeAsync(client, Fields("Gap", "Hello", workshop.Id, pasted: Unique("gap")));
        var url = $"/organise/announcements/{id}";
        // Europe moves its clocks forward at 02:00 on the last Sunday of March.
        var year = DateTime.UtcNow.Year + 1;
        var sunday = new DateTime(year, 3, 31);
        while (sunday.DayOfWeek != DayOfWeek.Sunday) sunday = sunday.AddDays(-1);
        var response = await client.PostFormAsync(url + "?handler=Schedule",
            new() { ["version"] = (await LoadAsync(id)).UpdatedAt.UtcTicks.ToString(), ["sendAt"] = sunday.AddHours(2.5).ToString("yyyy-MM-ddTHH:mm") }, url);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("the clocks skip it", await response.BodyAsync());
        Assert.Equal(AnnouncementStatus.Draft, (await LoadAsync(id)).Status);
    }

    [Fact]
    public async Task Nobody_to_send_to_is_refused_and_a_draft_can_be_deleted()
    {
        var gone = Unique("gone");
        await app.WithDb(async db =>
        {
            db.EmailSuppressions.Add(EmailSuppression.Of(gone, DateTimeOffset.UtcNow));
            return await db.SaveChangesAsync();
        });
        var client = await app.BrowserAs(Roles.Organiser);
        var id = await ComposeAsync(client, Fields("Nobody", "Hello", pasted: gone));
        var url = $"/organise/announcements/{id}";
        var version = (await LoadAsync(id)).UpdatedAt.UtcTicks.ToString();
        var send = await client.PostFormAsync(url + "?handler=SendNow", new() { ["version"] = version, ["confirmed"] = "true" }, url);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, send.StatusCode);
        Assert.Contains("Nobody would receive it", await send.BodyAsync());

        var delete = await client.PostFormAsync(url + "?handler=Delete", new() { ["version"] = version }, url);
        Assert.Equal("/organise/announcements", delete.Headers.Location!.ToString());
        Assert.False(await app.WithDb(db => db.Announcements.AnyAsync(a => a.Id == id)));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(url + "/progress")).StatusCode);
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in()
    {
        var organiser = await app.CreateUserAsync(Roles.Organiser);
        var a = await app.AnnouncementAsync("Hidden", "Hello", null, AnnouncementData.To(subscribers: true), organiser.Id);
        foreach (var url in new[] { "/organise/announcements", "/organise/announcements/new", $"/organise/announcements/{a.Id}", $"/organise/announcements/{a.Id}/progress" })
        {
            var response = await app.Browser().GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/account/signin", response.Headers.Location!.ToString());
        }
    }

    [Theory]
    [InlineData(Roles.Member)]
    [InlineData(Roles.Reviewer)]
    public async Task Members_and_reviewers_can_neither_see_nor_send(string role)
    {
        var organiser = await app.CreateUserAsync(Roles.Organiser);
        var a = await app.AnnouncementAsync("Hidden", "Hello", null, AnnouncementData.To(pasted: Unique("hidden")), organiser.Id);
        var client = await app.BrowserAs(role);
        foreach (var url in new[] { "/organise/announcements", "/organise/announcements/new", $"/organise/announcements/{a.Id}", $"/organise/announcements/{a.Id}/progress" })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/account/access-denied", response.Headers.Location!.ToString());
        }
        // A valid antiforgery token from a page they may open, so only the authorisation stands in the way.
        foreach (var handler in new[] { "SendNow", "Test", "Delete" })
        {
            var post = await client.PostFormAsync($"/organise/announcements/{a.Id}?handler={handler}", new() { ["version"] = a.UpdatedAt.UtcTicks.ToString() }, "/account");
            Assert.Contains("/account/access-denied", post.Headers.Location!.ToString());
        }
        var pause = await client.PostFormAsync($"/organise/announcements/{a.Id}/progress?handler=Pause", new(), "/account");
        Assert.Contains("/account/access-denied", pause.Headers.Location!.ToString());
        var stored = await LoadAsync(a.Id);
        Assert.Equal(AnnouncementStatus.Draft, stored.Status);
        Assert.Equal(0, await app.WithDb(db => db.OutboxMessages.CountAsync(m => m.Reference.StartsWith(a.Id.ToString("N")) || m.CampaignId == a.Id)));
    }
}
