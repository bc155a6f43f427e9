using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;
using Workshops.Core.Domain.Proposals;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Features.Proposals;

public sealed record ReviewLine(Review Review, string ReviewerName);

/// <summary>What the proposal page shows beside the proposal: its status history and, to those allowed, its reviews.</summary>
public sealed class ProposalHistory(AppDbContext db, StatusHistory history)
{
    public Task<IReadOnlyList<HistoryEntry>> ForAsync(Guid proposalId, CancellationToken ct) => history.ForAsync(nameof(Proposal), proposalId, ct);

    public async Task<IReadOnlyList<ReviewLine>> ReviewsAsync(Guid proposalId, CancellationToken ct)
    {
        var reviews = await db.Reviews.AsNoTracking().Where(r => r.ProposalId == proposalId).OrderBy(r => r.CreatedAt).ToListAsync(ct);
        var names = await NamesAsync(reviews.Select(r => r.ReviewerId), ct);
        return reviews.Select(r => new ReviewLine(r, names.GetValueOrDefault(r.ReviewerId, Tr.T("a removed account")))).ToList();
    }

    public async Task<Dictionary<string, string>> NamesAsync(IEnumerable<string> userIds, CancellationToken ct)
    {
        var ids = userIds.Distinct().ToList();
        return await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
    }
}
