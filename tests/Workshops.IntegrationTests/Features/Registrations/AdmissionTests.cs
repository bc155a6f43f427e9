using System.Net;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Domain.Accounts;
using Workshops.Core.Domain.Registrations;
using Workshops.Core.Domain.Workshops;
using Workshops.IntegrationTests.Support;

namespace Workshops.IntegrationTests.Features.Registrations;

public sealed class AdmissionTests(AppFactory app) : IClassFixture<AppFactory>
{
    private Task<Workshop> WorkshopAsync() => app.AddWorkshopAsync($"a-{Guid.NewGuid():N}"[..20]);

    private async Task<(AppUser User, HttpClient Client, Guid Id)> RegisterAsync(Workshop workshop, RegistrationSetup setup, string country = "Colombia",
        string modules = "Biocache")
    {
        var user = await app.CreateUserAsync();
        var client = await app.SignInAsync(user);
        var fields = RegistrationData.RegistrationFields(setup, workshop, user);
        fields["Input.Country"] = country;
        fields[$"Input.Answers[{setup.Questions[0].Id}]"] = modules;
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync($"/workshops/{workshop.Slug}/register", fields)).StatusCode);
        var id = await app.WithDb(db => db.Registrations.Where(r => r.UserId == user.Id).Select(r => r.Id).SingleAsync());
        return (user, client, id);
    }

    private static string List(Workshop w) => $"/organise/workshops/{w.Id}/registrations";

    private static Task<HttpResponseMessage> StageAsync(HttpClient organiser, Workshop w, string decision, params Guid[] ids) =>
        organiser.PostFormAsync($"{List(w)}?handler=Stage", ids.Select(id => new KeyValuePair<string, string>("selected", id.ToString()))
            .Append(new("decision", decision)).ToList(), List(w));

    [Fact]
    public async Task The_registrations_dashboard_maps_where_the_registrants_come_from()
    {
        var workshop = await WorkshopAsync();
        var setup = await app.AddRegistrationAsync(workshop);
        await RegisterAsync(workshop, setup, "Colombia");
        await RegisterAsync(workshop, setup, "Colombia");
        await RegisterAsync(workshop, setup, "Benin");
        var organiser = await app.BrowserAs(Roles.Organiser);
        var page = WebUtility.HtmlDecode(await organiser.GetStringAsync(List(workshop)));
        Assert.Contains("id=\"registrants-map\"", page);
        Assert.Contains($"<a href=\"{List(workshop)}?country=CO\" aria-label=\"Colombia: 2 registrants\">", page);
        Assert.Contains("aria-label=\"Benin: 1 registrant\"", page);
    }

    [Fact]
    public async Task Staged_admissions_are_released_together_up_to_the_seats_and_the_rest_stay_staged()
    {
        var workshop = await WorkshopAsync();
        var setup = await app.AddRegistrationAsync(workshop, totalSeats: 2);
        var first = await RegisterAsync(workshop, setup);
        var second = await RegisterAsync(workshop, setup);
        var third = await RegisterAsync(workshop, setup);
        var organiser = await app.BrowserAs(Roles.Organiser);

        Assert.Equal(HttpStatusCode.Redirect, (await StageAsync(organiser, workshop, "Admit", first.Id, second.Id, third.Id)).StatusCode);
        // Staging tells nobody: no admission email is even queued yet.
        Assert.False(await app.WithDb(db => db.OutboxMessages.AnyAsync(m => m.Kind == "registration-admitted" && m.To == first.User.Email)));
        var release = await organiser.PostFormAsync($"{List(workshop)}?handler=Release", new() { ["confirmed"] = "true" }, List(workshop));

        Assert.Equal(HttpStatusCode.Conflict, release.StatusCode);
        var body = WebUtility.HtmlDecode(await release.BodyAsync());
        Assert.Contains("Released: 2 admitted", body);
        Assert.Contains("The workshop is full: all 2 seats are taken.", body);
        var statuses = await app.WithDb(db => db.Registrations.AsNoTracking().Where(r => r.WorkshopId == workshop.Id)
            .ToDictionaryAsync(r => r.Id, r => (r.Status, r.Staged)));
        Assert.Equal((RegistrationStatus.Admitted, StagedAdmission.None), statuses[first.Id]);
        Assert.Equal((RegistrationStatus.Admitted, StagedAdmission.None), statuses[second.Id]);
        Assert.Equal((RegistrationStatus.Submitted, StagedAdmission.Admit), statuses[third.Id]);
        await app.Mail.WaitForAsync(first.User.Email!, "You have a seat");
        await app.Mail.WaitForAsync(second.User.Email!, "You have a seat");
        Assert.Contains("2 of 2", WebUtility.HtmlDecode(await (await organiser.GetAsync(List(workshop))).BodyAsync()));
    }

    [Fact]
    public async Task The_waiting_list_email_and_page_say_why_one_waits()
    {
        // Seats free: waiting means the organisers have not decided, not that the track is full.
        var workshop = await WorkshopAsync();
        var setup = await app.AddRegistrationAsync(workshop);
        var carmen = await RegisterAsync(workshop, setup);
        var organiser = await app.BrowserAs(Roles.Organiser);
        await StageAsync(organiser, workshop, "Waitlist", carmen.Id);
        await organiser.PostFormAsync($"{List(workshop)}?handler=Release", new() { ["confirmed"] = "true" }, List(workshop));
        var email = (await app.Mail.WaitForAsync(carmen.User.Email!, "You are on the waiting list")).TextBody;
        Assert.Contains("Seats are still free: the organisers have put you on the waiting list while they decide", email);
        Assert.DoesNotContain("taken", email);
        var page = WebUtility.HtmlDecode(await (await carmen.Client.GetAsync($"/registrations/{carmen.Id}")).BodyAsync());
        Assert.Contains("Seats are still free", page);

        // A full track, first come first served: the receipt and the page say it is full, and what happens next.
        var full = await WorkshopAsync();
        var fullSetup = await app.AddRegistrationAsync(full, RegistrationMode.FirstCome, totalSeats: 1);
        await RegisterAsync(full, fullSetup);
        var waiting = await RegisterAsync(full, fullSetup);
        var receipt = (await app.Mail.WaitForAsync(waiting.User.Email!, "Your registration for")).TextBody;
        Assert.Contains("All seats are taken for now. When one frees up, it goes to the next person in line", receipt);
        Assert.Contains("All seats are taken for now", WebUtility.HtmlDecode(await (await waiting.Client.GetAsync($"/registrations/{waiting.Id}")).BodyAsync()));
    }

    [Fact]
    public async Task Releasing_first_lists_each_decision_and_its_email_and_tells_nobody()
    {
        var workshop = await WorkshopAsync();
        var setup = await app.AddRegistrationAsync(workshop);
        var ana = await RegisterAsync(workshop, setup);
        var ben = await RegisterAsync(workshop, setup);
        var organiser = await app.BrowserAs(Roles.Organiser);
        await StageAsync(organiser, workshop, "Admit", ana.Id);
        await StageAsync(organiser, workshop, "Decline", ben.Id);

        var look = await organiser.PostFormAsync($"{List(workshop)}?handler=Release", [], List(workshop));
        Assert.Equal(HttpStatusCode.OK, look.StatusCode);
        var page = WebUtility.HtmlDecode(await look.BodyAsync());
        Assert.Contains("Release 2 decisions?", page);
        Assert.Contains(ana.User.Email!, page);
        Assert.Contains("“Admitted”", page);
        Assert.Contains("“Not admitted”", page);
        Assert.Contains("Yes, release and email them", page);
        Assert.Equal(RegistrationStatus.Submitted, await app.WithDb(db => db.Registrations.Where(r => r.Id == ana.Id).Select(r => r.Status).SingleAsync()));
        Assert.False(await app.WithDb(db => db.OutboxMessages.AnyAsync(m => (m.To == ana.User.Email || m.To == ben.User.Email) && m.Kind != "registration-received")));
    }

    [Fact]
    public async Task When_an_admitted_participant_cancels_the_next_on_the_waiting_list_gets_the_seat()
    {
        var workshop = await WorkshopAsync();
        var setup = await app.AddRegistrationAsync(workshop, RegistrationMode.FirstCome, totalSeats: 1);
        var admitted = await RegisterAsync(workshop, setup);
        var waiting = await RegisterAsync(workshop, setup);
        Assert.Equal(RegistrationStatus.Waitlisted, await app.WithDb(db => db.Registrations.Where(r => r.Id == waiting.Id).Select(r => r.Status).SingleAsync()));

        Assert.Equal(HttpStatusCode.Redirect, (await admitted.Client.PostFormAsync($"/registrations/{admitted.Id}?handler=Cancel", new() { ["confirmed"] = "true" })).StatusCode);

        Assert.Equal(RegistrationStatus.Admitted, await app.WithDb(db => db.Registrations.Where(r => r.Id == waiting.Id).Select(r => r.Status).SingleAsync()));
        await app.Mail.WaitForAsync(waiting.User.Email!, "You have a seat");
        Assert.Equal(1, await app.SeatsTakenAsync(workshop, SeatCounter.Total));
    }

    [Fact]
    public async Task Cancelling_says_what_is_lost_and_asks_first()
    {
        var workshop = await WorkshopAsync();
        var setup = await app.AddRegistrationAsync(workshop, RegistrationMode.FirstCome, totalSeats: 1);
        var admitted = await RegisterAsync(workshop, setup);
        var waiting = await RegisterAsync(workshop, setup);

        var asked = await admitted.Client.PostFormAsync($"/registrations/{admitted.Id}?handler=Cancel", []);
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        var page = WebUtility.HtmlDecode(await asked.BodyAsync());
        Assert.Contains("Cancel your registration?", page);
        Assert.Contains("You give up your seat, and it goes at once to the next person on the waiting list", page);
        Assert.Contains("Yes, cancel my registration", page);
        Assert.Equal(RegistrationStatus.Admitted, await app.WithDb(db => db.Registrations.Where(r => r.Id == admitted.Id).Select(r => r.Status).SingleAsync()));
        Assert.Equal(RegistrationStatus.Waitlisted, await app.WithDb(db => db.Registrations.Where(r => r.Id == waiting.Id).Select(r => r.Status).SingleAsync()));

        var waitingAsked = WebUtility.HtmlDecode(await (await waiting.Client.PostFormAsync($"/registrations/{waiting.Id}?handler=Cancel", [])).BodyAsync());
        Assert.Contains("You leave the waiting list", waitingAsked);
    }

    [Fact]
    public async Task Without_automatic_promotion_a_freed_seat_waits_and_the_organisers_are_told()
    {
        var workshop = await WorkshopAsync();
        var setup = await app.AddRegistrationAsync(workshop, RegistrationMode.FirstCome, totalSeats: 1, autoPromote: false);
        var organiser = await app.CreateUserAsync(Roles.Organiser);
        var admitted = await RegisterAsync(workshop, setup);
        var waiting = await RegisterAsync(workshop, setup);

        Assert.Equal(HttpStatusCode.Redirect, (await admitted.Client.PostFormAsync($"/registrations/{admitted.Id}?handler=Cancel", new() { ["confirmed"] = "true" })).StatusCode);

        Assert.Equal(RegistrationStatus.Waitlisted, await app.WithDb(db => db.Registrations.Where(r => r.Id == waiting.Id).Select(r => r.Status).SingleAsync()));
        Assert.Equal(0, await app.SeatsTakenAsync(workshop, SeatCounter.Total));
        var email = (await app.Mail.WaitForAsync(organiser.Email!, "A seat came free")).TextBody;
        Assert.Contains(admitted.User.DisplayName, email);
        Assert.Contains("One person is waiting", email);
        Assert.Contains(List(workshop), email);
    }

    [Fact]
    public async Task The_waiting_list_is_shown_in_order_to_organisers_and_each_person_sees_their_place()
    {
        var workshop = await WorkshopAsync();
        var setup = await app.AddRegistrationAsync(workshop, RegistrationMode.FirstCome, totalSeats: 1);
        await RegisterAsync(workshop, setup);
        var second = await RegisterAsync(workshop, setup);
        var third = await RegisterAsync(workshop, setup);
        var organiser = await app.BrowserAs(Roles.Organiser);

        var list = WebUtility.HtmlDecode(await (await organiser.GetAsync(List(workshop))).BodyAsync());
        var waiting = list[list.IndexOf("Waiting lists", StringComparison.Ordinal)..];
        var (secondAt, thirdAt) = (waiting.IndexOf($"/registrations/{second.Id}", StringComparison.Ordinal), waiting.IndexOf($"/registrations/{third.Id}", StringComparison.Ordinal));
        Assert.True(secondAt >= 0 && secondAt < thirdAt, "the second registration comes first on the waiting list");
        Assert.Contains("You are number 2 on the waiting list of the Developers track",
            WebUtility.HtmlDecode(await (await third.Client.GetAsync($"/registrations/{third.Id}")).BodyAsync()));
        Assert.Contains("You are number 1 on the waiting list",
            WebUtility.HtmlDecode(await (await second.Client.GetAsync($"/registrations/{second.Id}")).BodyAsync()));
    }

    [Fact]
    public async Task Organisers_filter_by_status_country_and_answer()
    {
        var workshop = await WorkshopAsync();
        var setup = await app.AddRegistrationAsync(workshop);
        var chile = await RegisterAsync(workshop, setup, "Chile", "Collectory");
        var peru = await RegisterAsync(workshop, setup, "Peru", "Biocache");
        var organiser = await app.BrowserAs(Roles.Organiser);
        await StageAsync(organiser, workshop, "Decline", peru.Id);
        await organiser.PostFormAsync($"{List(workshop)}?handler=Release", new() { ["confirmed"] = "true" }, List(workshop));

        async Task<string> Page(string query) => await (await organiser.GetAsync(List(workshop) + query)).BodyAsync();
        var byCountry = await Page("?country=Chile");
        Assert.Contains($"/registrations/{chile.Id}", byCountry);
        Assert.DoesNotContain($"/registrations/{peru.Id}", byCountry);
        var byAnswer = await Page($"?question={setup.Questions[0].Id}&answer=biocache");
        Assert.Contains($"/registrations/{peru.Id}", byAnswer);
        Assert.DoesNotContain($"/registrations/{chile.Id}", byAnswer);
        var byStatus = await Page("?status=Declined");
        Assert.Contains($"/registrations/{peru.Id}", byStatus);
        Assert.DoesNotContain($"/registrations/{chile.Id}", byStatus);
        Assert.Contains("Registrations per day", await Page(""));
    }

    [Fact]
    public async Task Exports_carry_every_answer_in_csv_and_xlsx()
    {
        var workshop = await WorkshopAsync();
        var setup = await app.AddRegistrationAsync(workshop);
        var (user, _, _) = await RegisterAsync(workshop, setup, "Chile", "Collectory");
        var organiser = await app.BrowserAs(Roles.Organiser);

        var csv = await (await organiser.GetAsync($"{List(workshop)}?handler=Export&format=csv")).BodyAsync();
        Assert.Contains("Which modules do you run?", csv);
        Assert.Contains($"{user.Email},SiB Colombia,Chile,Developer,Developers,Submitted", csv);
        Assert.Contains("Collectory", csv);

        var xlsx = await organiser.GetAsync($"{List(workshop)}?handler=Export&format=xlsx");
        using var book = new XLWorkbook(await xlsx.Content.ReadAsStreamAsync());
        var sheet = book.Worksheet("Registrations");
        Assert.Equal("Which modules do you run?", sheet.Cell(1, 12).GetString());
        Assert.Equal("Collectory", sheet.Cell(2, 12).GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await organiser.GetAsync($"{List(workshop)}?handler=Export&format=pdf")).StatusCode);
    }

    [Fact]
    public async Task Staging_nothing_or_nonsense_is_refused()
    {
        var workshop = await WorkshopAsync();
        var setup = await app.AddRegistrationAsync(workshop);
        var (_, _, id) = await RegisterAsync(workshop, setup);
        var organiser = await app.BrowserAs(Roles.Organiser);

        var none = await StageAsync(organiser, workshop, "Admit");
        Assert.Equal(HttpStatusCode.Conflict, none.StatusCode);
        Assert.Contains("Tick at least one registration", await none.BodyAsync());
        Assert.Equal(HttpStatusCode.BadRequest, (await StageAsync(organiser, workshop, "Teleport", id)).StatusCode);
        var nothing = await organiser.PostFormAsync($"{List(workshop)}?handler=Release", new() { ["confirmed"] = "true" }, List(workshop));
        Assert.Equal(HttpStatusCode.Conflict, nothing.StatusCode);
        Assert.Equal(StagedAdmission.None, await app.WithDb(db => db.Registrations.Where(r => r.Id == id).Select(r => r.Staged).SingleAsync()));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(Roles.Member)]
    [InlineData(Roles.Reviewer)]
    public async Task Only_organisers_see_the_list_and_the_exports(string? role)
    {
        var workshop = await WorkshopAsync();
        var setup = await app.AddRegistrationAsync(workshop);
        var (_, _, id) = await RegisterAsync(workshop, setup);
        var client = await app.BrowserAs(role);
        foreach (var url in new[] { List(workshop), $"{List(workshop)}?handler=Export&format=csv" })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains(role is null ? "/account/signin" : "/account/access-denied", response.Headers.Location!.ToString());
        }
        var post = await client.PostAsync($"{List(workshop)}?handler=Stage", new FormUrlEncodedContent([new("selected", id.ToString()), new("decision", "Admit")]));
        Assert.True((int)post.StatusCode is >= 300 and < 500);
        Assert.Equal(StagedAdmission.None, await app.WithDb(db => db.Registrations.Where(r => r.Id == id).Select(r => r.Staged).SingleAsync()));
    }
}
