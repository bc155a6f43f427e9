using System.Net;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Domain.Accounts;
using Workshops.Core.Privacy;
using Workshops.IntegrationTests.Support;

namespace Workshops.IntegrationTests.Features.Privacy;

/// <summary>Admins name the controller and the retention periods; the privacy notice shows them in each language.</summary>
public sealed class PrivacySettingsTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static Dictionary<string, string> Fields(string controller = "GBIF Secretariat, Universitetsparken 15, Copenhagen, privacy@gbif.example.org",
        string nationality = "60", string answers = "400", string bodies = "30", string log = "180") => new()
    {
        ["Controller"] = controller, ["NationalityDays"] = nationality, ["AnswersDays"] = answers, ["EmailBodyDays"] = bodies, ["SecurityLogDays"] = log,
    };

    [Fact]
    public async Task An_admin_sets_the_controller_and_the_periods_and_the_notice_shows_them_in_each_language()
    {
        var admin = await app.BrowserAs(Roles.Admin);

        var saved = await admin.PostFormAsync("/admin/privacy", Fields(), "/admin/privacy");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var notice = await app.Browser().GetStringAsync("/privacy");
        Assert.Contains("GBIF Secretariat", notice);
        Assert.Contains("60 days after the workshop ends", notice);
        Assert.Contains("400 days after the workshop ends", notice);
        Assert.Contains("30 days after sending", notice);
        var spanish = app.Browser();
        spanish.DefaultRequestHeaders.AcceptLanguage.ParseAdd("es");
        Assert.Contains("60 días", await spanish.GetStringAsync("/privacy"));
        var settings = await app.WithDb(db => db.PrivacySettings.SingleAsync());
        Assert.Equal((60, 400, 30, 180), (settings.NationalityDays, settings.AnswersDays, settings.EmailBodyDays, settings.SecurityLogDays));
        // The settings page and the form of a workshop name the site's controller.
        Assert.Contains("GBIF Secretariat", await admin.GetStringAsync("/admin/privacy"));
    }

    [Theory]
    [InlineData("0", "Keep it from 1 to 3,650 days.")]
    [InlineData("99999", "Keep it from 1 to 3,650 days.")]
    [InlineData("soon", "Keep it from 1 to 3,650 days.")]
    public async Task A_period_out_of_range_is_refused_and_nothing_is_saved(string days, string message)
    {
        var admin = await app.BrowserAs(Roles.Admin);
        var before = await app.WithDb(db => db.PrivacySettings.Select(s => s.NationalityDays).FirstOrDefaultAsync());

        var response = await admin.PostFormAsync("/admin/privacy", Fields(nationality: days), "/admin/privacy");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains(message, System.Net.WebUtility.HtmlDecode(await response.BodyAsync()));
        Assert.Equal(before, await app.WithDb(db => db.PrivacySettings.Select(s => s.NationalityDays).FirstOrDefaultAsync()));
    }

    [Fact]
    public async Task Two_admins_saving_at_once_do_not_overwrite_each_other()
    {
        var first = await app.BrowserAs(Roles.Admin);
        await first.PostFormAsync("/admin/privacy", Fields(), "/admin/privacy");
        var second = await app.BrowserAs(Roles.Admin);
        var stale = await BrowserForm.LoadAsync(second, "/admin/privacy");
        Assert.Equal(HttpStatusCode.Redirect, (await first.PostFormAsync("/admin/privacy", Fields(log: "200"), "/admin/privacy")).StatusCode);

        var response = await stale.PostAsync(second);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(200, await app.WithDb(db => db.PrivacySettings.Select(s => s.SecurityLogDays).SingleAsync()));
    }

    [Theory]
    [InlineData(null, "/account/signin")]
    [InlineData(Roles.Member, "/account/access-denied")]
    [InlineData(Roles.Organiser, "/account/access-denied")]
    public async Task Only_admins_change_the_privacy_settings(string? role, string sentTo)
    {
        var browser = await app.BrowserAs(role);
        var response = await browser.GetAsync("/admin/privacy");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains(sentTo, response.Headers.Location!.ToString());
        var posted = await browser.PostAsync("/admin/privacy", new FormUrlEncodedContent(Fields(nationality: "77")));
        Assert.True(posted.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.BadRequest, $"{posted.StatusCode}");
        Assert.NotEqual(77, await app.WithDb(db => db.PrivacySettings.Select(s => s.NationalityDays).FirstOrDefaultAsync()));
    }
}
