using System.Net;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Domain.Accounts;
using Workshops.Core.Domain.Registrations;
using Workshops.Core.Domain.Travel;
using Workshops.Core.Domain.Workshops;
using Workshops.IntegrationTests.Support;

namespace Workshops.IntegrationTests.Features.Travel;

/// <summary>The rules that keep the money true: what cannot change once it is decided, approved or paid.</summary>
public sealed class TravelRulesTests(AppFactory app) : IClassFixture<AppFactory>
{
    private async Task<(Workshop Workshop, RegistrationSetup Setup, TravelFund Fund, HttpClient Organiser)> FundAsync(decimal budget = 5000m,
        RegistrationMode mode = RegistrationMode.FirstCome)
    {
        var workshop = await app.AddWorkshopAsync($"tz-{Guid.NewGuid():N}"[..20]);
        var setup = await app.AddRegistrationAsync(workshop, mode);
        return (workshop, setup, await app.AddTravelFundAsync(workshop, budget: budget), await app.BrowserAs(Roles.Organiser));
    }

    private static async Task StageAsync(HttpClient organiser, Workshop workshop, TravelApplication application, string decision, string travel = "500")
    {
        var url = $"/organise/workshops/{workshop.Id}/travel/{application.Id}";
        var response = await (await BrowserForm.LoadAsync(organiser, url)).With("Decision", decision).With("Award[Travel]", travel).With("Award[Lodging]", "0").PostAsync(organiser);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private static async Task ReleaseAsync(HttpClient organiser, Workshop workshop) =>
        Assert.Equal(HttpStatusCode.Redirect, (await organiser.PostFormAsync($"/organise/workshops/{workshop.Id}/travel?handler=Release", new() { ["confirmed"] = "true" },
            $"/organise/workshops/{workshop.Id}/travel")).StatusCode);

    private Task<long> CommittedAsync(TravelFund fund) => app.WithDb(db => db.TravelFunds.Where(f => f.Id == fund.Id).Select(f => f.CommittedMinor).SingleAsync());

    [Fact]
    public async Task An_award_being_settled_is_neither_withdrawn_nor_given_back_by_a_cancellation()
    {
        var (workshop, setup, fund, organiser) = await FundAsync();
        var (_, client, registration) = await app.AdmitAsync(workshop, setup, "Ana Souza");
        var ana = await app.ApplyAsync(fund, registration);
        await StageAsync(organiser, workshop, ana, "Award", "800");
        await ReleaseAsync(organiser, workshop);
        var decide = $"/organise/workshops/{workshop.Id}/travel/{ana.Id}";
        Assert.Equal(HttpStatusCode.Redirect, (await (await BrowserForm.LoadAsync(organiser, decide, "Approve")).With("Approve[Travel]", "750").PostAsync(organiser)).StatusCode);
        Assert.Equal(75_000L, await CommittedAsync(fund));

        var url = $"/registrations/{registration}/travel";
        Assert.DoesNotContain("Withdraw my application", WebUtility.HtmlDecode(await (await client.GetAsync(url)).BodyAsync()));
        var withdraw = await client.PostFormAsync($"{url}?handler=Withdraw", new() { ["confirmed"] = "true" }, url);
        Assert.Equal(HttpStatusCode.Conflict, withdraw.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync($"/registrations/{registration}?handler=Cancel", new() { ["confirmed"] = "true" })).StatusCode);

        Assert.Equal(TravelStatus.Awarded, (await app.ApplicationOfAsync(registration))!.Status);
        Assert.Equal(75_000L, await CommittedAsync(fund));
    }

    [Fact]
    public async Task The_reserve_list_passes_over_a_staged_refusal_and_people_without_a_seat()
    {
        var (workshop, setup, fund, organiser) = await FundAsync(budget: 1000m, mode: RegistrationMode.Approval);
        var (_, anaClient, anaRegistration) = await app.AdmitAsync(workshop, setup, "Ana Souza");
        var (_, _, brunoRegistration) = await app.AdmitAsync(workshop, setup, "Bruno Costa");
        var (_, _, carlaRegistration) = await app.AdmitAsync(workshop, setup, "Carla Díaz");
        // Approval mode: Ana and Carla are admitted, Bruno still waits for a seat.
        foreach (var id in new[] { anaRegistration, carlaRegistration })
            await app.WithDb(async db =>
            {
                var r = await db.Registrations.SingleAsync(x => x.Id == id);
                db.StatusChanges.Add(r.MoveTo(RegistrationStatus.Admitted, null, DateTimeOffset.UtcNow));
                return await db.SaveChangesAsync();
            });
        var ana = await app.ApplyAsync(fund, anaRegistration);
        var bruno = await app.ApplyAsync(fund, brunoRegistration);
        var carla = await app.ApplyAsync(fund, carlaRegistration);
        await StageAsync(organiser, workshop, ana, "Award", "900");
        await StageAsync(organiser, workshop, bruno, "Reserve", "400");
        await StageAsync(organiser, workshop, carla, "Reserve", "400");
        await ReleaseAsync(organiser, workshop);
        // Carla's reserve place is being reconsidered: "not funded" is staged, not released.
        await StageAsync(organiser, workshop, carla, "NotFunded");

        Assert.Equal(HttpStatusCode.Redirect, (await anaClient.PostFormAsync($"/registrations/{anaRegistration}?handler=Cancel", new() { ["confirmed"] = "true" })).StatusCode);

        var after = await app.WithDb(db => db.TravelApplications.AsNoTracking().Where(a => a.FundId == fund.Id).ToDictionaryAsync(a => a.Id));
        Assert.Equal(TravelStatus.Reserve, after[bruno.Id].Status);
        Assert.Equal((TravelStatus.Reserve, TravelDecision.NotFunded), (after[carla.Id].Status, after[carla.Id].Staged));
        Assert.Equal(0L, await CommittedAsync(fund));
    }

