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
        Assert.Equal(6, await SeedAsync()); // three workshops, three proposals
        Assert.Equal(0, await SeedAsync());

        var call = await app.WithDb(db => db.Calls.AsNoTracking().SingleAsync());
        Assert.True(call.IsOpen(DateTimeOffset.UtcNow));
        var statuses = await app.WithDb(db => db.Proposals.Select(p => p.Status).ToListAsync());
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
}
