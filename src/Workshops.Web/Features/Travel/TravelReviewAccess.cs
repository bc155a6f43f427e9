using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;
using Workshops.Core.Domain.Accounts;
using Workshops.Core.Domain.Proposals;
using Workshops.Core.Domain.Registrations;
using Workshops.Core.Domain.Travel;
using Workshops.Core.Domain.Workshops;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Features.Travel;

/// <summary>One review as others read it: who, their weighted score, each criterion's score and the comment.</summary>
public sealed record TravelReviewRow(string Reviewer, double? Weighted, IReadOnlyDictionary<Guid, int> Scores, string? Comment);

/// <summary>A travel support application as a reviewer sees it, and whether they may score it.</summary>
public sealed record TravelReviewView(TravelApplication Application, TravelFund Fund, Registration Registration, Workshop Workshop,
    ReviewerEligibility Eligibility, TravelReview? Mine, IReadOnlyList<TravelReviewRow> Others, ReviewScore Score)
{
    public bool MayReview => Eligibility.May && TravelStatuses.IsDecidable(Application.Status);
    /// <summary>Others' scores stay hidden until the reviewer has scored, so nobody anchors on them.</summary>
    public bool SeesOthers => Mine is not null;

    public IReadOnlyList<ScoredCriterion> Criteria => TravelScores.Criteria(Fund);
}

public sealed class TravelReviewAccess(AppDbContext db)
{
    /// <summary>Null for a draft or no such application (a 404); reviewers only, which the page's role requires.</summary>
    public async Task<TravelReviewView?> ForAsync(Guid applicationId, ClaimsPrincipal user, CancellationToken ct, bool track = false)
    {
        var applications = track ? db.TravelApplications : db.TravelApplications.AsNoTracking();
        var application = await applications.FirstOrDefaultAsync(a => a.Id == applicationId && a.SubmittedAt != null, ct);
        if (application is null) return null;
        var me = user.Id()!;
        var fund = await db.TravelFunds.AsNoTracking().FirstAsync(f => f.Id == application.FundId, ct);
        var registration = await db.Registrations.AsNoTracking().FirstAsync(r => r.Id == application.RegistrationId, ct);
        var workshop = await db.Workshops.AsNoTracking().FirstAsync(w => w.Id == application.WorkshopId, ct);
        var eligibility = ReviewerEligibility.For(application, registration.Institution, me, await InstitutionsOfAsync(me, application.WorkshopId, ct));
        var reviews = await (track ? db.TravelReviews : db.TravelReviews.AsNoTracking()).Where(r => r.ApplicationId == applicationId).ToListAsync(ct);
        var mine = reviews.FirstOrDefault(r => r.ReviewerId == me);
        // Reviewers read what is still to be decided, and what they reviewed themselves; decided applications are the organisers'.
        if (!TravelStatuses.IsDecidable(application.Status) && mine is null) return null;
        var others = TravelScores.Rows(reviews.Where(r => r != mine), fund, await NamesAsync(reviews.Select(r => r.ReviewerId), ct));
        return new TravelReviewView(application, fund, registration, workshop, eligibility, mine, others, TravelScores.Of(reviews, fund));
    }

    /// <summary>Every review of an application, for the organisers deciding it, with its weighted score.</summary>
    public async Task<(IReadOnlyList<TravelReviewRow> Rows, ReviewScore Score)> AllAsync(TravelApplication application, TravelFund fund, CancellationToken ct)
    {
        var reviews = await db.TravelReviews.AsNoTracking().Where(r => r.ApplicationId == application.Id).ToListAsync(ct);
        return (TravelScores.Rows(reviews, fund, await NamesAsync(reviews.Select(r => r.ReviewerId), ct)), TravelScores.Of(reviews, fund));
    }

    /// <summary>The institutions a reviewer belongs to: their account's, and what they gave when registering for this workshop.</summary>
    public async Task<IReadOnlyList<string?>> InstitutionsOfAsync(string userId, Guid workshopId, CancellationToken ct)
    {
        var account = await db.Users.Where(u => u.Id == userId).Select(u => u.Institution).FirstOrDefaultAsync(ct);
        var registered = await db.Registrations.Where(r => r.UserId == userId && r.WorkshopId == workshopId).Select(r => r.Institution).ToListAsync(ct);
        return [account, .. registered];
    }

    private async Task<Dictionary<string, string>> NamesAsync(IEnumerable<string> ids, CancellationToken ct)
    {
        var list = ids.Distinct().ToList();
        return await db.Users.AsNoTracking().Where(u => list.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
    }
}
