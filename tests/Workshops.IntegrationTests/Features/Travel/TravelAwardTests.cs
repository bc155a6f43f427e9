using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workshops.Core.Domain.Accounts;
using Workshops.Core.Domain.Registrations;
using Workshops.Core.Domain.Travel;
using Workshops.Core.Domain.Workshops;
using Workshops.IntegrationTests.Support;
using Workshops.Web.Features.Travel;

namespace Workshops.IntegrationTests.Features.Travel;

public sealed class TravelAwardTests(AppFactory app) : IClassFixture<AppFactory>
{
    private async Task<(Workshop Workshop, RegistrationSetup Setup, TravelFund Fund)> FundAsync(decimal budget = 10_000m)
    {
        var workshop = await app.AddWorkshopAsync($"tx-{Guid.NewGuid():N}"[..20]);
        var setup = await app.AddRegistrationAsync(workshop, RegistrationMode.FirstCome);
        return (workshop, setup, await app.AddTravelFundAsync(workshop, budget: budget));
    }

    private async Task<(TravelApplication Application, HttpClient Client, Guid Registration)> ApplicantAsync(Workshop workshop, RegistrationSetup setup, TravelFund fund,
        string name, decimal travel = 900m, decimal lodging = 400m)
    {
        var (_, client, id) = await app.AdmitAsync(workshop, setup, name);
        return (await app.ApplyAsync(fund, id, travel, lodging), client, id);
    }

    private static string Decide(Workshop workshop, TravelApplication application) => $"/organise/workshops/{workshop.Id}/travel/{application.Id}";

    private static async Task<HttpResponseMessage> StageAsync(HttpClient organiser, Workshop workshop, TravelApplication application, string decision,
        string travel = "", string lodging = "")
    {
        var form = (await BrowserForm.LoadAsync(organiser, Decide(workshop, application))).With("Decision", decision);
        if (travel.Length > 0) form = form.With("Award[Travel]", travel);
        if (lodging.Length > 0) form = form.With("Award[Lodging]", lodging);
        return await form.PostAsync(organiser);
    }

    private static Task<HttpResponseMessage> ReleaseAsync(HttpClient organiser, Workshop workshop) =>
        organiser.PostFormAsync($"/organise/workshops/{workshop.Id}/travel?handler=Release", new() { ["confirmed"] = "true" }, $"/organise/workshops/{workshop.Id}/travel");

    private Task<long> CommittedAsync(TravelFund fund) => app.WithDb(db => db.TravelFunds.Where(f => f.Id == fund.Id).Select(f => f.CommittedMinor).SingleAsync());

