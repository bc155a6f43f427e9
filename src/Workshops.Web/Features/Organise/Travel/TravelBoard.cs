using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;
using Workshops.Core.Domain.Proposals;
using Workshops.Core.Domain.Registrations;
using Workshops.Core.Domain.Travel;
using Workshops.Web.Features.Travel;

namespace Workshops.Web.Features.Organise.Travel;

/// <summary>One application as the organisers' board lists it; amounts in the budget's minor units, null without a rate.</summary>
public sealed record TravelRow(Guid Id, Guid RegistrationId, string Name, string Country, RegistrationStatus Registration, TravelStatus Status,
    TravelDecision Staged, string Currency, long Requested, long? RequestedInBudget, long? MinimumInBudget, long Awarded, long StagedAward,
    DateTimeOffset? SubmittedAt, ReviewScore Score)
{
    /// <summary>What the ranking down to this row asks for, in the budget's currency: where the budget runs out shows at a glance.</summary>
    public long? RunningTotal { get; init; }

    /// <summary>An award, given or staged, for someone without a seat: flagged, since travel support is for people who come.</summary>
    public bool WithoutSeat => (Status == TravelStatus.Awarded || Staged == TravelDecision.Award) && !RegistrationStatuses.HoldsSeat(Registration);
}

/// <summary>The fund's figures: the budget, what awards hold, what is staged, and what is left.</summary>
public sealed record TravelTotals(long Budget, long Awarded, long Staged)
{
    public long Left => Budget - Awarded;
    public long LeftAfterStaged => Budget - Awarded - Staged;
}

/// <summary>Reads a workshop's applications for the organisers: who asked for what, converted into the budget's currency.</summary>
public sealed class TravelBoard(AppDbContext db)
{
    public async Task<(TravelFund Fund, IReadOnlyList<TravelRow> Rows, TravelTotals Totals)?> ReadAsync(Guid workshopId, CancellationToken ct)
    {
        var fund = await db.TravelFunds.AsNoTracking().FirstOrDefaultAsync(f => f.WorkshopId == workshopId, ct);
        if (fund is null) return null;
        // Drafts are the applicant's own until submitted: the board lists what reviewers and organisers may read.
        var applications = await db.TravelApplications.AsNoTracking()
            .Where(a => a.FundId == fund.Id && a.Status != TravelStatus.Draft).ToListAsync(ct);
        var registrationIds = applications.Select(a => a.RegistrationId).ToList();
        var registrations = await db.Registrations.AsNoTracking().Where(r => registrationIds.Contains(r.Id))
            .Select(r => new { r.Id, r.Name, r.Country, r.Status }).ToDictionaryAsync(r => r.Id, ct);
        var ids = applications.Select(a => a.Id).ToList();
        var scores = await TravelScores.OfAsync(db, fund, ids, ct);
        var rows = applications.Select(a =>
        {
            var r = registrations[a.RegistrationId];
            var requested = a.Costs.Sum(c => c.RequestedMinor);
            return new TravelRow(a.Id, a.RegistrationId, r.Name, r.Country, r.Status, a.Status, a.Staged, a.Currency, requested,
                fund.ToBudget(requested, a.Currency), fund.ToBudget(a.Costs.Sum(c => c.MinimumMinor), a.Currency), a.HeldMinor,
                a.Staged == TravelDecision.Award ? a.StagedMinor : 0, a.SubmittedAt,
                scores[a.Id]);
        })
            // Ranked by weighted score, best first; unscored last, oldest first, as the reviewers have not spoken yet.
            .OrderByDescending(r => r.Score.Mean ?? double.MinValue).ThenBy(r => r.SubmittedAt).ToList();
        long? running = 0;
        for (var i = 0; i < rows.Count; i++)
        {
            // Only what may still be funded counts: withdrawn and refused applications ask for nothing now.
            if (rows[i].Status is TravelStatus.Submitted or TravelStatus.Reserve or TravelStatus.Awarded)
                running = rows[i].RequestedInBudget is { } asked && running is { } sum ? sum + asked : null;
            rows[i] = rows[i] with { RunningTotal = running };
        }
        return (fund, rows, new TravelTotals(fund.BudgetMinor, fund.CommittedMinor, rows.Sum(r => r.StagedAward)));
    }

    /// <summary>How many applications are in each status, drafts included, for the chart.</summary>
    public async Task<IReadOnlyList<(TravelStatus Status, int Count)>> CountsAsync(Guid fundId, CancellationToken ct)
    {
        var counts = await db.TravelApplications.Where(a => a.FundId == fundId).GroupBy(a => a.Status)
            .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        return Enum.GetValues<TravelStatus>().Select(s => (s, counts.FirstOrDefault(c => c.Key == s)?.Count ?? 0)).ToList();
    }
}
