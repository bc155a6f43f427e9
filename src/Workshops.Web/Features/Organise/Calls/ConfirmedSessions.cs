using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;
using Workshops.Core.Domain.Proposals;

namespace Workshops.Web.Features.Organise.Calls;

/// <summary>A person presenting a confirmed session: the proposer, or a co-speaker who confirmed.</summary>
public sealed record SessionSpeaker(string Name, string Email, string? UserId);

/// <summary>A confirmed session as the agenda schedules it: what, how long, which track, and who presents it.</summary>
public sealed record ConfirmedSession(Guid ProposalId, string Title, string? Abstract, SessionType Type, int DurationMinutes,
    Guid? TrackId, string? TrackName, IReadOnlyList<SessionSpeaker> Speakers);

/// <summary>The sessions a workshop's agenda can schedule: those of its call for sessions whose speaker confirmed.</summary>
public sealed class ConfirmedSessions(AppDbContext db)
{
    public async Task<IReadOnlyList<ConfirmedSession>> ForWorkshopAsync(Guid workshopId, CancellationToken ct)
    {
        var callIds = await db.Calls.Where(c => c.WorkshopId == workshopId).Select(c => c.Id).ToListAsync(ct);
        var proposals = await db.Proposals.AsNoTracking()
            .Where(p => callIds.Contains(p.CallId) && p.Status == ProposalStatus.Confirmed)
            .OrderBy(p => p.Title)
            .ToListAsync(ct);
        var proposerIds = proposals.Select(p => p.ProposerId).Distinct().ToList();
        var people = await db.Users.AsNoTracking().Where(u => proposerIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => (u.DisplayName, u.Email), ct);
        var tracks = await db.Tracks.AsNoTracking().Where(t => t.WorkshopId == workshopId).ToDictionaryAsync(t => t.Id, t => t.Name, ct);
        return proposals
            .Where(p => p.Session is { Type: not null, DurationMinutes: not null })
            .Select(p =>
            {
                var (name, email) = people.GetValueOrDefault(p.ProposerId, (Tr.T("(account removed)"), null));
                var speakers = new List<SessionSpeaker> { new(name, email ?? "", p.ProposerId) };
                speakers.AddRange(p.CoSpeakers.Where(c => c.Status == CoSpeakerStatus.Confirmed).OrderBy(c => c.Position).Select(c => new SessionSpeaker(c.Name, c.Email, c.UserId)));
                var trackId = p.Session!.TrackId;
                return new ConfirmedSession(p.Id, p.Title, p.Text, p.Session.Type!.Value, p.Session.DurationMinutes!.Value,
                    trackId, trackId is { } id ? tracks.GetValueOrDefault(id) : null, speakers);
            })
            .ToList();
    }
}
