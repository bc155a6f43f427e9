using Microsoft.EntityFrameworkCore;
using Workshops.Core.Domain.Proposals;
using Workshops.Core.Domain.Travel;
using Workshops.Core.Domain.Workshops;

namespace Workshops.IntegrationTests.Support;

/// <summary>Travel support written straight to the database, for tests about applying, reviewing and awarding.</summary>
public static class TravelData
{
    /// <summary>A fund of <paramref name="budget"/> EUR for travel, lodging and visas, open since yesterday for a month unless <paramref name="open"/> is false (closed yesterday).</summary>
    public static async Task<TravelFund> AddTravelFundAsync(this AppFactory app, Workshop workshop, decimal budget = 10_000m, bool open = true,
        IReadOnlyList<RateDetails>? rates = null)
    {
        var zone = Core.Time.WorkshopTime.Zone(workshop.TimeZoneId);
        var today = Core.Time.WorkshopTime.ToLocal(DateTimeOffset.UtcNow, zone).DateTime;
        var fund = TravelFund.Start(workshop,
            new TravelFundDetails(true, "EUR", budget, open ? today.AddDays(-1) : today.AddDays(-30), open ? today.AddDays(30) : today.AddDays(-1),
                [CostKind.Travel, CostKind.Lodging, CostKind.Visa], "GBIF Capacity Enhancement Support Programme", null,
                "Keep your receipts and upload them within 30 days of the workshop.", rates ?? [new RateDetails("COP", 0.00023m), new RateDetails("USD", 0.92m)]),
            [new QuestionDetails(null, "What is your role in your node?", true), new QuestionDetails(null, "Anything else?", false)],
            [new CriterionDetails(null, "Benefit to their node", 3), new CriterionDetails(null, "Need for support", 2)],
            DateTimeOffset.UtcNow);
        await app.WithDb(async db =>
        {
            db.TravelFunds.Add(fund);
            return await db.SaveChangesAsync();
        });
        return fund;
    }

    /// <summary>The application form filled in: travel and lodging in <paramref name="currency"/>, and the required answer.</summary>
    public static Dictionary<string, string> ApplicationFields(TravelFund fund, string currency = "EUR", string travel = "900", string lodging = "400") => new()
    {
        ["Input.Currency"] = currency,
        ["Input.Costs[Travel].Amount"] = travel,
        ["Input.Costs[Travel].Minimum"] = "700",
        ["Input.Costs[Travel].Justification"] = "Return flight Bogotá–Madrid.",
        ["Input.Costs[Lodging].Amount"] = lodging,
        ["Input.Costs[Lodging].Minimum"] = "300",
        ["Input.Costs[Lodging].Justification"] = "Five nights near the venue.",
        ["Input.InstitutionPays"] = "true",
        ["Input.InstitutionShare"] = "The visa fee.",
        ["Input.Gender"] = "Woman",
        [$"Input.Answers[{fund.Questions.OrderBy(q => q.Position).First().Id}]"] = "I run the node's IPT and portal.",
    };

    /// <summary>A submitted application for the registration: travel and lodging in <paramref name="currency"/>, written straight to the database.</summary>
    public static Task<TravelApplication> ApplyAsync(this AppFactory app, TravelFund fund, Guid registrationId, decimal travel = 900m, decimal lodging = 400m,
        string currency = "EUR") => app.WithDb(async db =>
    {
        var now = DateTimeOffset.UtcNow;
        var registration = await db.Registrations.AsNoTracking().SingleAsync(r => r.Id == registrationId);
        var stored = await db.TravelFunds.AsNoTracking().SingleAsync(f => f.Id == fund.Id);
        var application = TravelApplication.Start(stored, registration,
            new TravelRequest(currency, [new CostRequest(CostKind.Travel, travel, travel * 0.8m, "Return flight."), new CostRequest(CostKind.Lodging, lodging, lodging / 2, "Five nights.")],
                false, null, null),
            new Dictionary<Guid, string?> { [stored.Questions.OrderBy(q => q.Position).First().Id] = "I run the node's portal." }, now, "en");
        db.TravelApplications.Add(application);
        db.StatusChanges.Add(application.Created());
        db.StatusChanges.Add(application.Submit(stored, now));
        await db.SaveChangesAsync();
        return application;
    });

    public static Task<TravelApplication?> ApplicationOfAsync(this AppFactory app, Guid registrationId) =>
        app.WithDb(db => db.TravelApplications.AsNoTracking().FirstOrDefaultAsync(a => a.RegistrationId == registrationId));
}
