using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;
using Workshops.Core.Domain.Common;
using Workshops.Core.Domain.Registrations;
using Workshops.Core.Domain.Travel;

namespace Workshops.Web.Features.Organise.Travel;

/// <summary>Requested, awarded and paid in the budget's minor units, for one group (a kind of cost, a country).</summary>
public sealed record TravelFigures(string Group, long Requested, long Awarded, long Paid);

/// <summary>What the funder's report counts: people supported, their countries, and gender only where people chose to answer.</summary>
public sealed record FunderCounts(int People, int Countries, int Women, int Men, int Other, int NotSaid);

/// <summary>One cost of one application, as the finance team's export lists it.</summary>
public sealed record TravelLine(string Name, string Email, string Institution, string Country, TravelStatus Status, CostKind Kind, string Currency,
    long Requested, long? RequestedInBudget, long? Awarded, long? Approved, DateOnly? PaidOn, string? Reference);

/// <summary>A workshop's travel support in figures: by kind of cost and by country, the funder's counts, and the lines behind them.</summary>
/// <param name="Unconverted">Currencies asked in that have no rate: what was asked in them is not in the figures.</param>
public sealed record TravelReportData(TravelFund Fund, IReadOnlyList<TravelFigures> ByKind, IReadOnlyList<TravelFigures> ByCountry, FunderCounts Funder,
    IReadOnlyList<TravelLine> Lines, IReadOnlyList<string> Unconverted);

public sealed class TravelReport(AppDbContext db)
{
    public async Task<TravelReportData?> ReadAsync(Guid workshopId, CancellationToken ct)
    {
        var fund = await db.TravelFunds.AsNoTracking().FirstOrDefaultAsync(f => f.WorkshopId == workshopId, ct);
        if (fund is null) return null;
        // What was asked for counts every application sent to the reviewers, except those withdrawn before a decision.
        var applications = await db.TravelApplications.AsNoTracking()
            .Where(a => a.FundId == fund.Id && a.Status != TravelStatus.Draft).ToListAsync(ct);
        var ids = applications.Select(a => a.RegistrationId).ToList();
        var people = await db.Registrations.AsNoTracking().Where(r => ids.Contains(r.Id))
            .Select(r => new { r.Id, r.Name, r.Email, r.Institution, r.Country }).ToDictionaryAsync(r => r.Id, ct);
        var lines = applications.SelectMany(a => a.Costs.OrderBy(c => c.Kind).Select(c =>
        {
            var p = people[a.RegistrationId];
            var awarded = a.Status == TravelStatus.Awarded ? c.AwardedMinor : null;
            return new TravelLine(p.Name, p.Email, p.Institution, p.Country, a.Status, c.Kind, a.Currency, c.RequestedMinor,
                fund.ToBudget(c.RequestedMinor, a.Currency), awarded, a.Status == TravelStatus.Awarded ? c.ApprovedMinor : null, c.PaidOn, c.PaymentReference);
        })).OrderBy(l => l.Name, StringComparer.CurrentCultureIgnoreCase).ThenBy(l => l.Kind).ToList();
        var counted = lines.Where(l => l.Status != TravelStatus.Withdrawn).ToList();
        var byKind = fund.CostKinds.Select(k => Figures(k.Short(), counted.Where(l => l.Kind == k))).ToList();
        var byCountry = counted.GroupBy(l => l.Country).Select(g => Figures(Countries.Name(g.Key), g))
            .OrderByDescending(f => f.Requested).ThenBy(f => f.Group, StringComparer.CurrentCultureIgnoreCase).ToList();
        var supported = applications.Where(a => a.Status == TravelStatus.Awarded).ToList();
        var funder = new FunderCounts(supported.Count, supported.Select(a => people[a.RegistrationId].Country).Distinct().Count(),
            supported.Count(a => a.Gender == Gender.Woman), supported.Count(a => a.Gender == Gender.Man), supported.Count(a => a.Gender == Gender.Other),
            supported.Count(a => a.Gender is null));
        var unconverted = counted.Where(l => l.RequestedInBudget is null).Select(l => l.Currency).Distinct().Order().ToList();
        return new TravelReportData(fund, byKind, byCountry, funder, lines, unconverted);
    }

    private static TravelFigures Figures(string group, IEnumerable<TravelLine> lines)
    {
        var list = lines.ToList();
        return new TravelFigures(group, list.Sum(l => l.RequestedInBudget ?? 0), list.Sum(l => l.Approved ?? l.Awarded ?? 0),
            list.Where(l => l.PaidOn is not null).Sum(l => l.Approved ?? 0));
    }
}
