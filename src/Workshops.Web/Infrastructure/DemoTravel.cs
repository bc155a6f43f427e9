using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;
using Workshops.Core.Domain.Accounts;
using Workshops.Core.Domain.Common;
using Workshops.Core.Domain.Proposals;
using Workshops.Core.Domain.Travel;
using Workshops.Core.Domain.Workshops;

namespace Workshops.Web.Infrastructure;

/// <summary>
/// Travel support open on the upcoming workshop, with applications in several states (awarded in part, on the reserve
/// list, submitted and reviewed, submitted), so the ranking, the budget, the reviewers' list and the report have figures.
/// </summary>
public sealed class DemoTravel(AppDbContext db, DemoPeople people, TravelLedger ledger, TimeProvider clock)
{
    public async Task<int> SeedAsync(Workshop workshop, CancellationToken ct)
    {
        if (await db.TravelFunds.AnyAsync(f => f.WorkshopId == workshop.Id, ct)) return 0;
        var now = clock.GetUtcNow();
        var today = Core.Time.WorkshopTime.ToLocal(now, workshop.Zone).Date;
        var fund = TravelFund.Start(workshop,
            new TravelFundDetails(true, "EUR", 12_000m, today.AddDays(-10).AddHours(9), workshop.StartsLocal.Date.AddDays(-30).AddHours(23).AddMinutes(59),
                [CostKind.Travel, CostKind.Lodging, CostKind.Visa, CostKind.DailyAllowance], "GBIF Capacity Enhancement Support Programme", null,
                "Keep your tickets, boarding passes and invoices, and upload them here within 30 days of the workshop. We pay by bank transfer in euros, up to the amounts awarded, against the receipts.",
                [new RateDetails("BRL", 0.17m), new RateDetails("GHS", 0.062m), new RateDetails("PEN", 0.25m), new RateDetails("KES", 0.0071m), new RateDetails("USD", 0.92m)]),
            [new QuestionDetails(null, "What is your role in your node?", true), new QuestionDetails(null, "What will you do with what you learn at the workshop?", true)],
            [
                new CriterionDetails(null, "Benefit to their node", 3, "Will what they learn reach their node's portal and its community?"),
                new CriterionDetails(null, "Need for support", 2, "Could they come without it? Does their institution pay part?"),
            ],
            now);
        db.TravelFunds.Add(fund);
        await db.SaveChangesAsync(ct);
        var reviewer = await people.PersonAsync("reviewer.one.demo@example.org", "Mei Tanaka", Roles.Reviewer, ct);
        var organiser = await people.PersonAsync("organiser.demo@example.org", "Olivia Martins", Roles.Organiser, ct);
        var demo = new (string Email, string Currency, decimal Travel, decimal Lodging, decimal Visa, string Role, TravelStatus Status, Gender? Gender, int Score)[]
        {
            ("kofi.demo@example.org", "GHS", 14_500m, 4_800m, 1_600m, "I coordinate GBIF Ghana's data publishing and run our IPT.", TravelStatus.Awarded, Gender.Man, 5),
            ("carmen.demo@example.org", "PEN", 3_900m, 1_500m, 0m, "I manage SiB Perú's portal and its partnerships.", TravelStatus.Reserve, Gender.Woman, 3),
            ("wanjiru.demo@example.org", "KES", 165_000m, 60_000m, 12_000m, "I am the developer of the Kenyan biodiversity portal.", TravelStatus.Submitted, Gender.Woman, 4),
            ("ana.demo@example.org", "BRL", 2_400m, 1_800m, 0m, "I lead the SiBBr portal team.", TravelStatus.Submitted, null, 0),
        };
        var at = fund.OpensAt.AddHours(5);
        var added = 0;
        foreach (var d in demo)
        {
            var registration = await db.Registrations.AsNoTracking().FirstOrDefaultAsync(r => r.WorkshopId == workshop.Id && r.Email == d.Email, ct);
            if (registration is null) continue;
            var application = TravelApplication.Start(fund, registration,
                new TravelRequest(d.Currency,
                    [new CostRequest(CostKind.Travel, d.Travel, d.Travel * 0.8m, "Return flight to São Paulo."), new CostRequest(CostKind.Lodging, d.Lodging, d.Lodging, "Five nights near the campus."),
                     .. d.Visa > 0 ? [new CostRequest(CostKind.Visa, d.Visa, d.Visa, "Business visa for Brazil.")] : Array.Empty<CostRequest>()],
                    d.Status == TravelStatus.Reserve, d.Status == TravelStatus.Reserve ? "My institution pays the daily allowance." : null, d.Gender),
                new Dictionary<Guid, string?> { [fund.Questions[0].Id] = d.Role, [fund.Questions[1].Id] = "Share it with the other developers of the node and upgrade our portal." },
                at, "en");
            db.TravelApplications.Add(application);
            var changes = new List<StatusChange> { application.Created(), application.Submit(fund, at.AddHours(1)) };
            if (d.Score > 0)
                db.TravelReviews.Add(TravelReview.Score(application, fund, new ReviewerEligibility(null), reviewer.Id,
                    fund.Criteria.ToDictionary(c => c.Id, c => Math.Max(1, d.Score - c.Position)), "Clear plan for the node.", at.AddDays(2)));
            if (d.Status is TravelStatus.Awarded or TravelStatus.Reserve)
            {
                // In part: the travel in full and half the lodging, converted at the fund's rate.
                var awards = application.Costs.ToDictionary(c => c.Kind, c => c.Kind switch
                {
                    CostKind.Travel => fund.ToBudget(c.RequestedMinor, d.Currency) ?? 0,
                    CostKind.Lodging => (fund.ToBudget(c.RequestedMinor, d.Currency) ?? 0) / 2,
                    _ => 0,
                });
                application.Stage(d.Status == TravelStatus.Awarded ? TravelDecision.Award : TravelDecision.Reserve, awards, fund, at.AddDays(3));
                changes.Add(application.MoveTo(d.Status, organiser.Id, at.AddDays(4)));
            }
            db.StatusChanges.AddRange(changes);
            await db.SaveChangesAsync(ct);
            if (application.HeldMinor > 0) await ledger.TryHoldAsync(fund.Id, application.HeldMinor, ct);
            at = at.AddHours(30);
            added++;
        }
        return added;
    }
}
