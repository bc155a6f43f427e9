using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;
using Workshops.Core.Domain.Common;
using Workshops.Core.Domain.Travel;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Features.Organise.Travel;

/// <summary>The organisers' writes on a workshop's travel support settings.</summary>
public sealed class TravelFundDesk(AppDbContext db, TravelLedger ledger, Features.Travel.TravelAwards awards, IOutputCacheStore pages, TimeProvider clock)
{
    private static string What => Tr.T("these travel support settings");

    /// <summary>Creates or changes the fund; a form drawn from an older version changes nothing, and the budget never drops below what awards hold.</summary>
    public async Task<EditResult> SaveAsync(Guid workshopId, TravelSetupForm form, CancellationToken ct)
    {
        var workshop = await db.Workshops.AsNoTracking().FirstOrDefaultAsync(w => w.Id == workshopId, ct);
        if (workshop is null) return EditResult.Fail(null, Tr.T("This workshop no longer exists."));
        if (form.FunderProjectId is { } project && !await db.Projects.AnyAsync(p => p.Id == project, ct))
            return EditResult.Fail(nameof(form.FunderProjectId), Tr.T("Choose the funded project from the list."));
        var fund = await db.TravelFunds.FirstOrDefaultAsync(f => f.WorkshopId == workshopId, ct);
        // Drawn before anyone set the fund up, posted after someone did: theirs is not silently replaced.
        if (fund is not null && form.Version is null) return EditResult.Conflict(What);
        var now = clock.GetUtcNow();
        var raised = false;
        try
        {
            var details = form.ToDetails();
            if (fund is null)
            {
                db.TravelFunds.Add(TravelFund.Start(workshop, details, form.ToQuestions(), form.ToCriteria(), now));
                try
                {
                    await db.SaveChangesAsync(ct);
                }
                catch (DbUpdateException)
                {
                    // Someone else set it up a moment before: one fund per workshop, theirs stands.
                    db.ChangeTracker.Clear();
                    return EditResult.Conflict(What);
                }
            }
            else
            {
                db.Expect(fund, form.Version);
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                // Amounts staged, offered or awarded are counted in the fund's currency: it changes only while there are none.
                if (!string.Equals(Currencies.Find(details.Currency)?.Code ?? details.Currency, fund.Currency, StringComparison.Ordinal)
                    && await db.TravelApplications.AnyAsync(a => a.FundId == fund.Id
                        && (a.Staged != TravelDecision.None || a.Status == TravelStatus.Awarded || a.Status == TravelStatus.Reserve), ct))
                    throw new DomainException(Tr.T("Awards are already counted in {0}: the currency can no longer change.", fund.Currency), nameof(form.Currency));
                fund.Update(workshop, details, form.ToQuestions(), form.ToCriteria(), now);
                var budget = fund.Budget(details);
                raised = budget > fund.BudgetMinor;
                if (!await db.TrySaveAsync(ct)) return EditResult.Conflict(What);
                if (budget != fund.BudgetMinor && await ledger.TrySetBudgetAsync(fund.Id, budget, ct) is { } held)
                {
                    await tx.RollbackAsync(CancellationToken.None);
                    db.ChangeTracker.Clear();
                    return EditResult.Fail(nameof(form.Budget),
                        Tr.T("Awards already hold {0}: the budget cannot be less.", Currencies.Format(held, fund.Currency)));
                }
                await tx.CommitAsync(ct);
                // More money: the reserve list gets it in order, as when an award comes back.
                if (raised) await awards.OfferToReserveAsync(fund.Id, ct);
            }
        }
        catch (DomainException e)
        {
            db.ChangeTracker.Clear();
            return EditResult.Refused(e);
        }
        await pages.EvictAsync(ct);
        return EditResult.Ok(workshopId);
    }
}
