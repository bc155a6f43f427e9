using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Domain.Accounts;
using Workshops.Core.Data;
using Workshops.Core.Domain.Packs;
using Workshops.Core.Domain.Registrations;
using Workshops.Core.Domain.Workshops;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Features.Registrations;

/// <summary>A registration as one viewer may see it: the participant (signed in, or through the private link) or an organiser.</summary>
public sealed record RegistrationView(Registration Registration, Workshop Workshop, RegistrationSetup Setup, bool IsParticipant, bool IsOrganiser,
    IReadOnlyList<HistoryEntry> History, DateTimeOffset Now, int? WaitingPosition = null, PackView? Pack = null, string? WaitingReason = null)
{
    /// <summary>The workshop's travel support as this registration sees it; null when the workshop offers none.</summary>
    public TravelSummary? Travel { get; init; }

    public bool MayEdit => IsParticipant && RegistrationStatuses.IsEditable(Registration.Status) && Setup.IsOpen(Now);
    public bool MayCancel => IsParticipant && RegistrationStatuses.CanMove(Registration.Status, RegistrationStatus.Cancelled);

    /// <summary>The participant pressed Cancel: the page says what cancelling loses and asks to confirm.</summary>
    public bool ConfirmingCancel { get; init; }

    /// <summary>What cancelling loses, said before it is done: it cannot be undone.</summary>
    public string CancelConsequence => Registration.Status switch
    {
        RegistrationStatus.Admitted => Setup.AutoPromote
            ? Tr.T("You give up your seat, and it goes at once to the next person on the waiting list: you cannot have it back.")
            : Tr.T("You give up your seat, and the organisers offer it to someone else: you cannot have it back."),
        RegistrationStatus.Waitlisted => Tr.T("You leave the waiting list; if you register again, you join it at the end."),
        _ => Tr.T("The organisers will no longer consider your registration."),
    };
    public string? TrackName => Workshop.Tracks.FirstOrDefault(t => t.Id == Registration.TrackId)?.Name;
    /// <summary>Checked in, and the workshop is over: the certificate of attendance can be had.</summary>
    public bool CertificateReady => Registration.Status == RegistrationStatus.CheckedIn && Now >= Workshop.EndsAt;
}

/// <summary>Travel support for one registration: whether applications are open (and until when), and where its application stands.</summary>
public sealed record TravelSummary(bool Open, string Closes, Core.Domain.Travel.TravelStatus? Status);

/// <summary>Where an admitted attendee's pack stands: the organisers have made packs (so one can be had), and when this one was built.</summary>
public sealed record PackView(bool Available, DateTimeOffset? BuiltAt, int? AgendaVersion, long? Length);

public sealed class RegistrationAccess(AppDbContext db, StatusHistory history, SeatLedger seats, TimeProvider clock)
{
    /// <summary>Null when there is no such registration or the viewer may not see it (they get a 404, not a hint it exists).</summary>
    public async Task<RegistrationView?> ForAsync(Guid id, ClaimsPrincipal user, CancellationToken ct, bool viaLink = false, bool track = false)
    {
        var query = track ? db.Registrations : db.Registrations.AsNoTracking();
        var registration = await query.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (registration is null) return null;
        var isParticipant = viaLink || registration.UserId == user.Id();
        var isOrganiser = user.IsInRole(Roles.Organiser) || user.IsInRole(Roles.Admin);
        if (!isParticipant && !isOrganiser) return null;
        var workshop = await db.Workshops.AsNoTracking().FirstAsync(w => w.Id == registration.WorkshopId, ct);
        var setup = await db.RegistrationSetups.AsNoTracking().FirstAsync(s => s.WorkshopId == registration.WorkshopId, ct);
        int? position = null;
        string? waitingReason = null;
        if (registration.Status == RegistrationStatus.Waitlisted)
        {
            waitingReason = WaitingList.Reason(await seats.HasFreeSeatAsync(registration.WorkshopId, registration.TrackId, ct), setup.AutoPromote);
            // A waiting list is a few dozen people at most: their ids are cheaper to reason about than a ranking query.
            var line = await WaitingList.Of(db.Registrations, registration.WorkshopId, registration.TrackId).Select(r => r.Id).ToListAsync(ct);
            position = line.IndexOf(registration.Id) + 1;
        }
        PackView? pack = null;
        if (RegistrationStatuses.HoldsSeat(registration.Status))
        {
            var built = await db.AttendeePacks.AsNoTracking().Where(p => p.RegistrationId == id).Select(p => new { p.BuiltAt, p.AgendaVersion, p.Length }).FirstOrDefaultAsync(ct);
            var generated = built is not null || await db.PackRuns.AnyAsync(r => r.WorkshopId == registration.WorkshopId && r.Status == PackRunStatus.Done, ct);
            pack = new PackView(generated, built?.BuiltAt, built?.AgendaVersion, built?.Length);
        }
        var now = clock.GetUtcNow();
        return new RegistrationView(registration, workshop, setup, isParticipant, isOrganiser,
            await history.ForAsync(nameof(Registration), id, ct), now, position, pack, waitingReason) { Travel = await TravelAsync(registration, now, ct) };
    }

    private async Task<TravelSummary?> TravelAsync(Registration registration, DateTimeOffset now, CancellationToken ct)
    {
        var fund = await db.TravelFunds.AsNoTracking().FirstOrDefaultAsync(f => f.WorkshopId == registration.WorkshopId, ct);
        if (fund is null) return null;
        var status = await db.TravelApplications.Where(a => a.RegistrationId == registration.Id).Select(a => (Core.Domain.Travel.TravelStatus?)a.Status).FirstOrDefaultAsync(ct);
        if (status is null && !fund.Offered) return null;
        return new TravelSummary(fund.IsOpen(now), fund.Local(fund.ClosesAt), status);
    }
}
