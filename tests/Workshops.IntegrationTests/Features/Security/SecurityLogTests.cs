using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workshops.Core.Domain.Accounts;
using Workshops.Core.Jobs;
using Workshops.IntegrationTests.Support;

namespace Workshops.IntegrationTests.Features.Security;

public sealed class SecurityLogTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Sign_ins_lockouts_and_role_changes_are_recorded_and_admins_read_and_filter_them()
    {
        var member = await app.CreateUserAsync();
        for (var i = 0; i < 5; i++)
            await app.Browser().PostFormAsync("/account/signin", new() { ["Input.Email"] = member.Email!, ["Input.Password"] = "a wrong password " + i });
        var admin = await app.CreateUserAsync(Roles.Admin);
        var adminClient = await app.SignInAsync(admin);
        await adminClient.PostFormAsync("/admin/users?handler=Roles", [new("userId", member.Id), new("roles", Roles.Member), new("roles", Roles.Reviewer)], "/admin/users");

        var kinds = await app.WithDb(db => db.SecurityEvents.Where(e => e.UserId == member.Id).Select(e => e.Kind).ToListAsync());
        Assert.Contains(SecurityEventKind.SignInFailed, kinds);
        Assert.Contains(SecurityEventKind.LockedOut, kinds);
        var given = await app.WithDb(db => db.SecurityEvents.SingleAsync(e => e.UserId == member.Id && e.Kind == SecurityEventKind.RoleGiven));
        Assert.Equal((admin.Id, Roles.Reviewer), (given.ActorId, given.Detail));
        Assert.Contains(SecurityEventKind.SignedIn, await app.WithDb(db => db.SecurityEvents.Where(e => e.UserId == admin.Id).Select(e => e.Kind).ToListAsync()));

        var page = await adminClient.GetStringAsync($"/admin/security-log?who={Uri.EscapeDataString(member.Email!)}&kind=LockedOut");
        Assert.Contains("Locked out after wrong passwords", page);
        Assert.DoesNotContain("Role given", page.Split("<tbody>")[1]);
        Assert.Contains("Refused sign-ins per day", page);
    }

    [Fact]
    public async Task Exporting_registrations_is_recorded()
    {
        var workshop = await app.AddWorkshopAsync($"log-{Guid.NewGuid():N}"[..20]);
        await app.AddRegistrationAsync(workshop);
        var organiser = await app.CreateUserAsync(Roles.Organiser);
        var client = await app.SignInAsync(organiser);

        var export = await client.GetAsync($"/organise/workshops/{workshop.Id}/registrations?handler=Export&format=csv");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);

        var logged = await app.WithDb(db => db.SecurityEvents.SingleAsync(e => e.ActorId == organiser.Id && e.Kind == SecurityEventKind.PersonalDataExported));
        Assert.Contains(workshop.Slug, logged.Detail);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(Roles.Member)]
    [InlineData(Roles.Reviewer)]
    [InlineData(Roles.Organiser)]
    public async Task Only_admins_read_the_log(string? role)
    {
        var response = await (await app.BrowserAs(role)).GetAsync("/admin/security-log");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Theory]
    [InlineData("?kind=NoSuchKind")]
    [InlineData("?from=yesterday")]
    [InlineData("?page=-4")]
    [InlineData("?to=9999-12-31")]
    public async Task Bad_filters_answer_a_4xx_or_the_page_not_a_5xx(string query)
    {
        var response = await (await app.BrowserAs(Roles.Admin)).GetAsync("/admin/security-log" + query);
        Assert.True((int)response.StatusCode < 500, response.StatusCode.ToString());
    }

    [Fact]
    public async Task Events_older_than_the_retention_are_forgotten_by_the_sweep()
    {
        var member = await app.CreateUserAsync();
        await app.WithDb(async db =>
        {
            db.SecurityEvents.Add(new SecurityEvent { At = DateTimeOffset.UtcNow.AddDays(-400), Kind = SecurityEventKind.SignedIn, UserId = member.Id });
            db.SecurityEvents.Add(new SecurityEvent { At = DateTimeOffset.UtcNow.AddDays(-10), Kind = SecurityEventKind.SignedOut, UserId = member.Id });
            return await db.SaveChangesAsync();
        });

        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<RetentionJob>().Run(default);

        var left = await app.WithDb(db => db.SecurityEvents.Where(e => e.UserId == member.Id).Select(e => e.Kind).ToListAsync());
        Assert.Equal([SecurityEventKind.SignedOut], left);
    }
}
