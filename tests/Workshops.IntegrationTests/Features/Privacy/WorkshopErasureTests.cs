using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Workshops.Core.Data;
using Workshops.Core.Domain.Accounts;
using Workshops.Core.Domain.Registrations;
using Workshops.Core.Email;
using Workshops.Core.Jobs;
using Workshops.Core.Privacy;
using Workshops.IntegrationTests.Support;

namespace Workshops.IntegrationTests.Features.Privacy;

/// <summary>Organisers erase a workshop's personal data kind by kind, and the daily job erases what is past its time; the counts stay.</summary>
public sealed class WorkshopErasureTests(AppFactory app) : IClassFixture<AppFactory>
{
    /// <summary>What the statistics count: registrations by status, track and country.</summary>
    private Task<string> StatisticsAsync(Guid workshopId) => app.WithDb(async db =>
        string.Join(",", (await db.Registrations.Where(r => r.WorkshopId == workshopId).Select(r => new { r.Status, r.TrackId, r.Country }).ToListAsync())
            .Select(r => $"{r.Status}/{r.TrackId}/{r.Country}").Order()));

    private async Task CheckInAsync(Guid registrationId) => await app.WithDb(async db =>
    {
        var r = await db.Registrations.SingleAsync(x => x.Id == registrationId);
        var now = DateTimeOffset.UtcNow;
        db.StatusChanges.Add(r.MoveTo(RegistrationStatus.Admitted, null, now));
        db.StatusChanges.Add(r.MoveTo(RegistrationStatus.CheckedIn, null, now));
        return await db.SaveChangesAsync();
    });

