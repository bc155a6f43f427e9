using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;
using Workshops.Core.Domain.Common;
using Workshops.Core.Domain.Registrations;
using Workshops.Web.Features.Registrations;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Features.Organise.Registrations;

/// <summary>One staged decision as the release's last look shows it: who, what, and the email it sends.</summary>
public sealed record StagedDecisionRow(string Name, string Email, StagedAdmission Decision, string EmailName);

/// <summary>Someone on a waiting list whom an offer of the free seats admits.</summary>
public sealed record SeatOfferRow(Guid Id, string Name, string Email, string Track);

/// <summary>What a release carried out, and why each decision it could not carry out stays staged.</summary>
public sealed record AdmissionRelease(int Admitted, int Waitlisted, int Declined, IReadOnlyList<string> Refused);

/// <summary>
/// The organisers' writes on a workshop's registrations: how it takes them (window, mode, seats, questions), and
/// decisions staged on many registrations then released together (statuses, seats and emails).
/// </summary>
public sealed class AdmissionDesk(AppDbContext db, RegistrationDesk desk, SeatLedger seats, IOutputCacheStore pages, TimeProvider clock)
{
    /// <summary>Creates or changes the workshop's registration settings; a form drawn from an older <paramref name="version"/> changes nothing.</summary>
    public async Task<EditResult> SaveSetupAsync(Guid workshopId, RegistrationSetupDetails details, IEnumerable<RegistrationQuestionDetails> questions, long? version,
        CancellationToken ct)
    {
        var workshop = await db.Workshops.AsNoTracking().FirstOrDefaultAsync(w => w.Id == workshopId, ct);
        if (workshop is null) return EditResult.Fail(null, Tr.T("This workshop no longer exists."));
        var setup = await db.RegistrationSetups.FirstOrDefaultAsync(s => s.WorkshopId == workshopId, ct);
        try
        {
            if (setup is null) db.RegistrationSetups.Add(RegistrationSetup.For(workshop, details, questions, clock.GetUtcNow()));
            else
            {
                db.Expect(setup, version);
                setup.Update(workshop, details, questions, clock.GetUtcNow());
            }
        }
        catch (DomainException e)
        {
            return EditResult.Refused(e);
        }
        if (!await db.TrySaveAsync(ct)) return EditResult.Conflict(Tr.T("these registration settings"));
        await seats.EnsureCountersAsync(workshopId, ct);
        await pages.EvictAsync(ct);
        return EditResult.Ok(workshopId);
    }

    /// <summary>Stages one decision on each chosen registration; returns the ones refused, with why.</summary>
    public async Task<IReadOnlyList<string>> StageAsync(Guid workshopId, IReadOnlyCollection<Guid> ids, StagedAdmission decision, CancellationToken ct)
    {
        var chosen = await db.Registrations.Where(r => r.WorkshopId == workshopId && ids.Contains(r.Id)).ToListAsync(ct);
        var refused = new List<string>();
        foreach (var registration in chosen)
        {
            try
            {
                registration.Stage(decision, clock.GetUtcNow());
            }
            catch (DomainException e)
            {
                refused.Add($"{registration.Name}: {e.Message}");
            }
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return [Tr.T("Some registrations changed meanwhile (a cancellation, perhaps); nothing was staged. Reload the page and stage again.")];
        }
        return refused;
    }

    /// <summary>Every staged decision in the order a release carries them out, with the email each sends.</summary>
    public async Task<IReadOnlyList<StagedDecisionRow>> StagedAsync(Guid workshopId, CancellationToken ct) =>
        (await db.Registrations.AsNoTracking()
            .Where(r => r.WorkshopId == workshopId && r.Staged != StagedAdmission.None)
            .OrderBy(r => r.CreatedAt)
            .Select(r => new { r.Name, r.Email, r.Staged })
            .ToListAsync(ct))
        .Select(r => new StagedDecisionRow(r.Name, r.Email, r.Staged, Core.Email.Editable.RegistrationEmails.For(r.Staged.Target())?.Name ?? Tr.T("none")))
        .ToList();

