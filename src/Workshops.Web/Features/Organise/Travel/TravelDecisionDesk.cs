using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;
using Workshops.Core.Domain.Common;
using Workshops.Core.Domain.Travel;
using Workshops.Core.Text;

namespace Workshops.Web.Features.Organise.Travel;

/// <summary>An organiser stages a decision on one application: an award per cost, the reserve list, or not funded.</summary>
public sealed class TravelDecisionDesk(AppDbContext db, TimeProvider clock)
{
    /// <summary>Stages the decision; an award beyond what is left once the other staged awards are released is refused, saying by how much.</summary>
    public async Task<EditResult> StageAsync(Guid workshopId, Guid applicationId, TravelDecision decision, IReadOnlyDictionary<CostKind, string?> typed,
        long? version, CancellationToken ct)
    {
        var application = await db.TravelApplications.FirstOrDefaultAsync(a => a.Id == applicationId && a.WorkshopId == workshopId && a.SubmittedAt != null, ct);
        if (application is null) return EditResult.Fail(null, Tr.T("This application no longer exists."));
        var fund = await db.TravelFunds.AsNoTracking().FirstAsync(f => f.Id == application.FundId, ct);
        try
        {
            var amounts = Read(typed, fund);
            db.Expect(application, version);
            application.Stage(decision, amounts, fund, clock.GetUtcNow());
            if (decision == TravelDecision.Award)
            {
                var others = (await db.TravelApplications.AsNoTracking()
                    .Where(a => a.FundId == fund.Id && a.Id != application.Id && a.Staged == TravelDecision.Award).ToListAsync(ct)).Sum(a => a.StagedMinor);
                var left = fund.LeftMinor - others;
                if (application.StagedMinor > left)
                    throw new DomainException(Tr.T("This award is beyond the budget by {0}: {1} is left once the other staged awards are released.",
                        Currencies.Format(application.StagedMinor - left, fund.Currency), Currencies.Format(Math.Max(0, left), fund.Currency)));
            }
        }
        catch (DomainException e)
        {
            db.ChangeTracker.Clear();
            return EditResult.Refused(e);
        }
        if (!await db.TrySaveAsync(ct)) return EditResult.Conflict(Tr.T("this application"));
        return EditResult.Ok(application.Id);
    }

    private static Dictionary<CostKind, long> Read(IReadOnlyDictionary<CostKind, string?> typed, TravelFund fund)
    {
        var amounts = new Dictionary<CostKind, long>();
        var checks = typed.Select<KeyValuePair<CostKind, string?>, Action>(t => () =>
        {
            if (!Amounts.TryRead(t.Value, out var value) || value is { } v && (Currencies.ToMinor(v, fund.Money) is not { } minor || decimal.Round(v, fund.Money.Decimals) != v))
                throw new DomainException(Tr.T("Write the award for “{0}” as an amount in {1}, like 450 or 450.50.", t.Key.Label(), fund.Currency), TravelApplication.AwardField(t.Key));
            if (value is { } given) amounts[t.Key] = Currencies.ToMinor(given, fund.Money)!.Value;
        }).ToList();
        DomainException.ThrowAll(checks);
        return amounts;
    }
}
