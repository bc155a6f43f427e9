using System.Net;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Domain.Accounts;
using Workshops.Core.Domain.Registrations;
using Workshops.Core.Domain.Workshops;
using Workshops.IntegrationTests.Support;

namespace Workshops.IntegrationTests.Features.Registrations;

/// <summary>People waiting while seats are free: the organisers see it, and offer the seats with one confirmed click.</summary>
public sealed class SeatOfferTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static string List(Workshop w) => $"/organise/workshops/{w.Id}/registrations";

    private async Task<(Workshop Workshop, List<(string Email, Guid Id)> Waiting)> WaitingWhileFreeAsync(int people, int? totalSeats = null)
    {
        var workshop = await app.AddWorkshopAsync($"o-{Guid.NewGuid():N}"[..20]);
        var setup = await app.AddRegistrationAsync(workshop, totalSeats: totalSeats);
        var waiting = new List<(string, Guid)>();
        for (var i = 0; i < people; i++)
        {
            var user = await app.CreateUserAsync();
            var client = await app.SignInAsync(user);
            var fields = RegistrationData.RegistrationFields(setup, workshop, user);
            fields[$"Input.Answers[{setup.Questions[0].Id}]"] = "Biocache";
            Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync($"/workshops/{workshop.Slug}/register", fields)).StatusCode);
            var id = await app.WithDb(async db =>
            {
                var r = await db.Registrations.SingleAsync(x => x.UserId == user.Id);
                db.StatusChanges.Add(r.MoveTo(RegistrationStatus.Waitlisted, null, DateTimeOffset.UtcNow.AddMinutes(i)));
                await db.SaveChangesAsync();
                return r.Id;
            });
            waiting.Add((user.Email!, id));
        }
        return (workshop, waiting);
    }

    [Fact]
    public async Task Free_seats_are_offered_to_the_waiting_list_after_a_last_look()
    {
        // The total leaves two seats: the first two waiting get them, the third keeps waiting.
        var (workshop, waiting) = await WaitingWhileFreeAsync(3, totalSeats: 2);
        var organiser = await app.BrowserAs(Roles.Organiser);
        var list = WebUtility.HtmlDecode(await organiser.GetStringAsync(List(workshop)));
        Assert.Contains("2 seats are free while people wait.", list);
        Assert.DoesNotContain("offered by itself", list);

        var look = await organiser.PostFormAsync($"{List(workshop)}?handler=OfferSeats", new(), List(workshop));
        Assert.Equal(HttpStatusCode.OK, look.StatusCode);
        var page = WebUtility.HtmlDecode(await look.BodyAsync());
        var from = page.IndexOf("Admit 2 people from the waiting list?", StringComparison.Ordinal);
        Assert.True(from > 0, "The last look names how many are admitted.");
        var preview = page[from..page.IndexOf("Yes, admit them and email them", from, StringComparison.Ordinal)];
        Assert.Contains(waiting[0].Email, preview);
        Assert.Contains(waiting[1].Email, preview);
        Assert.DoesNotContain(waiting[2].Email, preview);
        // The last look changes nothing.
        Assert.False(await app.WithDb(db => db.Registrations.AnyAsync(r => r.WorkshopId == workshop.Id && r.Status == RegistrationStatus.Admitted)));

        var done = await organiser.PostFormAsync($"{List(workshop)}?handler=OfferSeats", new() { ["confirmed"] = "true" }, List(workshop));
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var statuses = await app.WithDb(db => db.Registrations.Where(r => r.WorkshopId == workshop.Id).ToDictionaryAsync(r => r.Id, r => r.Status));
        Assert.Equal(RegistrationStatus.Admitted, statuses[waiting[0].Id]);
        Assert.Equal(RegistrationStatus.Admitted, statuses[waiting[1].Id]);
        Assert.Equal(RegistrationStatus.Waitlisted, statuses[waiting[2].Id]);
        await app.Mail.WaitForAsync(waiting[0].Email, "You have a seat");
        Assert.DoesNotContain("free while people wait", WebUtility.HtmlDecode(await organiser.GetStringAsync(List(workshop))));
    }

    [Fact]
    public async Task Offering_with_no_free_seat_says_so_and_admits_nobody()
    {
        var (workshop, waiting) = await WaitingWhileFreeAsync(2, totalSeats: 1);
        // The only seat went to the second person, admitted by hand; the first keeps waiting.
        await app.WithDb(async db =>
        {
            var r = await db.Registrations.SingleAsync(x => x.Id == waiting[1].Id);
            db.StatusChanges.Add(r.MoveTo(RegistrationStatus.Admitted, null, DateTimeOffset.UtcNow));
            return await db.SaveChangesAsync();
        });
        var organiser = await app.BrowserAs(Roles.Organiser);
        Assert.DoesNotContain("free while people wait", WebUtility.HtmlDecode(await organiser.GetStringAsync(List(workshop))));

        var response = await organiser.PostFormAsync($"{List(workshop)}?handler=OfferSeats", new() { ["confirmed"] = "true" }, List(workshop));
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("No seat is free for anyone waiting now; nobody was admitted.", WebUtility.HtmlDecode(await response.BodyAsync()));
        Assert.Equal(RegistrationStatus.Waitlisted, await app.WithDb(db => db.Registrations.Where(r => r.Id == waiting[0].Id).Select(r => r.Status).SingleAsync()));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(Roles.Member)]
    [InlineData(Roles.Reviewer)]
    public async Task Only_organisers_offer_seats(string? role)
    {
        var (workshop, waiting) = await WaitingWhileFreeAsync(1);
        var client = await app.BrowserAs(role);
        var response = await client.PostAsync($"{List(workshop)}?handler=OfferSeats", new FormUrlEncodedContent([new("confirmed", "true")]));
        Assert.True((int)response.StatusCode is >= 300 and < 500);
        Assert.Equal(RegistrationStatus.Waitlisted, await app.WithDb(db => db.Registrations.Where(r => r.Id == waiting[0].Id).Select(r => r.Status).SingleAsync()));
    }

    [Fact]
    public async Task Staging_comes_back_to_the_same_filtered_list()
    {
        var (workshop, waiting) = await WaitingWhileFreeAsync(1);
        var organiser = await app.BrowserAs(Roles.Organiser);
        var response = await organiser.PostFormAsync($"{List(workshop)}?handler=Stage&status=Waitlisted&country=Colombia",
            new() { ["selected"] = waiting[0].Id.ToString(), ["decision"] = "Admit" }, $"{List(workshop)}?status=Waitlisted&country=Colombia");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"{List(workshop)}?status=Waitlisted&country=Colombia#registrations-list", response.Headers.Location!.ToString());
    }
}
