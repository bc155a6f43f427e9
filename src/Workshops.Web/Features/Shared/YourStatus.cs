using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;
using Workshops.Core.Domain.Proposals;
using Workshops.Core.Domain.Registrations;

namespace Workshops.Web.Features.Shared;

/// <summary>The signed-in person's live registration for a workshop, as the home, workshop and call pages show it.</summary>
public sealed record YourRegistration(Guid Id, RegistrationStatus Status, string? Track, int? WaitingPlace)
{
    /// <summary>"awaiting a decision", "admitted (Developers)", "on the waiting list (number 2)".</summary>
    public string Describe() => Status switch
    {
        RegistrationStatus.Admitted or RegistrationStatus.CheckedIn when Track is not null => $"{Status.Label()} ({Track})",
        RegistrationStatus.Waitlisted => WaitingPlace is { } place ? Tr.T("on the waiting list (number {0})", place) : Tr.T("registration|on the waiting list"),
        _ => Status.Label(),
    };
}

/// <summary>One of the signed-in person's proposals to a call, as the call's page lists them.</summary>
public sealed record YourProposal(Guid Id, string Title, ProposalStatus Status);

/// <summary>
/// What the signed-in person has going on, read for the pages everyone sees, so a participant never meets a big
/// "Register" button for a workshop they are registered for. Those pages are cached only for visitors who are not signed in.
/// </summary>
public sealed class YourStatus(AppDbContext db)
{
    public async Task<IReadOnlyDictionary<Guid, YourRegistration>> RegistrationsAsync(string? userId, IReadOnlyCollection<Guid> workshopIds, CancellationToken ct)
    {
        if (userId is null || workshopIds.Count == 0) return new Dictionary<Guid, YourRegistration>();
        var mine = await db.Registrations.AsNoTracking()
            .Where(r => r.UserId == userId && workshopIds.Contains(r.WorkshopId) && r.Status != RegistrationStatus.Cancelled)
            .Select(r => new { r.Id, r.WorkshopId, r.Status, r.TrackId }).ToListAsync(ct);
        var tracks = await db.Tracks.Where(t => workshopIds.Contains(t.WorkshopId)).Select(t => new { t.Id, t.Name }).ToDictionaryAsync(t => t.Id, t => t.Name, ct);
        var result = new Dictionary<Guid, YourRegistration>();
        foreach (var r in mine)
        {
            int? place = null;
            if (r.Status == RegistrationStatus.Waitlisted)
            {
                var order = await WaitingList.Of(db.Registrations.AsNoTracking(), r.WorkshopId, r.TrackId).Select(x => x.Id).ToListAsync(ct);
                place = order.IndexOf(r.Id) + 1;
            }
            result[r.WorkshopId] = new YourRegistration(r.Id, r.Status, r.TrackId is { } t ? tracks.GetValueOrDefault(t) : null, place is > 0 ? place : null);
        }
        return result;
    }

    public async Task<YourRegistration?> RegistrationAsync(string? userId, Guid workshopId, CancellationToken ct) =>
        (await RegistrationsAsync(userId, [workshopId], ct)).GetValueOrDefault(workshopId);

    public async Task<IReadOnlyList<YourProposal>> ProposalsAsync(string? userId, Guid callId, CancellationToken ct) =>
        userId is null
            ? []
            : await db.Proposals.AsNoTracking().Where(p => p.CallId == callId && (p.ProposerId == userId || p.CoSpeakers.Any(c => c.UserId == userId)))
                .OrderBy(p => p.CreatedAt).Select(p => new YourProposal(p.Id, p.Title, p.Status)).ToListAsync(ct);
}
