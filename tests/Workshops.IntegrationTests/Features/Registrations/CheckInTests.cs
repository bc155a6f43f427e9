using System.Net;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Domain.Accounts;
using Workshops.Core.Domain.Registrations;
using Workshops.IntegrationTests.Support;

namespace Workshops.IntegrationTests.Features.Registrations;

public sealed class CheckInTests(AppFactory app) : IClassFixture<AppFactory>
{
    /// <summary>An admitted participant of a workshop months ahead, or of one on today (<paramref name="today"/>).</summary>
    private async Task<(Core.Domain.Workshops.Workshop Workshop, AppUser User, HttpClient Client, Guid Id, string Code)> AdmittedAsync(bool today = false)
    {
        var workshop = await app.AddWorkshopAsync($"c-{Guid.NewGuid():N}"[..20], startsLocal: today ? DateTime.UtcNow.Date.AddDays(-1).AddHours(9) : null);
        var setup = await app.AddRegistrationAsync(workshop, RegistrationMode.FirstCome, closesLocal: today ? DateTime.UtcNow.Date.AddDays(2) : null);
        var user = await app.CreateUserAsync();
        var client = await app.SignInAsync(user);
        await client.PostFormAsync($"/workshops/{workshop.Slug}/register", RegistrationData.RegistrationFields(setup, workshop, user));
        var id = await app.WithDb(db => db.Registrations.Where(r => r.UserId == user.Id).Select(r => r.Id).SingleAsync());
        return (workshop, user, client, id, CheckInCode.For(setup, id));
    }

    [Fact]
    public async Task The_admitted_participant_sees_their_code_and_the_door_checks_it_in_once()
    {
        var (workshop, user, client, id, code) = await AdmittedAsync();
        var page = await (await client.GetAsync($"/registrations/{id}")).BodyAsync();
        Assert.Contains(code, page);
        Assert.Contains("data:image/png;base64,", page);

        var door = await app.BrowserAs(Roles.Organiser);
        var url = $"/organise/workshops/{workshop.Id}/checkin";
        // Months before the workshop: the door asks first, and nothing happens until it is told to go ahead.
        var early = await door.PostFormAsync(url, new() { ["Code"] = code });
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        var question = WebUtility.HtmlDecode(await early.BodyAsync());
        Assert.Contains("Not checked in yet", question);
        Assert.Contains("today is not one of its days", question);
        Assert.Contains("Check in anyway", question);
        Assert.Equal(RegistrationStatus.Admitted, await app.WithDb(db => db.Registrations.Where(r => r.Id == id).Select(r => r.Status).SingleAsync()));
        Assert.False(await app.WithDb(db => db.OutboxMessages.AnyAsync(m => m.To == user.Email && m.Kind == "registration-checked-in")));

        var first = await door.PostFormAsync(url, new() { ["Code"] = code.ToLowerInvariant().Replace("-", " "), ["anyway"] = "true" });
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var welcome = WebUtility.HtmlDecode(await first.BodyAsync());
        Assert.Contains($"Welcome: {user.DisplayName}", welcome);
        Assert.Contains("1 of 1", welcome);
        Assert.Equal(RegistrationStatus.CheckedIn, await app.WithDb(db => db.Registrations.Where(r => r.Id == id).Select(r => r.Status).SingleAsync()));
        await app.Mail.WaitForAsync(user.Email!, "Welcome to");

        var second = await door.PostFormAsync(url, new() { ["Code"] = code });
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains("Already checked in", await second.BodyAsync());
    }

    [Fact]
    public async Task During_the_workshop_the_door_checks_in_at_once()
    {
        var (workshop, user, _, id, code) = await AdmittedAsync(today: true);
        var door = await app.BrowserAs(Roles.Organiser);
        var response = await door.PostFormAsync($"/organise/workshops/{workshop.Id}/checkin", new() { ["Code"] = code });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"Welcome: {user.DisplayName}", WebUtility.HtmlDecode(await response.BodyAsync()));
        Assert.Equal(RegistrationStatus.CheckedIn, await app.WithDb(db => db.Registrations.Where(r => r.Id == id).Select(r => r.Status).SingleAsync()));
    }

    [Fact]
    public async Task An_unknown_code_or_one_of_another_workshop_is_refused()
    {
        var (workshop, _, _, _, _) = await AdmittedAsync();
        var (_, _, _, otherId, otherCode) = await AdmittedAsync();
        var door = await app.BrowserAs(Roles.Organiser);
        foreach (var code in new[] { "ZZZZZ-ZZZZZ", otherCode, "" })
        {
            var response = await door.PostFormAsync($"/organise/workshops/{workshop.Id}/checkin", new() { ["Code"] = code });
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            Assert.Contains("No admitted participant of this workshop has the code", WebUtility.HtmlDecode(await response.BodyAsync()));
        }
        Assert.Equal(RegistrationStatus.Admitted, await app.WithDb(db => db.Registrations.Where(r => r.Id == otherId).Select(r => r.Status).SingleAsync()));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(Roles.Member)]
    [InlineData(Roles.Reviewer)]
    public async Task Only_organisers_check_people_in(string? role)
    {
        var (workshop, _, _, id, code) = await AdmittedAsync();
        var client = await app.BrowserAs(role);
        var response = await client.GetAsync($"/organise/workshops/{workshop.Id}/checkin");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var post = await client.PostAsync($"/organise/workshops/{workshop.Id}/checkin", new FormUrlEncodedContent([new("Code", code)]));
        Assert.True((int)post.StatusCode is >= 300 and < 500);
        Assert.Equal(RegistrationStatus.Admitted, await app.WithDb(db => db.Registrations.Where(r => r.Id == id).Select(r => r.Status).SingleAsync()));
    }
}
