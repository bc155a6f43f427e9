using Microsoft.EntityFrameworkCore;

namespace Workshops.Core.Data;

/// <summary>
/// Holds and gives back travel money with conditional updates ("committed = committed + x where committed + x &lt;=
/// budget"), never a read then a write, so two organisers awarding at the same moment cannot overrun the budget, as
/// the seat ledger does for seats. Call it inside the transaction that also changes the application.
/// </summary>
public sealed class TravelLedger(AppDbContext db)
{
    /// <summary>Holds <paramref name="minor"/> of the budget; null when done, or by how much it would overrun.</summary>
    public async Task<long?> TryHoldAsync(Guid fundId, long minor, CancellationToken ct)
    {
        if (minor <= 0) return null;
        var held = await db.Database.ExecuteSqlAsync($"""
            UPDATE "TravelFunds" SET "CommittedMinor" = "CommittedMinor" + {minor}
            WHERE "Id" = {fundId} AND "CommittedMinor" + {minor} <= "BudgetMinor"
            """, ct);
        if (held == 1) return null;
        var left = await LeftAsync(fundId, ct);
        return minor - left;
    }

    /// <summary>Gives back what an award held: the registration was cancelled, the award withdrawn or adjusted down.</summary>
    public async Task GiveBackAsync(Guid fundId, long minor, CancellationToken ct)
    {
        if (minor <= 0) return;
        await db.Database.ExecuteSqlAsync($"""
            UPDATE "TravelFunds" SET "CommittedMinor" = "CommittedMinor" - {minor}
            WHERE "Id" = {fundId} AND "CommittedMinor" >= {minor}
            """, ct);
    }

    /// <summary>Sets the budget unless awards already hold more; null when done, or what they hold.</summary>
    public async Task<long?> TrySetBudgetAsync(Guid fundId, long budget, CancellationToken ct)
    {
        var set = await db.Database.ExecuteSqlAsync($"""
            UPDATE "TravelFunds" SET "BudgetMinor" = {budget}
            WHERE "Id" = {fundId} AND "CommittedMinor" <= {budget}
            """, ct);
        if (set == 1) return null;
        return await db.TravelFunds.Where(f => f.Id == fundId).Select(f => f.CommittedMinor).FirstAsync(ct);
    }

    /// <summary>What is left of the budget now: a read, for what people are told, never to award from.</summary>
    public Task<long> LeftAsync(Guid fundId, CancellationToken ct) =>
        db.TravelFunds.Where(f => f.Id == fundId).Select(f => f.BudgetMinor - f.CommittedMinor).FirstAsync(ct);
}
