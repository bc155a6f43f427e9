using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;
using Workshops.Core.Domain.Common;
using Workshops.Core.Domain.Registrations;
using Workshops.Web.Features.Registrations;

namespace Workshops.Web.Features.Organise.Registrations;

public sealed record ReleaseResult(int Admitted, int Waitlisted, int Declined, IReadOnlyList<string> Refused);

/// <summary>Organisers stage decisions on many registrations, then release them together: statuses, seats and emails.</summary>
public sealed class AdmissionDesk(AppDbContext db, RegistrationDesk desk, TimeProvider clock)
{
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
            return ["Some registrations changed meanwhile (a cancellation, perhaps); nothing was staged. Reload the page and stage again."];
        }
        return refused;
    }

    /// <summary>
    /// Carries out every staged decision, oldest registration first, each in its own transaction with its seat and
    /// its email. An admission beyond the seats is refused and stays staged, so the organiser sees which and why.
    /// </summary>
    public async Task<ReleaseResult> ReleaseAsync(Guid workshopId, string byUserId, CancellationToken ct)
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
        return new ReleaseResult(admitted, waitlisted, declined, refused);
    }
}