    /// <summary>
    /// Carries out every staged decision, oldest registration first, each in its own transaction with its seat and
    /// its email. An admission beyond the seats is refused and stays staged, so the organiser sees which and why.
    /// </summary>
    public async Task<EditResult<AdmissionRelease>> ReleaseAsync(Guid workshopId, string byUserId, CancellationToken ct)
    {
        var staged = await db.Registrations.AsNoTracking()
            .Where(r => r.WorkshopId == workshopId && r.Staged != StagedAdmission.None)
            .OrderBy(r => r.CreatedAt)
            .Select(r => new { r.Id, r.Name, r.Staged })
            .ToListAsync(ct);
        int admitted = 0, waitlisted = 0, declined = 0;
        var refused = new List<string>();
        foreach (var r in staged)
        {
            var result = await desk.MoveAsync(r.Id, r.Staged.Target(), byUserId, ct);
            if (result.Error is not null)
            {
                refused.Add(result.Error);
                continue;
            }
            _ = r.Staged switch
            {
                StagedAdmission.Admit => admitted++,
                StagedAdmission.Waitlist => waitlisted++,
                _ => declined++,
            };
        }
        return EditResult<AdmissionRelease>.Ok(new AdmissionRelease(admitted, waitlisted, declined, refused));
    }

    /// <summary>Who an offer of the free seats would admit now, in the order it admits them.</summary>
    public async Task<IReadOnlyList<SeatOfferRow>> SeatOffersAsync(Guid workshopId, CancellationToken ct)
    {
        var workshop = await db.Workshops.AsNoTracking().FirstOrDefaultAsync(w => w.Id == workshopId, ct);
        var total = await db.RegistrationSetups.Where(s => s.WorkshopId == workshopId).Select(s => s.TotalSeats).FirstOrDefaultAsync(ct);
        if (workshop is null) return [];
        var plan = SeatPlan.For(workshop, total);
        var taken = await db.Registrations
            .Where(r => r.WorkshopId == workshopId && (r.Status == RegistrationStatus.Admitted || r.Status == RegistrationStatus.CheckedIn))
            .GroupBy(r => r.TrackId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var waiting = new Dictionary<Guid, IReadOnlyList<SeatOfferRow>>();
        IEnumerable<Guid?> tracks = plan.Tracks.Count == 0 ? [null] : plan.Tracks.Select(t => (Guid?)t.Id);
        foreach (var track in tracks)
        {
            var name = plan.Tracks.FirstOrDefault(t => t.Id == track)?.Name ?? "";
            waiting[track ?? Guid.Empty] = (await WaitingList.Of(db.Registrations.AsNoTracking(), workshopId, track)
                .Select(r => new { r.Id, r.Name, r.Email }).ToListAsync(ct)).Select(r => new SeatOfferRow(r.Id, r.Name, r.Email, name)).ToList();
        }
        return SeatOffers.Pick(plan, taken.ToDictionary(t => t.Key ?? Guid.Empty, t => t.Count), waiting);
    }

    /// <summary>
    /// Admits the people <see cref="SeatOffersAsync"/> lists, each with their seat and the admission email, in their
    /// own transaction; someone who took a seat meanwhile makes a later admission refused, and that person keeps waiting.
    /// </summary>
    public async Task<EditResult<AdmissionRelease>> OfferSeatsAsync(Guid workshopId, string byUserId, CancellationToken ct)
    {
        int admitted = 0;
        var refused = new List<string>();
        foreach (var offer in await SeatOffersAsync(workshopId, ct))
        {
            var result = await desk.MoveAsync(offer.Id, RegistrationStatus.Admitted, byUserId, ct);
            if (result.Error is not null) refused.Add(result.Error);
            else admitted++;
        }
        await pages.EvictAsync(ct);
        return EditResult<AdmissionRelease>.Ok(new AdmissionRelease(admitted, 0, 0, refused));
    }
}
