using System.Net;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Domain.Accounts;
using Workshops.Core.Domain.Registrations;
using Workshops.IntegrationTests.Support;

namespace Workshops.IntegrationTests.Features.Registrations;

public sealed class SetupTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static Dictionary<string, string> Fields(string closes = "") => new()
    {
        ["Input.OpensLocal"] = DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-ddTHH:mm"),
        ["Input.ClosesLocal"] = closes.Length > 0 ? closes : DateTime.UtcNow.AddDays(20).ToString("yyyy-MM-ddTHH:mm"),
        ["Input.Mode"] = "FirstCome",
        ["Input.TotalSeats"] = "40",
        ["Input.AutoPromote"] = "true",
        ["Input.PrivacyNotice"] = "We keep it for the workshop.",
        ["Input.Questions[0].Text"] = "T-shirt size",
        ["Input.Questions[0].Kind"] = "SingleChoice",
        ["Input.Questions[0].Choices"] = "S\nM\nL",
        ["Input.Questions[0].Required"] = "true",
    };

    [Fact]
    public async Task An_organiser_sets_up_registration_and_the_seat_counters_follow()
    {
        var workshop = await app.AddWorkshopAsync("2030-setup");
        var organiser = await app.BrowserAs(Roles.Organiser);
        var url = $"/organise/workshops/{workshop.Id}/registration";

        Assert.Equal(HttpStatusCode.Redirect, (await organiser.PostFormAsync(url, Fields())).StatusCode);

        var setup = await app.WithDb(db => db.RegistrationSetups.AsNoTracking().SingleAsync(s => s.WorkshopId == workshop.Id));
        Assert.Equal((RegistrationMode.FirstCome, 40), (setup.Mode, setup.TotalSeats));
        Assert.Equal(["S", "M", "L"], Assert.Single(setup.Questions).Options);
        Assert.Equal(3, await app.WithDb(db => db.SeatCounters.CountAsync(c => c.WorkshopId == workshop.Id))); // two tracks and the total
        Assert.Contains("Register", await (await app.Browser().GetAsync($"/workshops/{workshop.Slug}")).BodyAsync());

        var noTotal = Fields();
        noTotal["Input.TotalSeats"] = "";
        noTotal["Input.Questions[0].Id"] = setup.Questions[0].Id.ToString();
        Assert.Equal(HttpStatusCode.Redirect, (await organiser.PostFormAsync(url, noTotal)).StatusCode);
        // The workshop's counter stays without a total (it then has no limit), so a total set again starts from the right count.
        Assert.Equal(3, await app.WithDb(db => db.SeatCounters.CountAsync(c => c.WorkshopId == workshop.Id)));
        Assert.Null((await app.WithDb(db => db.RegistrationSetups.AsNoTracking().SingleAsync(s => s.WorkshopId == workshop.Id))).TotalSeats);
        var kept = await app.WithDb(db => db.RegistrationSetups.AsNoTracking().SingleAsync(s => s.WorkshopId == workshop.Id));
        Assert.Equal(setup.Questions[0].Id, Assert.Single(kept.Questions).Id);
    }

    [Theory]
    [InlineData("Input.Questions[0].Choices", "only one", "at least two choices")]
    [InlineData("Input.TotalSeats", "0", "The total is between 1 and 100,000 seats")]
    [InlineData("Input.ClosesLocal", "2020-01-01T00:00", "Registration must close after it opens.")]
    public async Task Bad_settings_are_refused_with_a_message_and_nothing_is_saved(string field, string value, string message)
    {
        var workshop = await app.AddWorkshopAsync($"s-{Guid.NewGuid():N}"[..20]);
        var fields = Fields();
        fields[field] = value;

        var response = await (await app.BrowserAs(Roles.Organiser)).PostFormAsync($"/organise/workshops/{workshop.Id}/registration", fields);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains(message, WebUtility.HtmlDecode(await response.BodyAsync()));
        Assert.False(await app.WithDb(db => db.RegistrationSetups.AnyAsync(s => s.WorkshopId == workshop.Id)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(Roles.Member)]
    [InlineData(Roles.Reviewer)]
    public async Task Only_organisers_set_up_registration(string? role)
    {
        var workshop = await app.AddWorkshopAsync($"o-{Guid.NewGuid():N}"[..20]);
        var client = await app.BrowserAs(role);
        var response = await client.GetAsync($"/organise/workshops/{workshop.Id}/registration");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains(role is null ? "/account/signin" : "/account/access-denied", response.Headers.Location!.ToString());
        var post = await client.PostAsync($"/organise/workshops/{workshop.Id}/registration", new FormUrlEncodedContent(Fields()));
        Assert.True((int)post.StatusCode is >= 300 and < 500);
        Assert.False(await app.WithDb(db => db.RegistrationSetups.AnyAsync(s => s.WorkshopId == workshop.Id)));
    }
}
