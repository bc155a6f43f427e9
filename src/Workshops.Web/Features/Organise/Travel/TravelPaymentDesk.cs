using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;
using Workshops.Core.Domain.Common;
using Workshops.Core.Domain.Travel;
using Workshops.Core.Text;

namespace Workshops.Web.Features.Organise.Travel;

/// <summary>After the workshop: an organiser approves each awarded cost against its receipts (in full or adjusted), then marks it paid.</summary>
public sealed class TravelPaymentDesk(AppDbContext db, TravelLedger ledger, TimeProvider clock)
{
    /// <summary>Approves a cost; an amount below the award gives the difference back to the budget in the same transaction.</summary>
    public async Task<EditResult> ApproveAsync(Guid workshopId, Guid applicationId, CostKind kind, string? typed, long? version, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var application = await db.TravelApplications.FirstOrDefaultAsync(a => a.Id == applicationId && a.WorkshopId == workshopId, ct);
        if (application is null) return EditResult.Fail(null, Tr.T("This application no longer exists."));
        var fund = await db.TravelFunds.AsNoTracking().FirstAsync(f => f.Id == application.FundId, ct);
        try
        {
            if (!Amounts.TryRead(typed, out var value) || value is not { } amount || decimal.Round(amount, fund.Money.Decimals) != amount
                || Currencies.ToMinor(amount, fund.Money) is not { } minor)
                throw new DomainException(Tr.T("Write the amount approved for “{0}” in {1}, like 450 or 450.50.", kind.Label(), fund.Currency), TravelApplication.ApproveField(kind));
            db.Expect(application, version);
            var change = application.Approve(kind, minor, clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
            if (change < 0) await ledger.GiveBackAsync(fund.Id, -change, ct);
            else if (change > 0 && await ledger.TryHoldAsync(fund.Id, change, ct) is { } overrun)
                throw new DomainException(Tr.T("This is beyond the budget by {0}.", Currencies.Format(overrun, fund.Currency)), TravelApplication.ApproveField(kind));
            await tx.CommitAsync(ct);
            return EditResult.Ok(application.Id);
        }
        catch (DomainException e)
        {
            await tx.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            return EditResult.Refused(e);
        }
        catch (DbUpdateConcurrencyException)
        {
            await tx.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            return EditResult.Conflict(Tr.T("this application"));
        }
    }

    public async Task<EditResult> PaidAsync(Guid workshopId, Guid applicationId, CostKind kind, DateOnly? paidOn, string? reference, long? version, CancellationToken ct)
    {
        var application = await db.TravelApplications.FirstOrDefaultAsync(a => a.Id == applicationId && a.WorkshopId == workshopId, ct);
        if (application is null) return EditResult.Fail(null, Tr.T("This application no longer exists."));
        try
        {
            if (paidOn is not { } day) throw new DomainException(Tr.T("Give the day “{0}” was paid.", kind.Label()), TravelApplication.PaidField(kind));
            var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            if (day > today.AddDays(1)) throw new DomainException(Tr.T("A payment cannot be dated in the future."), TravelApplication.PaidField(kind));
            db.Expect(application, version);
            application.MarkPaid(kind, day, reference, clock.GetUtcNow());
        }
        catch (DomainException e)
        {
            db.ChangeTracker.Clear();
            return EditResult.Refused(e);
        }
        if (!await db.TrySaveAsync(ct)) return EditResult.Conflict(Tr.T("this application"));
        return EditResult.Ok(application.Id);
    }
}
