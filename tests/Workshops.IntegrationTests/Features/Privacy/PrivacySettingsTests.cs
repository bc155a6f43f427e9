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

    /// <summary>As the admin does: the page's form, with its version, filled in and sent.</summary>
    private static async Task<HttpResponseMessage> SaveAsync(HttpClient admin, Dictionary<string, string> fields)
    {
        var form = await BrowserForm.LoadAsync(admin, "/admin/privacy");
        foreach (var (key, value) in fields)
        {
            form.Fields.RemoveAll(f => f.Key == key);
            form.Fields.Add(new(key, value));
        }
        return await form.PostAsync(admin);
    }

    [Fact]
    public async Task An_admin_sets_the_controller_and_the_periods_and_the_notice_shows_them_in_each_language()
    {
        var admin = await app.BrowserAs(Roles.Admin);

        var saved = await SaveAsync(admin, Fields());

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
        Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync(admin, Fields(nationality: "61"))).StatusCode);
        var before = await app.WithDb(db => db.PrivacySettings.Select(s => s.NationalityDays).SingleAsync());

        var response = await SaveAsync(admin, Fields(nationality: days));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains(message, System.Net.WebUtility.HtmlDecode(await response.BodyAsync()));
        Assert.Equal(before, await app.WithDb(db => db.PrivacySettings.Select(s => s.NationalityDays).FirstOrDefaultAsync()));
    }

    [Fact]
    public async Task Two_admins_saving_at_once_do_not_overwrite_each_other()
    {
        var first = await app.BrowserAs(Roles.Admin);
        await SaveAsync(first, Fields());
        var second = await app.BrowserAs(Roles.Admin);
        var stale = await BrowserForm.LoadAsync(second, "/admin/privacy");
        Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync(first, Fields(log: "200"))).StatusCode);

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
        var posted = await browser.PostFormAsync("/admin/privacy", Fields(nationality: "77"), role is null ? "/account/signin" : "/account");
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Contains(sentTo, posted.Headers.Location!.ToString());
        Assert.NotEqual(77, await app.WithDb(db => db.PrivacySettings.Select(s => s.NationalityDays).FirstOrDefaultAsync()));
    }
}

/// <summary>On a site of its own, where nobody has saved the privacy settings yet.</summary>
public sealed class PrivacySettingsFirstSaveTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Two_admins_saving_the_first_settings_at_once_do_not_overwrite_each_other()
    {
        var first = await app.BrowserAs(Roles.Admin);
        var second = await app.BrowserAs(Roles.Admin);
        var a = await BrowserForm.LoadAsync(first, "/admin/privacy");
        var b = await BrowserForm.LoadAsync(second, "/admin/privacy");
        a.Fields.RemoveAll(f => f.Key == "NationalityDays");
        a.Fields.Add(new("NationalityDays", "45"));
        b.Fields.RemoveAll(f => f.Key == "NationalityDays");
        b.Fields.Add(new("NationalityDays", "50"));

        Assert.Equal(HttpStatusCode.Redirect, (await a.PostAsync(first)).StatusCode);
        var late = await b.PostAsync(second);

        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Equal(45, await app.WithDb(db => db.PrivacySettings.Select(s => s.NationalityDays).SingleAsync()));
    }
}

