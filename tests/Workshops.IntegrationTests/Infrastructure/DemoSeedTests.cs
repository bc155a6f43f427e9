using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workshops.Core.Accounts;
using Workshops.Core.Domain.Proposals;
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
        Assert.Equal(11, await SeedAsync()); // three workshops, five sessions, three workshop proposals
        Assert.Equal(0, await SeedAsync());

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
}
