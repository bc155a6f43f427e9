using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workshops.Core.Domain.Accounts;
using Workshops.IntegrationTests.Support;

namespace Workshops.IntegrationTests.Features.Admin;

public sealed class AdminTests(AppFactory app) : IClassFixture<AppFactory>
{
    public static TheoryData<string> AdminPages => new() { "/admin", "/admin/users", "/admin/jobs" };

    [Theory]
    [MemberData(nameof(AdminPages))]
    public async Task Anonymous_visitors_are_sent_to_sign_in(string url)
    {
        var response = await app.Browser().GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/signin", response.Headers.Location!.ToString());
    }

    [Theory]
    [InlineData(Roles.Member)]
    [InlineData(Roles.Reviewer)]
    [InlineData(Roles.Organiser)]
    public async Task Nobody_but_admins_gets_in(string role)
    {
        var client = await app.BrowserAs(role);
        foreach (var url in new[] { "/admin", "/admin/users", "/admin/jobs" })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/account/access-denied", response.Headers.Location!.ToString());
        }
    }

    [Theory]
    [MemberData(nameof(AdminPages))]
    public async Task Admins_see_the_admin_pages_and_the_job_dashboard(string url)
    {
        var client = await app.BrowserAs(Roles.Admin);
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Admin_dashboard_draws_the_outbox_counts()
    {
        var client = await app.BrowserAs(Roles.Admin);
        var html = await client.GetStringAsync("/admin");
        Assert.Contains("Email outbox", html);
        Assert.Contains("class=\"bar-fill", html);
        Assert.Contains("Queued", html);
    }

    [Fact]
    public async Task An_admin_gives_and_takes_roles()
    {
        var member = await app.CreateUserAsync();
        var client = await app.BrowserAs(Roles.Admin);

        var response = await client.PostFormAsync("/admin/users?handler=Roles",
            [new("userId", member.Id), new("roles", Roles.Member), new("roles", Roles.Organiser)], "/admin/users");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal([Roles.Member, Roles.Organiser], (await RolesOf(member.Id)).Order());

        await client.PostFormAsync("/admin/users?handler=Roles", [new("userId", member.Id), new("roles", Roles.Reviewer)], "/admin/users");
        Assert.Equal([Roles.Reviewer], await RolesOf(member.Id));
    }

    [Fact]
    public async Task Unknown_roles_and_removing_your_own_admin_role_are_refused()
    {
        var client = Browser();
        var admin = await app.CreateUserAsync(Roles.Admin);
        await client.PostFormAsync("/account/signin", new() { ["Input.Email"] = admin.Email!, ["Input.Password"] = AppFactory.Password });

        var unknown = await client.PostFormAsync("/admin/users?handler=Roles", [new("userId", admin.Id), new("roles", "Emperor")], "/admin/users");
        Assert.Equal(HttpStatusCode.Conflict, unknown.StatusCode);
        Assert.Contains("There is no role called Emperor.", await unknown.BodyAsync());

        var self = await client.PostFormAsync("/admin/users?handler=Roles", [new("userId", admin.Id), new("roles", Roles.Member)], "/admin/users");
        Assert.Equal(HttpStatusCode.Conflict, self.StatusCode);
        Assert.Contains(Roles.Admin, await RolesOf(admin.Id));
    }

    [Fact]
    public async Task A_role_change_applies_on_the_persons_next_page()
    {
        var member = await app.CreateUserAsync();
        var person = app.Browser();
        await person.PostFormAsync("/account/signin", new() { ["Input.Email"] = member.Email!, ["Input.Password"] = AppFactory.Password });
        Assert.Contains("/account/access-denied", (await person.GetAsync("/organise/workshops")).Headers.Location!.ToString());

        var admin = await app.BrowserAs(Roles.Admin);
        await admin.PostFormAsync("/admin/users?handler=Roles", [new("userId", member.Id), new("roles", Roles.Member), new("roles", Roles.Organiser)], "/admin/users");

        Assert.Equal(HttpStatusCode.OK, (await person.GetAsync("/organise/workshops")).StatusCode);
    }

    [Fact]
    public async Task Users_can_be_found_by_name_or_email()
    {
        var member = await app.CreateUserAsync(email: $"findme-{Guid.NewGuid():N}@example.org");
        var client = await app.BrowserAs(Roles.Admin);
        var html = await client.GetStringAsync("/admin/users?q=findme");
        Assert.Contains(member.Email!, html);
    }

    [Theory]
    [InlineData("Ελένη Παπαδοπούλου", "Ελένη")]
    [InlineData("Ελένη Παπαδοπούλου", "ελενη")]
    [InlineData("Maria da Conceição", "Conceição")]
    [InlineData("Maria da Conceição", "conceicao")]
    [InlineData("José Ramírez", "ramirez")]
    [InlineData("José Ramírez", "RAMÍREZ")]
    public async Task Users_are_found_by_name_whatever_its_accents_and_case(string name, string query)
    {
        var member = await app.CreateUserAsync(email: $"n-{Guid.NewGuid():N}@example.org");
        await app.WithDb(async db =>
        {
            (await db.Users.SingleAsync(u => u.Id == member.Id)).DisplayName = name + " " + member.Id[..8];
            return await db.SaveChangesAsync();
        });
        var client = await app.BrowserAs(Roles.Admin);
        var html = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync("/admin/users?q=" + Uri.EscapeDataString(query)));
        Assert.Contains(member.Email!, html);
    }

    [Fact]
    public async Task Accounts_made_before_names_were_searchable_are_folded_at_start()
    {
        var member = await app.CreateUserAsync(email: $"old-{Guid.NewGuid():N}@example.org");
        await app.WithDb(db => db.Users.Where(u => u.Id == member.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.DisplayName, "Conceição Antiga").SetProperty(x => x.SearchName, "")));

        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<Workshops.Web.Features.Account.AccountDesk>().FoldNamesAsync(default);

        Assert.Equal("conceicao antiga", await app.WithDb(db => db.Users.Where(u => u.Id == member.Id).Select(u => u.SearchName).SingleAsync()));
    }

    private HttpClient Browser() => app.Browser();

    private async Task<List<string>> RolesOf(string userId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        return (await users.GetRolesAsync((await users.FindByIdAsync(userId))!)).ToList();
    }
}
