using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Workshops.Core.Domain.Accounts;
using Workshops.Core.Domain.Announcements;
using Workshops.Core.Domain.Registrations;
using Workshops.Core.Domain.Workshops;
using Workshops.Core.Email;
using Workshops.IntegrationTests.Support;

namespace Workshops.IntegrationTests.Features.Announcements;

/// <summary>Workshops' automatic reminders: each goes once at its moment to the people it is for, as organisers set it.</summary>
public sealed class ReminderTests(SmtpAppFactory app) : IClassFixture<SmtpAppFactory>
{
    private async Task<int> SweepAsync(FakeTimeProvider clock)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var planner = ActivatorUtilities.CreateInstance<ReminderPlanner>(scope.ServiceProvider, clock);
        var sweep = ActivatorUtilities.CreateInstance<ReminderSweep>(scope.ServiceProvider, clock, planner);
        return await sweep.RunAsync(default);
    }

    private async Task<Registration> AdmittedAsync(Workshop w, RegistrationSetup setup, string name)
    {
        var user = await app.CreateUserAsync();
        var r = await app.RegistrantAsync(w, setup, user, name);
        await app.WithDb(async db =>
        {
            var stored = await db.Registrations.FirstAsync(x => x.Id == r.Id);
            stored.MoveTo(RegistrationStatus.Admitted, null, DateTimeOffset.UtcNow);
            return await db.SaveChangesAsync();
        });
        return r;
    }

    [Fact]
    public async Task The_workshop_starting_reminder_goes_once_to_admitted_participants_with_a_calendar_file()
    {
        var w = await app.AddWorkshopAsync("remind-" + Guid.NewGuid().ToString("N")[..6]);
        var setup = await app.AddRegistrationAsync(w);
        var ana = await AdmittedAsync(w, setup, "Ana Souza");
        var gone = await AdmittedAsync(w, setup, "Gone Person");
        var waiting = await app.RegistrantAsync(w, setup, await app.CreateUserAsync(), "Still Waiting");
        await app.WithDb(async db =>
        {
            db.EmailSuppressions.Add(EmailSuppression.Of(gone.Email, DateTimeOffset.UtcNow));
            return await db.SaveChangesAsync();
        });
        var reference = ReminderPlanner.Reference(ReminderKind.WorkshopStarting, w.Id);
        Task<int> Rows() => app.WithDb(db => db.OutboxMessages.CountAsync(m => m.Kind == ReminderSweep.Kind && m.Reference == reference));

        var clock = new FakeTimeProvider(w.StartsAt.AddDays(-7).AddMinutes(-1));
        await SweepAsync(clock);
        Assert.Equal(0, await Rows());

        clock.Advance(TimeSpan.FromMinutes(2));
        await SweepAsync(clock);
        await SweepAsync(clock);
        Assert.Equal(1, await Rows());
        await app.DrainOutboxAsync();
        var mail = await app.Mail.WaitForAsync(ana.Email, $"{w.Title} starts in 7 days");
        Assert.Contains($"/workshops/{w.Slug}/agenda", mail.TextBody);
        Assert.Contains("Dear Ana,", mail.TextBody);
        Assert.NotNull(mail.Headers["List-Unsubscribe"]);
        var ics = Assert.Single(mail.Attachments.OfType<MimeKit.MimePart>());
        Assert.Equal($"{w.Slug}.ics", ics.FileName);
        using var content = new MemoryStream();
        await ics.Content!.DecodeToAsync(content);
        var calendar = Ical.Net.Calendar.Load(System.Text.Encoding.UTF8.GetString(content.ToArray()))!;
        Assert.Equal(w.Title, Assert.Single(calendar.Events).Summary);
        Assert.Equal(0, app.Mail.CountTo(gone.Email));
        Assert.Equal(0, app.Mail.CountTo(waiting.Email));

        // A reminder found more than a day late would say the wrong thing, so it does not go.
        var late = await app.AddWorkshopAsync("late-" + Guid.NewGuid().ToString("N")[..6]);
        var lateSetup = await app.AddRegistrationAsync(late);
        var lateAna = await AdmittedAsync(late, lateSetup, "Ana Late");
        await SweepAsync(new FakeTimeProvider(late.StartsAt.AddDays(-5)));
        Assert.False(await app.WithDb(db => db.OutboxMessages.AnyAsync(m => m.To == lateAna.Email && m.Kind == ReminderSweep.Kind)));

        // Past the start, a late sweep sends nothing more.
        clock.Advance(TimeSpan.FromDays(8));
        await SweepAsync(clock);
        Assert.Equal(1, await Rows());
    }

    [Fact]
    public async Task Registration_closing_reminds_subscribers_who_have_not_registered_and_a_switched_off_reminder_stays_quiet()
    {
        var w = await app.AddWorkshopAsync("closing-" + Guid.NewGuid().ToString("N")[..6]);
        var setup = await app.AddRegistrationAsync(w);
        var registered = await app.SubscriberAsync(name: "Registered Already");
        await app.RegistrantAsync(w, setup, registered, "Registered Already");
        var subscriber = await app.SubscriberAsync(name: "Kofi Mensah");

        var clock = new FakeTimeProvider(setup.ClosesAt.AddDays(-3).AddHours(1));
        await SweepAsync(clock);
        await app.DrainOutboxAsync();
        var mail = await app.Mail.WaitForAsync(subscriber.Email!, $"Registration for {w.Title} closes in 3 days");
        Assert.Contains($"/workshops/{w.Slug}/register", mail.HtmlBody);
        // Other workshops of this class close the same day, so only this workshop's reminder is looked for.
        var closing = ReminderPlanner.Reference(ReminderKind.RegistrationClosing, w.Id);
        Assert.False(await app.WithDb(db => db.OutboxMessages.AnyAsync(m => m.To == registered.Email && m.Reference == closing)));

        // Switched off by an organiser: the workshop starting sends nothing.
        var client = await app.BrowserAs(Roles.Organiser);
        var url = $"/organise/workshops/{w.Id}/reminders";
        var off = await client.PostFormAsync(url, new()
        {
            ["kind"] = "WorkshopStarting", ["version"] = "0", ["days"] = "7", ["subject"] = "See you soon", ["body"] = "Dear {first_name}, see {agenda_url}.",
        });
        Assert.Equal(HttpStatusCode.Redirect, off.StatusCode);
        var ana = await AdmittedAsync(w, setup, "Ana Quiet");
        var starting = new FakeTimeProvider(w.StartsAt.AddDays(-1));
        await SweepAsync(starting);
        Assert.Equal(0, await app.WithDb(db => db.OutboxMessages.CountAsync(m => m.To == ana.Email && m.Kind == ReminderSweep.Kind)));
        Assert.Contains("but it is switched off", await (await client.GetAsync(url)).BodyAsync());
    }

    [Fact]
    public async Task Organisers_change_the_wording_and_days_and_bad_input_is_refused_with_nothing_saved()
    {
        var w = await app.AddWorkshopAsync("wording-" + Guid.NewGuid().ToString("N")[..6]);
        var client = await app.BrowserAs(Roles.Organiser);
        var url = $"/organise/workshops/{w.Id}/reminders";
        var page = await (await client.GetAsync(url)).BodyAsync();
        Assert.Contains("Call for sessions closing", page);
        Assert.Contains("The workshop has no call for sessions", page);
        Assert.Contains("{agenda_url}", page);

        Dictionary<string, string> Form(string days, string subject, string body, string version = "0") => new()
        {
            ["kind"] = "WorkshopStarting", ["version"] = version, ["enabled"] = "true", ["days"] = days, ["subject"] = subject, ["body"] = body,
        };
        var saved = await client.PostFormAsync(url, Form("10", "{workshop_title} in {days} days", "Hello {first_name}: {agenda_url}"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var stored = await app.WithDb(db => db.Reminders.AsNoTracking().SingleAsync(r => r.WorkshopId == w.Id));
        Assert.Equal((true, 10, "{workshop_title} in {days} days"), (stored.Enabled, stored.Days, stored.Subject));
        Assert.Contains("goes " + Core.Time.WorkshopTime.ToLocal(w.StartsAt.AddDays(-10), Core.Time.WorkshopTime.Zone(w.TimeZoneId)).ToString("dddd d MMMM yyyy",
            System.Globalization.CultureInfo.InvariantCulture), await (await client.GetAsync(url)).BodyAsync());

        foreach (var (form, message) in new[]
        {
            (Form("5", "Hi", "See {materials_url}", stored.UpdatedAt.UtcTicks.ToString()), "{materials_url}"),
            (Form("500", "Hi", "Hello", stored.UpdatedAt.UtcTicks.ToString()), "between 1 and 90 days"),
            (Form("five", "Hi", "Hello", stored.UpdatedAt.UtcTicks.ToString()), "whole number"),
            (Form("5", "", "Hello", stored.UpdatedAt.UtcTicks.ToString()), "Give the reminder a subject"),
            (Form("5", "Hi", "Hello", "0"), "Someone changed"),
        })
        {
            var response = await client.PostFormAsync(url, form);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            Assert.Contains(message, Forms.Errors(await response.BodyAsync()));
        }
        var after = await app.WithDb(db => db.Reminders.AsNoTracking().SingleAsync(r => r.WorkshopId == w.Id));
        Assert.Equal((10, stored.Subject, stored.UpdatedAt), (after.Days, after.Subject, after.UpdatedAt));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/organise/workshops/{Guid.NewGuid()}/reminders")).StatusCode);
        var forged = Form("5", "Hi", "Hello", stored.UpdatedAt.UtcTicks.ToString());
        forged["kind"] = "Bogus";
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostFormAsync(url, forged)).StatusCode);
        Assert.Equal(10, (await app.WithDb(db => db.Reminders.AsNoTracking().SingleAsync(r => r.WorkshopId == w.Id))).Days);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(Roles.Member)]
    [InlineData(Roles.Reviewer)]
    public async Task Only_organisers_see_or_change_reminders(string? role)
    {
        var w = await app.AddWorkshopAsync("refused-" + Guid.NewGuid().ToString("N")[..6]);
        var client = await app.BrowserAs(role);
        var url = $"/organise/workshops/{w.Id}/reminders";
        var get = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, get.StatusCode);
        Assert.Contains(role is null ? "/account/signin" : "/account/access-denied", get.Headers.Location!.ToString());
        if (role is not null)
        {
            var post = await client.PostFormAsync(url, new() { ["kind"] = "WorkshopStarting", ["version"] = "0", ["days"] = "1", ["subject"] = "x", ["body"] = "y" }, "/account");
            Assert.Contains("/account/access-denied", post.Headers.Location!.ToString());
        }
        Assert.False(await app.WithDb(db => db.Reminders.AnyAsync(r => r.WorkshopId == w.Id)));
    }
}
