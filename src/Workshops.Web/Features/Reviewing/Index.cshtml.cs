using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Domain.Accounts;
using Workshops.Core.Data;
using Workshops.Core.Domain.Proposals;
using Workshops.Core.Domain.Travel;

namespace Workshops.Web.Features.Reviewing;

[Authorize(Roles = Roles.Reviewer)]
public sealed class IndexModel(AppDbContext db) : PageModel
{
    public sealed record Row(Proposal Proposal, Call Call, bool Reviewed);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    /// <summary>A travel support application this reviewer may score: not their own, not from their institution.</summary>
    public sealed record TravelRow(Guid Id, string Applicant, string Workshop, bool Reviewed);

    public IReadOnlyList<TravelRow> Travel { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var me = User.Id()!;
        var calls = await db.Calls.AsNoTracking().ToDictionaryAsync(c => c.Id, ct);
        var assigned = await db.ReviewerAssignments.Where(a => a.ReviewerId == me).Select(a => a.ProposalId).ToListAsync(ct);
        var open = await db.Proposals.AsNoTracking()
            .Where(p => p.Status == ProposalStatus.Submitted && p.ProposerId != me)
            .OrderBy(p => p.SubmittedAt).ToListAsync(ct);
        var mine = (await db.Reviews.Where(r => r.ReviewerId == me).Select(r => r.ProposalId).ToListAsync(ct)).ToHashSet();
        Rows = open
            .Where(p => calls[p.CallId].Reviewers == ReviewerPool.AllReviewers || assigned.Contains(p.Id))
            .Select(p => new Row(p, calls[p.CallId], mine.Contains(p.Id)))
            .OrderBy(r => r.Reviewed).ToList();
        Travel = await TravelAsync(me, ct);
    }

    private async Task<IReadOnlyList<TravelRow>> TravelAsync(string me, CancellationToken ct)
    {
        var open = await db.TravelApplications.AsNoTracking()
            .Where(a => (a.Status == TravelStatus.Submitted || a.Status == TravelStatus.Reserve) && a.ApplicantId != me)
            .OrderBy(a => a.SubmittedAt).ToListAsync(ct);
        if (open.Count == 0) return [];
        var registrationIds = open.Select(a => a.RegistrationId).ToList();
        var registrations = await db.Registrations.AsNoTracking().Where(r => registrationIds.Contains(r.Id))
            .Select(r => new { r.Id, r.Name, r.Institution }).ToDictionaryAsync(r => r.Id, ct);
        var workshopIds = open.Select(a => a.WorkshopId).Distinct().ToList();
        var workshops = await db.Workshops.AsNoTracking().Where(w => workshopIds.Contains(w.Id)).ToDictionaryAsync(w => w.Id, ct);
        var account = await db.Users.Where(u => u.Id == me).Select(u => u.Institution).FirstOrDefaultAsync(ct);
        var mine = await db.Registrations.Where(r => r.UserId == me && workshopIds.Contains(r.WorkshopId)).Select(r => new { r.WorkshopId, r.Institution }).ToListAsync(ct);
        var reviewed = (await db.TravelReviews.Where(r => r.ReviewerId == me).Select(r => r.ApplicationId).ToListAsync(ct)).ToHashSet();
        return open
            .Where(a => ReviewerEligibility.For(a, registrations[a.RegistrationId].Institution, me,
                [account, .. mine.Where(m => m.WorkshopId == a.WorkshopId).Select(m => m.Institution)]).May)
            .Select(a => new TravelRow(a.Id, registrations[a.RegistrationId].Name, workshops[a.WorkshopId].Title, reviewed.Contains(a.Id)))
            .OrderBy(r => r.Reviewed).ToList();
    }
}
