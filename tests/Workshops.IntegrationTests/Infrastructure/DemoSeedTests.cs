using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workshops.Core.Domain.Accounts;
using Workshops.Core.Domain.Proposals;
using Workshops.Core.Domain.Registrations;
using Workshops.IntegrationTests.Support;
using Workshops.Web.Infrastructure;

namespace Workshops.IntegrationTests.Infrastructure;

public sealed class DemoSeedTests(AppFactory app) : IClassFixture<AppFactory>
{
    private async Task<int> SeedAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(default);
    }

    [Fact]
    public async Task The_demo_has_workshops_and_an_open_call_with_reviewed_proposals_and_a_second_run_adds_nothing()
    {
        // Three workshops, five sessions, eight registrations, three agendas, three workshop proposals,
        // for each past workshop eight slides, a recording and the participants' exercises, and the announcement that opened registration;
        // the community: thirteen installations, the About and Contact pages, a funded project, a past event and its attendee list;
        // and four applications for travel support on the upcoming workshop.
        Assert.Equal(65, await SeedAsync());
        Assert.Equal(0, await SeedAsync());
        Assert.Equal(13, await app.WithDb(db => db.Installations.CountAsync()));
        Assert.Equal(5, await app.WithDb(async db => (await db.Installations.Select(i => i.Status).ToListAsync()).Distinct().Count()));
        Assert.True(await app.WithDb(db => db.AttendeeLists.AnyAsync(l => l.IsPublic)));
        var home = await (await app.Browser().GetAsync("/")).BodyAsync();
        Assert.Contains("Living Atlases", home);
        Assert.Contains("id=\"home-map\"", home);

        var call = await app.WithDb(db => db.Calls.AsNoTracking().SingleAsync(c => c.Kind == CallKind.Workshops));
        Assert.True(call.IsOpen(DateTimeOffset.UtcNow));
        var statuses = await app.WithDb(db => db.Proposals.Where(p => p.CallId == call.Id).Select(p => p.Status).ToListAsync());
        Assert.Equal(2, statuses.Count(s => s == ProposalStatus.Submitted));
        Assert.Equal(1, statuses.Count(s => s == ProposalStatus.Draft));
        Assert.Equal(4, await app.WithDb(db => db.Reviews.CountAsync()));

        var organiser = await app.BrowserAs(Roles.Organiser);
        var board = await organiser.GetAsync($"/organise/calls/{call.Id}");
        Assert.Equal(HttpStatusCode.OK, board.StatusCode);
        var body = await board.BodyAsync();
        Assert.True(body.IndexOf("Lima", StringComparison.Ordinal) < body.IndexOf("Nairobi", StringComparison.Ordinal), "Lima scores higher");
        Assert.Contains("1 draft not yet submitted", body);

        // A newcomer's first look at an agenda is a clean one: the demo's upcoming workshop has no warnings.
        var upcoming = (await app.WithDb(db => db.Workshops.AsNoTracking().ToListAsync())).Where(w => w.StartsAt > DateTimeOffset.UtcNow).MinBy(w => w.StartsAt)!;
        Assert.Contains("no warnings", await organiser.GetStringAsync($"/organise/workshops/{upcoming.Id}"));

        // Travel support is open on it, with an award in part, a place on the reserve list and two applications to decide.
        var travel = await app.WithDb(db => db.TravelApplications.AsNoTracking().Where(a => a.WorkshopId == upcoming.Id).Select(a => a.Status).ToListAsync());
        Assert.Equal((1, 1, 2), (travel.Count(s => s == Core.Domain.Travel.TravelStatus.Awarded), travel.Count(s => s == Core.Domain.Travel.TravelStatus.Reserve),
            travel.Count(s => s == Core.Domain.Travel.TravelStatus.Submitted)));
        var fund = await app.WithDb(db => db.TravelFunds.AsNoTracking().SingleAsync(f => f.WorkshopId == upcoming.Id));
        Assert.True(fund.IsOpen(DateTimeOffset.UtcNow));
        Assert.True(fund.CommittedMinor > 0);
        Assert.Contains("Kofi Mensah", await organiser.GetStringAsync($"/organise/workshops/{upcoming.Id}/travel"));
    }

    [Fact]
    public async Task On_the_demo_an_organiser_makes_the_upcoming_workshops_packs_at_once_and_an_admitted_attendee_reads_theirs()
    {
        await SeedAsync();
        var upcoming = await app.WithDb(db => db.Workshops.AsNoTracking().Include(w => w.Tracks).OrderByDescending(w => w.StartsAt).FirstAsync());
        var organiser = await app.BrowserAs(Roles.Organiser);
        Assert.Equal(HttpStatusCode.Redirect, (await PackData.GenerateAsync(organiser, upcoming)).StatusCode);
        var run = await PackData.FinishedRunAsync(app, upcoming);
        Assert.Equal((3, 3), (run.Total, run.Done));
        var ana = await app.WithDb(db => db.Registrations.AsNoTracking().SingleAsync(r => r.WorkshopId == upcoming.Id && r.Name == "Ana Souza"));
        var pdf = await (await organiser.GetAsync($"/registrations/{ana.Id}/pack.pdf")).Content.ReadAsByteArrayAsync();
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        var cover = document.GetPage(1).Text.Replace(" ", "");
        Assert.Contains("AnaSouza", cover);
        Assert.Contains("USP-Visitante", cover);
        Assert.Contains("v2", cover);
        // Kofi and Ana agreed to be listed; Mei did not (she is in the agenda as a speaker, not in the list).
        var list = document.GetPages().Last().Text.Replace(" ", "");
        Assert.Contains("Participants", list);
        Assert.Contains("KofiMensah", list);
        Assert.DoesNotContain("MeiTanaka", list);
        var badges = await organiser.GetAsync($"/organise/workshops/{upcoming.Id}/packs?handler=Badges");
        using var sheet = UglyToad.PdfPig.PdfDocument.Open(await badges.Content.ReadAsByteArrayAsync());
        var names = sheet.GetPage(1).Text.Replace(" ", "");
        Assert.Contains("AnaSouza", names);
        Assert.Contains("KofiMensah", names);
        Assert.Contains("MeiTanaka", names);
    }

    [Fact]
    public async Task Every_demo_workshop_has_a_published_agenda_in_the_page_the_calendar_feed_and_the_schedule_json()
    {
        await SeedAsync();
        var workshops = await app.WithDb(db => db.Workshops.AsNoTracking().ToListAsync());
        var visitor = app.Browser();
        foreach (var w in workshops)
        {
            var page = WebUtility.HtmlDecode(await (await visitor.GetAsync($"/workshops/{w.Slug}/agenda")).BodyAsync());
            Assert.Contains("Version v2", page);
            Assert.Contains("Welcome and introductions", page);
            Assert.Contains("Room A", page);
            var ics = Ical.Net.Calendar.Load(await (await visitor.GetAsync($"/workshops/{w.Slug}/agenda.ics")).BodyAsync())!;
            Assert.True(ics.Events.Count > 20, $"{w.Slug}: {ics.Events.Count} events");
            var json = await (await visitor.GetAsync($"/workshops/{w.Slug}/agenda.json")).BodyAsync();
            Assert.Contains("\"Auditorium\"", json);
            // Conference apps check both against the c3voc validators before they show anything.
            Assert.Empty(ScheduleSchemas.JsonProblems(json));
            Assert.Empty(ScheduleSchemas.XmlProblems(await (await visitor.GetAsync($"/workshops/{w.Slug}/agenda.xml")).BodyAsync()));
            Assert.Contains("The restaurant could only take us at eight.", WebUtility.HtmlDecode(await (await visitor.GetAsync($"/workshops/{w.Slug}/agenda/changes")).BodyAsync()));
        }
        // The past workshops' slides are in the archive, found by words only inside the PDFs.
        var found = await (await visitor.GetAsync("/archive?q=learned")).BodyAsync();
        Assert.Contains("16 results", found);
        Assert.Contains("<mark>learned</mark>", found);
        var past = workshops.OrderBy(w => w.StartsAt).First();
        Assert.Contains("Download all files (ZIP)", await (await visitor.GetAsync($"/workshops/{past.Slug}/materials")).BodyAsync());
        // The upcoming workshop's two confirmed sessions are on its agenda.
        var upcoming = workshops.OrderBy(w => w.StartsAt).Last();
        Assert.Equal(2, await app.WithDb(db => db.AgendaItems.CountAsync(i => i.WorkshopId == upcoming.Id && i.ProposalId != null)));
    }

    [Fact]
    public async Task The_upcoming_workshop_has_a_decided_call_for_sessions_with_two_ready_for_the_agenda()
    {
        await SeedAsync();
        var sessions = await app.WithDb(db => db.Calls.AsNoTracking().SingleAsync(c => c.Kind == CallKind.Sessions));
        Assert.False(sessions.IsOpen(DateTimeOffset.UtcNow));
        var statuses = await app.WithDb(db => db.Proposals.Where(p => p.CallId == sessions.Id).Select(p => p.Status).ToListAsync());
        Assert.Equal(2, statuses.Count(s => s == ProposalStatus.Confirmed));
        Assert.Equal(1, statuses.Count(s => s == ProposalStatus.Accepted));

        var ready = await app.WithDb(db => new Workshops.Web.Features.Organise.Calls.ConfirmedSessions(db).ForWorkshopAsync(sessions.WorkshopId!.Value, default));
        Assert.Equal(2, ready.Count);
        Assert.Contains(ready, s => s.Speakers.Count == 2); // the tutorial's co-speaker confirmed
        var board = WebUtility.HtmlDecode(await (await (await app.BrowserAs(Roles.Organiser)).GetAsync($"/organise/calls/{sessions.Id}")).BodyAsync());
        Assert.Contains("1 accepted session waits", board);
        Assert.Contains("2 confirmed sessions, 2 hours in all", board);
    }

    [Fact]
    public async Task The_upcoming_workshop_takes_registrations_in_approval_mode_with_people_in_each_status()
    {
        await SeedAsync();
        var setup = await app.WithDb(db => db.RegistrationSetups.AsNoTracking().SingleAsync());
        Assert.Equal(RegistrationMode.Approval, setup.Mode);
        Assert.True(setup.IsOpen(DateTimeOffset.UtcNow));
        var statuses = await app.WithDb(db => db.Registrations.Select(r => r.Status).ToListAsync());
        Assert.Equal(3, statuses.Count(s => s == Workshops.Core.Domain.Registrations.RegistrationStatus.Admitted));
        Assert.Equal(5, statuses.Distinct().Count());
        Assert.Equal(3, await app.SeatsTakenAsync(await app.WithDb(db => db.Workshops.SingleAsync(w => w.Id == setup.WorkshopId)), Workshops.Core.Domain.Registrations.SeatCounter.Total));

        var list = WebUtility.HtmlDecode(await (await (await app.BrowserAs(Roles.Organiser)).GetAsync($"/organise/workshops/{setup.WorkshopId}/registrations")).BodyAsync());
        Assert.Contains("3 of 45", list);
        Assert.Contains("Registrations per day", list);
    }
}
