using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;
using Workshops.Core.Domain.Proposals;

namespace Workshops.Web.Features.Proposals;

public sealed record HistoryEntry(string From, string To, string By, DateTimeOffset At);

public sealed record ReviewLine(Review Review, string ReviewerName);

/// <summary>What the proposal page shows beside the proposal: its status history and, to those allowed, its reviews.</summary>
public sealed class ProposalHistory(AppDbContext db)
{
    public async Task<IReadOnlyList<HistoryEntry>> ForAsync(Guid proposalId, CancellationToken ct)
    {
        var changes = await db.StatusChanges.AsNoTracking()
            .Where(s => s.Entity == nameof(Proposal) && s.EntityId == proposalId)
            .OrderBy(s => s.Id).ToListAsync(ct);
        var names = await NamesAsync(changes.Select(c => c.ByUserId).OfType<string>(), ct);
        return changes.Select(c => new HistoryEntry(c.From, c.To, c.ByUserId is null ? "the site" : names.GetValueOrDefault(c.ByUserId, "a removed account"), c.At)).ToList();
    }

    public async Task<IReadOnlyList<ReviewLine>> ReviewsAsync(Guid proposalId, CancellationToken ct)
    {
        var reviews = await db.Reviews.AsNoTracking().Where(r => r.ProposalId == proposalId).OrderBy(r => r.CreatedAt).ToListAsync(ct);
        var names = await NamesAsync(reviews.Select(r => r.ReviewerId), ct);
        return reviews.Select(r => new ReviewLine(r, names.GetValueOrDefault(r.ReviewerId, "a removed account"))).ToList();
    }

    public async Task<Dictionary<string, string>> NamesAsync(IEnumerable<string> userIds, CancellationToken ct)
    {
        var ids = userIds.Distinct().ToList();
        return await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
    }
}