    [Fact]
    public async Task No_award_without_a_rate_for_the_applicants_currency_and_no_change_while_a_decision_is_staged()
    {
        var (workshop, setup, fund, organiser) = await FundAsync();
        var (_, client, registration) = await app.AdmitAsync(workshop, setup, "Ana Souza");
        var url = $"/registrations/{registration}/travel";
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync(url,
            TravelData.ApplicationFields(fund, currency: "JPY", travel: "90000", lodging: "40000").Append(new("submit", "true")), url)).StatusCode);
        var yen = (await app.ApplicationOfAsync(registration))!;
        var decide = $"/organise/workshops/{workshop.Id}/travel/{yen.Id}";
        var refused = await (await BrowserForm.LoadAsync(organiser, decide)).With("Decision", "Award").With("Award[Travel]", "500").PostAsync(organiser);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("Give the exchange rate of JPY in the settings before awarding this application.", Forms.Errors(await refused.BodyAsync()));

        var (_, other, otherRegistration) = await app.AdmitAsync(workshop, setup, "Bruno Costa");
        var bruno = await app.ApplyAsync(fund, otherRegistration);
        await StageAsync(organiser, workshop, bruno, "Award", "500");
        var otherUrl = $"/registrations/{otherRegistration}/travel";
        var change = await other.PostFormAsync(otherUrl, TravelData.ApplicationFields(fund, travel: "100"), otherUrl);
        Assert.Equal(HttpStatusCode.Conflict, change.StatusCode);
        Assert.Equal(90_000L, (await app.ApplicationOfAsync(otherRegistration))!.Costs.Single(c => c.Kind == CostKind.Travel).RequestedMinor);
    }

    [Fact]
    public async Task The_currency_stays_once_awards_are_counted_in_it()
    {
        var (workshop, setup, fund, organiser) = await FundAsync();
        var (_, _, registration) = await app.AdmitAsync(workshop, setup, "Ana Souza");
        await StageAsync(organiser, workshop, await app.ApplyAsync(fund, registration), "Award", "500");
        var settings = $"/organise/workshops/{workshop.Id}/travel/settings";

        var response = await (await BrowserForm.LoadAsync(organiser, settings)).With("Input.Currency", "USD").PostAsync(organiser);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Awards are already counted in EUR", Forms.Errors(await response.BodyAsync()));
        Assert.Equal("EUR", await app.WithDb(db => db.TravelFunds.Where(f => f.Id == fund.Id).Select(f => f.Currency).SingleAsync()));
    }

    [Fact]
    public async Task Reviewers_read_only_what_is_still_to_decide_or_what_they_reviewed()
    {
        var (workshop, setup, fund, organiser) = await FundAsync();
        var (_, _, registration) = await app.AdmitAsync(workshop, setup, "Ana Souza");
        var ana = await app.ApplyAsync(fund, registration);
        await StageAsync(organiser, workshop, ana, "NotFunded");
        await ReleaseAsync(organiser, workshop);

        Assert.Equal(HttpStatusCode.NotFound, (await (await app.BrowserAs(Roles.Reviewer)).GetAsync($"/review/travel/{ana.Id}")).StatusCode);
    }

    [Fact]
    public async Task A_declined_registration_keeps_its_open_application_for_when_it_is_admitted()
    {
        var (workshop, setup, fund, organiser) = await FundAsync(mode: RegistrationMode.Approval);
        var (_, _, registration) = await app.AdmitAsync(workshop, setup, "Ana Souza");
        await app.ApplyAsync(fund, registration);
        await app.WithDb(async db =>
        {
            var r = await db.Registrations.SingleAsync(x => x.Id == registration);
            r.Stage(StagedAdmission.Decline, DateTimeOffset.UtcNow);
            return await db.SaveChangesAsync();
        });
        Assert.Equal(HttpStatusCode.Redirect, (await organiser.PostFormAsync($"/organise/workshops/{workshop.Id}/registrations?handler=Release", new() { ["confirmed"] = "true" },
            $"/organise/workshops/{workshop.Id}/registrations")).StatusCode);

        Assert.Equal(RegistrationStatus.Declined, await app.WithDb(db => db.Registrations.Where(r => r.Id == registration).Select(r => r.Status).SingleAsync()));
        Assert.Equal(TravelStatus.Submitted, (await app.ApplicationOfAsync(registration))!.Status);
    }
}
