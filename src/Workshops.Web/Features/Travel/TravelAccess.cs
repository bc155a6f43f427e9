using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;
using Workshops.Core.Domain.Accounts;
using Workshops.Core.Domain.Registrations;
using Workshops.Core.Domain.Travel;
using Workshops.Core.Domain.Workshops;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Features.Travel;

/// <summary>A registration's travel support as one viewer may see it: the participant, or an organiser.</summary>
public sealed record TravelView(Registration Registration, Workshop Workshop, TravelFund Fund, TravelApplication? Application,
    bool IsApplicant, bool IsOrganiser, IReadOnlyList<HistoryEntry> History, DateTimeOffset Now)
{
    /// <summary>The receipts uploaded for an award, oldest first.</summary>
    public IReadOnlyList<TravelReceipt> Receipts { get; init; } = [];
    /// <summary>Who funds an award, as its letter names them; null without an award.</summary>
    public string? Funder { get; init; }
    public bool MayUploadReceipts => IsApplicant && Application is { Status: TravelStatus.Awarded };

    /// <summary>A live registration: travel support is for people who are coming, or may yet.</summary>
    public bool RegistrationLive => !Registration.IsErased && Registration.Status is not (RegistrationStatus.Cancelled or RegistrationStatus.Declined);
    public bool MayApply => IsApplicant && Application is null && RegistrationLive && Fund.IsOpen(Now);
    public bool MayEdit => IsApplicant && Application is { Staged: TravelDecision.None } a && TravelStatuses.IsEditable(a.Status) && Fund.IsOpen(Now) && RegistrationLive;
    public bool MayWithdraw => IsApplicant && Application is { IsSettling: false } a && TravelStatuses.CanMove(a.Status, TravelStatus.Withdrawn);
    /// <summary>Asked to confirm before withdrawing: an award given back cannot be had again.</summary>
    public bool ConfirmingWithdraw { get; init; }
    public Currencies.Currency Currency => Currencies.Find(Application?.Currency ?? Fund.Currency)!;
}

public sealed class TravelAccess(AppDbContext db, StatusHistory history, TimeProvider clock)
{
    /// <summary>Null when there is no such registration, its workshop has no fund, or the viewer may not see it (a 404, not a hint).</summary>
    public async Task<TravelView?> ForAsync(Guid registrationId, ClaimsPrincipal user, CancellationToken ct)
    {
        var registration = await db.Registrations.AsNoTracking().FirstOrDefaultAsync(r => r.Id == registrationId, ct);
        if (registration is null) return null;
        var isApplicant = registration.UserId.Length > 0 && registration.UserId == user.Id();
        var isOrganiser = user.IsInRole(Roles.Organiser) || user.IsInRole(Roles.Admin);
        if (!isApplicant && !isOrganiser) return null;
        var fund = await db.TravelFunds.AsNoTracking().FirstOrDefaultAsync(f => f.WorkshopId == registration.WorkshopId, ct);
        if (fund is null) return null;
        var application = await db.TravelApplications.AsNoTracking().FirstOrDefaultAsync(a => a.RegistrationId == registrationId, ct);
        // A draft is the applicant's own until they submit it.
        if (!isApplicant && application is { Status: TravelStatus.Draft }) application = null;
        // Turned off before this person applied: there is nothing to show them.
        if (application is null && !fund.Offered) return null;
        var workshop = await db.Workshops.AsNoTracking().FirstAsync(w => w.Id == registration.WorkshopId, ct);
        var entries = application is null ? [] : await history.ForAsync(nameof(TravelApplication), application.Id, ct);
        var receipts = application is null ? [] : await db.TravelReceipts.AsNoTracking().Where(r => r.ApplicationId == application.Id).OrderBy(r => r.UploadedAt).ToListAsync(ct);
        return new TravelView(registration, workshop, fund, application, isApplicant, isOrganiser, entries, clock.GetUtcNow()) 
        {
            Receipts = receipts,
            Funder = application?.Status == TravelStatus.Awarded ? await TravelMail.FunderAsync(db, fund, ct) : null,
        };
    }
}