    [Fact]
    public async Task An_organiser_awards_in_part_stages_and_releases_and_the_applicant_is_emailed()
    {
        var (workshop, setup, fund) = await FundAsync();
        var (ana, client, registration) = await ApplicantAsync(workshop, setup, fund, "Ana Souza");
        var (bruno, _, _) = await ApplicantAsync(workshop, setup, fund, "Bruno Costa");
        var organiser = await app.BrowserAs(Roles.Organiser);

        Assert.Equal(HttpStatusCode.Redirect, (await StageAsync(organiser, workshop, ana, "Award", travel: "700", lodging: "0")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await StageAsync(organiser, workshop, bruno, "NotFunded")).StatusCode);
        // Staged, nothing has happened: no money held, nobody told.
        Assert.Equal(0, await CommittedAsync(fund));
        Assert.Equal(TravelStatus.Submitted, (await app.ApplicationOfAsync(registration))!.Status);
        var board = WebUtility.HtmlDecode(await (await organiser.GetAsync($"/organise/workshops/{workshop.Id}/travel")).BodyAsync());
        Assert.Contains("2 staged decisions", board);
        Assert.Contains("staged: 700.00\u00A0EUR", board);

        var preview = WebUtility.HtmlDecode(await (await organiser.PostFormAsync($"/organise/workshops/{workshop.Id}/travel?handler=Release", [], $"/organise/workshops/{workshop.Id}/travel")).BodyAsync());
        Assert.Contains("Release 2 decisions?", preview);
        Assert.Contains("“Travel support: awarded”", preview);
        Assert.Equal(HttpStatusCode.Redirect, (await ReleaseAsync(organiser, workshop)).StatusCode);

        var awarded = (await app.ApplicationOfAsync(registration))!;
        Assert.Equal((TravelStatus.Awarded, 70_000L), (awarded.Status, awarded.HeldMinor));
        Assert.Equal((70_000L, 0L), (awarded.Costs.Single(c => c.Kind == CostKind.Travel).AwardedMinor!.Value, awarded.Costs.Single(c => c.Kind == CostKind.Lodging).AwardedMinor!.Value));
        Assert.Equal(70_000L, await CommittedAsync(fund));
        Assert.Equal(TravelStatus.NotFunded, (await app.WithDb(db => db.TravelApplications.AsNoTracking().SingleAsync(a => a.Id == bruno.Id))).Status);
        var email = await app.WithDb(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Reference.StartsWith($"{ana.Id}-Awarded")));
        Assert.Contains("700.00\u00A0EUR", email.TextBody);
        Assert.Contains("GBIF Capacity Enhancement Support Programme", email.TextBody);
        Assert.Contains("Keep your receipts", email.TextBody);
        Assert.True(await app.WithDb(db => db.OutboxMessages.AnyAsync(m => m.Reference.StartsWith($"{bruno.Id}-NotFunded"))));
        Assert.Contains("travel|awarded".Split('|')[1], WebUtility.HtmlDecode(await (await client.GetAsync($"/registrations/{registration}/travel")).BodyAsync()));
    }

    [Theory]
    [InlineData("-5", "cannot be below zero")]
    [InlineData("5000", "is more than was asked for (900.00\u00A0EUR)")]
    [InlineData("lots", "Write the award for “Travel (flights, trains, buses)” as an amount in EUR")]
    [InlineData("0", "Give an amount for at least one cost")]
    public async Task A_bad_award_is_refused_with_a_message_and_nothing_is_staged(string travel, string message)
    {
        var (workshop, setup, fund) = await FundAsync();
        var (ana, _, _) = await ApplicantAsync(workshop, setup, fund, "Ana Souza");
        var response = await StageAsync(await app.BrowserAs(Roles.Organiser), workshop, ana, "Award", travel: travel, lodging: "0");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains(message, Forms.Errors(await response.BodyAsync()));
        Assert.Equal(TravelDecision.None, (await app.WithDb(db => db.TravelApplications.AsNoTracking().SingleAsync(a => a.Id == ana.Id))).Staged);
    }

    [Fact]
    public async Task An_award_beyond_the_budget_is_refused_with_the_amount_it_overruns()
    {
        var (workshop, setup, fund) = await FundAsync(budget: 1000m);
        var (ana, _, _) = await ApplicantAsync(workshop, setup, fund, "Ana Souza");
        var (bruno, _, _) = await ApplicantAsync(workshop, setup, fund, "Bruno Costa");
        var organiser = await app.BrowserAs(Roles.Organiser);
        Assert.Equal(HttpStatusCode.Redirect, (await StageAsync(organiser, workshop, ana, "Award", travel: "800", lodging: "0")).StatusCode);

        var refused = await StageAsync(organiser, workshop, bruno, "Award", travel: "300", lodging: "0");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("This award is beyond the budget by 100.00\u00A0EUR: 200.00\u00A0EUR is left once the other staged awards are released.", Forms.Errors(await refused.BodyAsync()));
        Assert.Equal(TravelDecision.None, (await app.WithDb(db => db.TravelApplications.AsNoTracking().SingleAsync(a => a.Id == bruno.Id))).Staged);
    }

    /// <summary>A scope that looks like a request, so the awards can make the links they email.</summary>
    private AsyncServiceScope RequestScope()
    {
        var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>().HttpContext =
            new DefaultHttpContext { RequestServices = scope.ServiceProvider, Request = { Scheme = "https", Host = new HostString("workshops.test") } };
        return scope;
    }

    [Fact]
    public async Task Organisers_awarding_at_once_never_overrun_the_budget()
    {
        var (workshop, setup, fund) = await FundAsync(budget: 1000m);
        var applications = new List<TravelApplication>();
        for (var i = 0; i < 8; i++) applications.Add((await ApplicantAsync(workshop, setup, fund, $"Applicant {i}")).Application);
        // Each staged at 300 EUR behind the staging check, as if eight organisers had staged them at the same moment.
        await app.WithDb(async db =>
        {
            var stored = await db.TravelFunds.AsNoTracking().SingleAsync(f => f.Id == fund.Id);
            foreach (var a in await db.TravelApplications.Where(a => a.FundId == fund.Id).ToListAsync())
                a.Stage(TravelDecision.Award, new Dictionary<CostKind, long> { [CostKind.Travel] = 30_000 }, stored, DateTimeOffset.UtcNow);
            return await db.SaveChangesAsync();
        });

        var results = await Task.WhenAll(applications.Select(a => Task.Run(async () =>
        {
            await using var scope = RequestScope();
            return await scope.ServiceProvider.GetRequiredService<TravelAwards>().MoveAsync(a.Id, TravelStatus.Awarded, null, default);
        })));

        Assert.Equal(3, results.Count(r => r.Succeeded));
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Contains("is beyond the budget by 200.00\u00A0EUR", r.Error));
        Assert.Equal(90_000L, await CommittedAsync(fund));
        var statuses = await app.WithDb(db => db.TravelApplications.Where(a => a.FundId == fund.Id).Select(a => a.Status).ToListAsync());
        Assert.Equal(3, statuses.Count(s => s == TravelStatus.Awarded));
        Assert.Equal(5, statuses.Count(s => s == TravelStatus.Submitted));
    }

    [Fact]
    public async Task A_cancelled_registration_gives_its_award_back_and_the_reserve_list_gets_it_in_order()
    {
        var (workshop, setup, fund) = await FundAsync(budget: 1000m);
        var (ana, anaClient, anaRegistration) = await ApplicantAsync(workshop, setup, fund, "Ana Souza");
        var (bruno, _, _) = await ApplicantAsync(workshop, setup, fund, "Bruno Costa");
        var (carla, _, _) = await ApplicantAsync(workshop, setup, fund, "Carla Díaz");
        var (dan, _, _) = await ApplicantAsync(workshop, setup, fund, "Dan Okoro");
        var organiser = await app.BrowserAs(Roles.Organiser);
        Assert.Equal(HttpStatusCode.Redirect, (await StageAsync(organiser, workshop, ana, "Award", travel: "600", lodging: "0")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await StageAsync(organiser, workshop, dan, "Award", travel: "300", lodging: "0")).StatusCode);
        // Bruno is first on the reserve list, but his 800 will not fit the 700 that comes back; Carla's 500 will.
        Assert.Equal(HttpStatusCode.Redirect, (await StageAsync(organiser, workshop, bruno, "Reserve", travel: "800", lodging: "0")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await StageAsync(organiser, workshop, carla, "Reserve", travel: "500", lodging: "0")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await ReleaseAsync(organiser, workshop)).StatusCode);
        Assert.Equal(90_000L, await CommittedAsync(fund));

        Assert.Equal(HttpStatusCode.Redirect, (await anaClient.PostFormAsync($"/registrations/{anaRegistration}?handler=Cancel", new() { ["confirmed"] = "true" })).StatusCode);

        Assert.Equal(TravelStatus.Cancelled, (await app.ApplicationOfAsync(anaRegistration))!.Status);
        var after = await app.WithDb(db => db.TravelApplications.AsNoTracking().Where(a => a.FundId == fund.Id).ToDictionaryAsync(a => a.Id));
        Assert.Equal(TravelStatus.Reserve, after[bruno.Id].Status);
        Assert.Equal((TravelStatus.Awarded, 50_000L), (after[carla.Id].Status, after[carla.Id].HeldMinor));
        Assert.Equal(80_000L, await CommittedAsync(fund));
        Assert.True(await app.WithDb(db => db.OutboxMessages.AnyAsync(m => m.Reference.StartsWith($"{carla.Id}-Awarded"))));
        var board = WebUtility.HtmlDecode(await (await organiser.GetAsync($"/organise/workshops/{workshop.Id}/travel")).BodyAsync());
        Assert.Contains("released with the registration", board);
    }

    [Fact]
    public async Task An_awardee_who_withdraws_gives_the_money_back()
    {
        var (workshop, setup, fund) = await FundAsync(budget: 1000m);
        var (ana, client, registration) = await ApplicantAsync(workshop, setup, fund, "Ana Souza");
        var organiser = await app.BrowserAs(Roles.Organiser);
        Assert.Equal(HttpStatusCode.Redirect, (await StageAsync(organiser, workshop, ana, "Award", travel: "800", lodging: "100")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await ReleaseAsync(organiser, workshop)).StatusCode);
        Assert.Equal(90_000L, await CommittedAsync(fund));

        var url = $"/registrations/{registration}/travel";
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync($"{url}?handler=Withdraw", new() { ["confirmed"] = "true" }, url)).StatusCode);

        Assert.Equal(TravelStatus.Withdrawn, (await app.ApplicationOfAsync(registration))!.Status);
        Assert.Equal(0L, await CommittedAsync(fund));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(Roles.Member)]
    [InlineData(Roles.Reviewer)]
    public async Task Only_organisers_decide_and_release(string? role)
    {
        var (workshop, setup, fund) = await FundAsync();
        var (ana, _, _) = await ApplicantAsync(workshop, setup, fund, "Ana Souza");
        var client = await app.BrowserAs(role);
        var page = await client.GetAsync(Decide(workshop, ana));
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains(role is null ? "/account/signin" : "/account/access-denied", page.Headers.Location!.ToString());
        var formPage = role is null ? "/account/signin" : "/account";
        var stage = await client.PostFormAsync(Decide(workshop, ana), new() { ["Decision"] = "Award", ["Award[Travel]"] = "900" }, formPage);
        Assert.True((int)stage.StatusCode is >= 300 and < 500);
        var release = await client.PostFormAsync($"/organise/workshops/{workshop.Id}/travel?handler=Release", new() { ["confirmed"] = "true" }, formPage);
        Assert.True((int)release.StatusCode is >= 300 and < 500);
        var stored = await app.WithDb(db => db.TravelApplications.AsNoTracking().SingleAsync(a => a.Id == ana.Id));
        Assert.Equal((TravelDecision.None, TravelStatus.Submitted), (stored.Staged, stored.Status));
    }
}