    private async Task<RetentionResult> RetainAsync(TimeSpan later)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow + later);
        var db = services.GetRequiredService<AppDbContext>();
        var job = new RetentionJob(db, new WorkshopEraser(db, clock), services.GetRequiredService<PrivacySettingsStore>(), clock, NullLogger<RetentionJob>.Instance);
        return await job.Run(default);
    }

    [Fact]
    public async Task An_organiser_sees_what_a_workshop_holds_and_erases_it_kind_by_kind_while_the_counts_stay()
    {
        var e = await app.EverythingAsync();
        await CheckInAsync(e.OttoRegistration);
        // Someone at another workshop, whose emails are no business of this one.
        var elsewhere = await app.AddWorkshopAsync("elsewhere-" + Guid.NewGuid().ToString("N")[..8]);
        var (stranger, _, _) = await app.AdmitAsync(elsewhere, await app.AddRegistrationAsync(elsewhere), "Ines Stranger");
        await app.DrainOutboxAsync();
        var before = await StatisticsAsync(e.Workshop.Id);
        var organiser = await app.BrowserAs(Roles.Organiser);
        // Answers may go at any time; the rest once the workshop is over.
        var early = $"/organise/workshops/{e.Workshop.Id}/data/erase/nationalities";
        Assert.Equal(HttpStatusCode.Conflict, (await organiser.PostFormAsync(early, [], early)).StatusCode);
        Assert.Equal("Atlantean", await app.WithDb(db => db.Registrations.Where(r => r.Id == e.JaneRegistration).Select(r => r.PassportNationality).SingleAsync()));
        await EndedAsync(e.Workshop.Id);

        var page = await organiser.GetStringAsync($"/organise/workshops/{e.Workshop.Id}/data");
        Assert.Contains("Answers to questions", page);
        Assert.Contains("Nationalities and visa letters", page);
        var confirm = await organiser.GetStringAsync($"/organise/workshops/{e.Workshop.Id}/data/erase/answers");
        Assert.Contains("This erases 2 items", confirm);
        Assert.Equal(2, await app.WithDb(db => db.Registrations.Where(r => r.WorkshopId == e.Workshop.Id).CountAsync(r => r.Answers.Count > 0)));

        foreach (var kind in new[] { "answers", "nationalities", "checkins", "emaillogs" })
        {
            var url = $"/organise/workshops/{e.Workshop.Id}/data/erase/{kind}";
            var response = await organiser.PostFormAsync(url, [], url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        var registrations = await app.WithDb(db => db.Registrations.Where(r => r.WorkshopId == e.Workshop.Id).ToListAsync());
        Assert.All(registrations, r => Assert.Empty(r.Answers));
        Assert.All(registrations, r => Assert.Null(r.PassportNationality));
        Assert.All(registrations, r => Assert.Null(r.CheckedInAt));
        Assert.Equal(RegistrationStatus.CheckedIn, registrations.Single(r => r.Id == e.OttoRegistration).Status);
        Assert.False(await app.WithDb(db => db.OutboxMessages.AnyAsync(m => m.Reference.StartsWith(e.JaneRegistration.ToString()))));
        Assert.Equal(e.JaneName, registrations.Single(r => r.Id == e.JaneRegistration).Name);
        Assert.Equal(before, await StatisticsAsync(e.Workshop.Id));
        var log = await app.WithDb(db => db.ErasureRecords.Where(r => r.WorkshopId == e.Workshop.Id).ToListAsync());
        Assert.Equal([PersonalDataKind.Answers, PersonalDataKind.Nationalities, PersonalDataKind.CheckIns, PersonalDataKind.EmailLogs], log.Select(r => r.Kind).Order());
        Assert.All(log, r => Assert.False(r.Automatic));
        Assert.Contains("Test Organiser", await organiser.GetStringAsync($"/organise/workshops/{e.Workshop.Id}/data"));
        // The admins' log names them too, beside the workshop.
        var adminLog = await (await app.BrowserAs(Roles.Admin)).GetStringAsync("/admin/privacy");
        Assert.Contains("Test Organiser", adminLog);
        Assert.Contains(e.Workshop.Title.ToString(), adminLog);
        Assert.True(await app.WithDb(db => db.OutboxMessages.AnyAsync(m => m.To == stranger.Email)), "Another workshop's emails stay.");
    }

    private Task EndedAsync(Guid workshopId) => app.WithDb(db => db.Workshops.Where(w => w.Id == workshopId)
        .ExecuteUpdateAsync(s => s.SetProperty(w => w.StartsAt, DateTimeOffset.UtcNow.AddDays(-10)).SetProperty(w => w.EndsAt, DateTimeOffset.UtcNow.AddDays(-5))));

    [Fact]
    public async Task The_participant_list_stays_until_the_workshop_is_over()
    {
        var e = await app.EverythingAsync();
        var organiser = await app.BrowserAs(Roles.Organiser);
        var url = $"/organise/workshops/{e.Workshop.Id}/data/erase/participantlist";

        var response = await organiser.PostFormAsync(url, [], url);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("once the workshop is over", await response.BodyAsync());
        Assert.Equal(e.JaneName, await app.WithDb(db => db.Registrations.Where(r => r.Id == e.JaneRegistration).Select(r => r.Name).SingleAsync()));
        Assert.False(await app.WithDb(db => db.ErasureRecords.AnyAsync(r => r.WorkshopId == e.Workshop.Id)));
    }

    [Fact]
    public async Task After_the_workshop_the_participant_list_becomes_deleted_participants_with_the_same_counts()
    {
        var e = await app.EverythingAsync();
        await EndedAsync(e.Workshop.Id);
        var before = await StatisticsAsync(e.Workshop.Id);
        var organiser = await app.BrowserAs(Roles.Organiser);
        var url = $"/organise/workshops/{e.Workshop.Id}/data/erase/participantlist";

        Assert.Equal(HttpStatusCode.Redirect, (await organiser.PostFormAsync(url, [], url)).StatusCode);

        var registrations = await app.WithDb(db => db.Registrations.Where(r => r.WorkshopId == e.Workshop.Id).ToListAsync());
        Assert.All(registrations, r => Assert.Equal(Erasure.Label, r.Name));
        Assert.All(registrations, r => Assert.DoesNotContain("example.org", r.Email));
        Assert.Equal(before, await StatisticsAsync(e.Workshop.Id));
        Assert.Contains("Deleted participant", await organiser.GetStringAsync($"/organise/workshops/{e.Workshop.Id}/registrations"));
    }

    [Theory]
    [InlineData(null, "/account/signin")]
    [InlineData(Roles.Member, "/account/access-denied")]
    [InlineData(Roles.Reviewer, "/account/access-denied")]
    public async Task Only_organisers_see_or_erase_a_workshops_data(string? role, string sentTo)
    {
        var e = await app.EverythingAsync();
        var browser = await app.BrowserAs(role);

        var page = await browser.GetAsync($"/organise/workshops/{e.Workshop.Id}/data");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains(sentTo, page.Headers.Location!.ToString());
        // With a valid form token, as a page of their own gives them: the refusal is the role's, not the token's.
        var erase = await browser.PostFormAsync($"/organise/workshops/{e.Workshop.Id}/data/erase/answers", [], role is null ? "/account/signin" : "/account");
        Assert.Equal(HttpStatusCode.Redirect, erase.StatusCode);
        Assert.Contains(sentTo, erase.Headers.Location!.ToString());
        Assert.Equal(2, await app.WithDb(db => db.Registrations.Where(r => r.WorkshopId == e.Workshop.Id).CountAsync(r => r.Answers.Count > 0)));
    }

    [Fact]
    public async Task An_unknown_kind_or_workshop_is_not_found()
    {
        var e = await app.EverythingAsync();
        var organiser = await app.BrowserAs(Roles.Organiser);

        Assert.Equal(HttpStatusCode.NotFound, (await organiser.GetAsync($"/organise/workshops/{e.Workshop.Id}/data/erase/securitylog")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await organiser.GetAsync($"/organise/workshops/{e.Workshop.Id}/data/erase/everything")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await organiser.GetAsync($"/organise/workshops/{Guid.NewGuid()}/data")).StatusCode);
    }

    [Fact]
    public async Task The_daily_job_erases_what_is_past_its_time_and_nothing_sooner()
    {
        var e = await app.EverythingAsync();
        await app.DrainOutboxAsync();
        var before = await StatisticsAsync(e.Workshop.Id);
        // An announcement's email that failed may be resent: it keeps its text however old it is.
        var resendable = await app.WithDb(db => db.OutboxMessages.Where(m => m.To == e.Otto.Email).Select(m => m.Id).FirstAsync());
        await app.WithDb(db => db.OutboxMessages.Where(m => m.Id == resendable)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Failed).SetProperty(m => m.CampaignId, Guid.NewGuid())));

        // The workshop starts in 90 days and lasts a few: a hundred days on, it ended days ago, within its periods; the
        // emails sent today are past their 90 days.
        var first = await RetainAsync(TimeSpan.FromDays(100));
        Assert.Equal("Atlantean", await app.WithDb(db => db.Registrations.Where(r => r.Id == e.JaneRegistration).Select(r => r.PassportNationality).SingleAsync()));
        Assert.True(first.Erased[PersonalDataKind.EmailBodies] > 0);
        Assert.Equal("", await app.WithDb(db => db.OutboxMessages.Where(m => m.To == e.Jane.Email && m.Status == OutboxStatus.Sent).Select(m => m.TextBody).FirstAsync()));
        Assert.NotEqual("", await app.WithDb(db => db.OutboxMessages.Where(m => m.To == e.Jane.Email && m.Status == OutboxStatus.Sent).Select(m => m.Subject).FirstAsync()));
        Assert.NotEqual("", await app.WithDb(db => db.OutboxMessages.Where(m => m.Id == resendable).Select(m => m.TextBody).SingleAsync()));

        // Two hundred days on, the nationalities are past their 90 days and the answers are not past their year.
        var later = await RetainAsync(TimeSpan.FromDays(200));
        Assert.True(later.Erased[PersonalDataKind.Nationalities] >= 2);
        var registration = await app.WithDb(db => db.Registrations.SingleAsync(r => r.Id == e.JaneRegistration));
        Assert.Null(registration.PassportNationality);
        Assert.NotEmpty(registration.Answers);

        await RetainAsync(TimeSpan.FromDays(500));
        Assert.Empty((await app.WithDb(db => db.Registrations.SingleAsync(r => r.Id == e.JaneRegistration))).Answers);
        Assert.Equal(before, await StatisticsAsync(e.Workshop.Id));
        var log = await app.WithDb(db => db.ErasureRecords.Where(r => r.WorkshopId == e.Workshop.Id).ToListAsync());
        Assert.Contains(log, r => r.Kind == PersonalDataKind.Nationalities && r.Automatic);
        Assert.Contains(log, r => r.Kind == PersonalDataKind.Answers && r.Automatic);
    }
}
