using Workshops.Core.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;
using Workshops.Core.Domain.Proposals;

namespace Workshops.Web.Features.Organise.Calls;

public sealed record BoardRow(Proposal Proposal, string ProposerName, string ProposerEmail, ReviewScore Score, int Rank,
    IReadOnlyDictionary<Guid, double> ByCriterion, string? TrackName = null)
{
    public string Place => Proposal.Workshop is { } w ? string.Join(", ", new[] { w.City, w.Country is null ? null : Countries.Name(w.Country) }.Where(x => x is not null)) : "";

    /// <summary>"Talk · 30 minutes · Developers" for a session proposal; empty for a workshop proposal.</summary>
    public string Session => Proposal.Session is { } s
        ? string.Join(" · ", new[] { s.Type?.Label(), s.DurationMinutes is { } m ? Tr.T("{0} minutes", m) : null, TrackName }.Where(x => x is not null))
        : "";

    /// <summary>What the board shows under the title: where, for a workshop; kind, length and track, for a session.</summary>
    public string Summary => Proposal.Session is null ? Place : Session;
}

/// <summary>What an organiser narrows the ranking to; ranks stay those of the whole call.</summary>
public sealed record BoardFilter(ProposalStatus? Status, StagedDecision? Decision, string? Search)
{
    public IReadOnlyList<BoardRow> Apply(IEnumerable<BoardRow> rows) => rows.Where(r =>
            (Status is null || r.Proposal.Status == Status)
            && (Decision is null || (r.Proposal.Status == ProposalStatus.Submitted && r.Proposal.Decision == Decision))
            && (string.IsNullOrWhiteSpace(Search) || Matches(r, Search.Trim())))
        .ToList();

    private static bool Matches(BoardRow row, string text) =>
        row.Proposal.Title.Contains(text, StringComparison.OrdinalIgnoreCase)
        || row.ProposerName.Contains(text, StringComparison.OrdinalIgnoreCase)
        || row.Summary.Contains(text, StringComparison.OrdinalIgnoreCase);
}

/// <summary>The organisers' view of a call: every proposal past draft, ranked by weighted score.</summary>
public sealed class ProposalBoard(AppDbContext db)
{
    /// <param name="viewerId">An organiser who proposed too does not see the scores of their own proposal.</param>
    public async Task<IReadOnlyList<BoardRow>> RankAsync(Call call, string viewerId, CancellationToken ct)
    {
        // Drafts belong to their authors, even withdrawn ones, unless they were once submitted.
        var proposals = await db.Proposals.AsNoTracking()
            .Where(p => p.CallId == call.Id && p.SubmittedAt != null)
            .ToListAsync(ct);
        var ids = proposals.Where(p => p.ProposerId != viewerId).Select(p => p.Id).ToList();
        var reviews = (await db.Reviews.AsNoTracking().Where(r => ids.Contains(r.ProposalId)).ToListAsync(ct)).ToLookup(r => r.ProposalId);
        var proposerIds = proposals.Select(p => p.ProposerId).Distinct().ToList();
        var people = await db.Users.AsNoTracking().Where(u => proposerIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => (u.DisplayName, u.Email), ct);
        var trackIds = call.TrackIds;
        var tracks = trackIds.Count == 0 ? [] : await db.Tracks.AsNoTracking().Where(t => trackIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Name, ct);

        return proposals
            .Select(p => (Proposal: p, Score: ReviewScore.From(reviews[p.Id], call.Criteria)))
            .OrderByDescending(x => x.Score.Mean ?? -1)
            .ThenBy(x => x.Score.Spread ?? 0)
            .ThenBy(x => x.Proposal.SubmittedAt)
            .Select((x, i) =>
            {
                var (name, email) = people.GetValueOrDefault(x.Proposal.ProposerId, (Tr.T("(account removed)"), ""));
                var track = x.Proposal.Session?.TrackId is { } trackId ? tracks.GetValueOrDefault(trackId) : null;
                return new BoardRow(x.Proposal, name, email ?? "", x.Score, i + 1, MeanPerCriterion(reviews[x.Proposal.Id]), track);
            })
            .ToList();
    }

    public Task<int> DraftCountAsync(Guid callId, CancellationToken ct) =>
        db.Proposals.CountAsync(p => p.CallId == callId && p.Status == ProposalStatus.Draft, ct);

    private static Dictionary<Guid, double> MeanPerCriterion(IEnumerable<Review> reviews) => reviews
        .SelectMany(r => r.Scores)
        .GroupBy(s => s.CriterionId)
        .ToDictionary(g => g.Key, g => g.Average(s => (double)s.Score));
}
