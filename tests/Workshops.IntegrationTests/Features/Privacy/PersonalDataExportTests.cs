using System.Net;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Privacy;
using Workshops.IntegrationTests.Support;

namespace Workshops.IntegrationTests.Features.Privacy;

public sealed class PersonalDataExportTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task The_copy_holds_every_kind_of_record_of_a_person_who_did_everything_and_nothing_about_anyone_else()
    {
        var e = await app.EverythingAsync();

        var files = await app.DownloadDataAsync(e.JaneBrowser, e.Jane);

        Assert.Equal(["data.html", "data.json"], files.Keys.Order());
        var json = PrivacyData.Json(files);
        foreach (var part in new[] { "account", "security-log", "registrations", "history", "proposals", "co-speaking", "reviews", "materials", "speaking", "starred", "emails", "consents", "consent-texts" })
            Assert.True(json.GetProperty(part).GetArrayLength() > 0, $"The part {part} is empty.");
        Assert.Contains(e.JaneName, files["data.json"]);
        Assert.Contains("Atlantean", files["data.json"]);
        var registration = json.GetProperty("registrations")[0];
        Assert.Equal("Biocache", registration.GetProperty("answers")[0].GetProperty("value").GetString());
        Assert.Equal(e.Workshop.Title.ToString(), registration.GetProperty("workshop").GetString());
        Assert.Contains(json.GetProperty("emails").EnumerateArray(), m => m.GetProperty("subject").GetString()!.Length > 0 && !m.TryGetProperty("htmlBody", out _));
        // Otto shares her workshop, her sessions' programme and one of her proposals: none of it names him.
        foreach (var file in files.Values)
        {
            Assert.DoesNotContain(e.OttoName, file, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(e.Otto.Email!, file, StringComparison.OrdinalIgnoreCase);
        }
        Assert.DoesNotContain("PasswordHash", files["data.json"], StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(e.Otto.Id, files["data.json"]);
        // Who acted for the organisers, and decisions not yet released, are theirs to tell.
        Assert.DoesNotContain("\"byUserId\"", files["data.json"]);
        Assert.DoesNotContain("\"staged\"", files["data.json"]);
        Assert.DoesNotContain("\"decision\"", files["data.json"]);
        Assert.Contains("<h2 id=\"registrations\">Your registrations</h2>", files["data.html"]);
        Assert.Contains("Nationality (passport)", files["data.html"]);
        Assert.Contains(await app.WithDb(db => db.SecurityEvents.Where(s => s.UserId == e.Jane.Id).Select(s => s.Kind).ToListAsync()),
            k => k == Core.Domain.Accounts.SecurityEventKind.PersonalDataExported);
        // The email says it is ready, in words and with the link to the page.
        var ready = await app.WithDb(db => db.OutboxMessages.SingleAsync(m => m.Kind == Core.Jobs.ExportPersonalDataJob.ReadyKind && m.To == e.Jane.Email));
        Assert.Contains("http://localhost/account/data", ready.TextBody);
    }

    [Fact]
    public async Task The_page_shows_the_progress_and_the_download_only_to_its_owner_until_it_expires()
    {
        var e = await app.EverythingAsync();
        await app.DownloadDataAsync(e.JaneBrowser, e.Jane);
        var export = await app.WithDb(db => db.DataExports.SingleAsync(x => x.UserId == e.Jane.Id));
        Assert.Equal(export.Parts, export.PartsDone);
        var page = await e.JaneBrowser.GetStringAsync("/account/data");
        Assert.Contains("is ready", page);
        Assert.Contains("data-running=\"false\"", page);

        var link = $"/account/data?handler=Download&id={export.Id}";
        var otto = await app.SignInAsync(e.Otto);
        Assert.Equal(HttpStatusCode.NotFound, (await otto.GetAsync(link)).StatusCode);
        var anonymous = await app.Browser().GetAsync(link);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/account/signin", anonymous.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.NotFound, (await e.JaneBrowser.GetAsync($"/account/data?handler=Download&id={Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await e.JaneBrowser.GetAsync("/account/data?handler=Download&id=not-a-guid")).StatusCode);
    }

    [Fact]
    public async Task A_fourth_copy_in_a_day_is_refused_and_nothing_is_queued()
    {
        var user = await app.CreateUserAsync();
        var browser = await app.SignInAsync(user);
        await app.WithDb(async db =>
        {
            for (var i = 0; i < Web.Features.Account.DataModel.PerDay; i++)
            {
                var old = DataExport.Ask(user.Id, DateTimeOffset.UtcNow.AddHours(-1), TimeSpan.FromDays(7));
                old.Fail(DateTimeOffset.UtcNow);
                db.DataExports.Add(old);
            }
            return await db.SaveChangesAsync();
        });

        var response = await browser.PostFormAsync("/account/data", new Dictionary<string, string> { ["Password"] = AppFactory.Password }, "/account/data");

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Contains("Ask again tomorrow", await response.BodyAsync());
        Assert.Equal(Web.Features.Account.DataModel.PerDay, await app.WithDb(db => db.DataExports.CountAsync(x => x.UserId == user.Id)));
    }

    [Theory]
    [InlineData("", "Enter your password.")]
    [InlineData("not my password", "Your password is wrong.")]
    public async Task A_copy_is_prepared_only_with_the_password_again(string password, string message)
    {
        var user = await app.CreateUserAsync();
        var browser = await app.SignInAsync(user);

        var response = await browser.PostFormAsync("/account/data", new Dictionary<string, string> { ["Password"] = password }, "/account/data");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains(message, await response.BodyAsync());
        Assert.False(await app.WithDb(db => db.DataExports.AnyAsync(x => x.UserId == user.Id)));
    }

    [Fact]
    public async Task Strangers_are_sent_to_sign_in()
    {
        foreach (var page in new[] { "/account/data", "/account/delete" })
        {
            var response = await app.Browser().GetAsync(page);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/account/signin", response.Headers.Location!.ToString());
        }
    }
}
