using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;
using Workshops.Core.Domain.Announcements;
using Workshops.Core.Domain.Packs;
using Workshops.Core.Domain.Proposals;
using Workshops.Core.Domain.Registrations;
using Workshops.Core.Domain.Workshops;
using Workshops.Web.Features.Organise.Agenda;
using Workshops.Web.Features.Organise.Packs;

namespace Workshops.Web.Features.Organise.Dashboard;

public sealed record CallSummary(Guid Id, string Title, bool IsOpen, bool HasClosed, string When,
    IReadOnlyList<(ProposalStatus Status, int Count)> ByStatus, int Undecided, int Staged, int AwaitingSpeaker);

public sealed record RegistrationSummary(RegistrationSetup Setup, SeatPlan Seats, int Taken, IReadOnlyList<(RegistrationStatus Status, int Count)> ByStatus,
    int Waiting, int OfferableSeats, int Staged, int Undecided);

public sealed record AgendaSummary(int Placed, int Unscheduled, int Warnings, int? PublishedNumber, DateTimeOffset? PublishedAt, int PendingChanges);

public sealed record PackSummary(int Attendees, int Current, int Outdated, int Missing, bool Making, int LettersToApprove);

public sealed record AnnouncementSummary(Guid Id, Workshops.Core.Localization.LocalText Subject, AnnouncementStatus Status, int Recipients, DateTimeOffset When);

/// <summary>Something on the dashboard that waits for the organiser, with where to act on it.</summary>
public sealed record Attention(string Text, string Href);

public sealed record DashboardView(Workshop Workshop, IReadOnlyList<CallSummary> Calls, RegistrationSummary? Registration, AgendaSummary Agenda,
    PackSummary Packs, IReadOnlyList<AnnouncementSummary> Announcements, int AnnouncementCount, IReadOnlyList<Attention> Attention);

/// <summary>
/// A workshop's state at a glance for its organisers (Indico's event management overview is the model): the call,
/// registrations and seats, the agenda, the packs, the announcements, and what needs acting on now.
/// </summary>
public sealed class WorkshopDashboard(AppDbContext db, AgendaDesk agenda, PackDesk packs, TimeProvider clock)
{
    public async Task<DashboardView?> LoadAsync(Guid workshopId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var draft = await agenda.LoadAsync(workshopId, ct, withPublished: true);
        if (draft is null) return null;
        var workshop = draft.Workshop;
        var calls = await CallsAsync(workshopId, now, ct);
        var registration = await RegistrationAsync(workshop, ct);
        var agendaSummary = new AgendaSummary(draft.Items.Count(i => i.StartsAt is not null), draft.Items.Count(i => i.StartsAt is null), draft.Conflicts.Count,
            draft.Latest?.Number, draft.Latest?.PublishedAt, draft.PendingChanges().Count);
        var packSummary = await PacksAsync(workshopId, now, ct);
        var announcements = await db.Announcements.AsNoTracking().Where(a => a.WorkshopId == workshopId)
            .OrderByDescending(a => a.CreatedAt).Take(5)
            .Select(a => new AnnouncementSummary(a.Id, a.Subject, a.Status, a.Recipients, a.FinishedAt ?? a.ScheduledFor ?? a.CreatedAt)).ToListAsync(ct);
        var announcementCount = await db.Announcements.CountAsync(a => a.WorkshopId == workshopId, ct);
        return new DashboardView(workshop, calls, registration, agendaSummary, packSummary, announcements, announcementCount,
            AttentionFor(workshop, calls, registration, agendaSummary, packSummary, announcements));
    }

    private async Task<IReadOnlyList<CallSummary>> CallsAsync(Guid workshopId, DateTimeOffset now, CancellationToken ct)
    {
        var calls = await db.Calls.AsNoTracking().Where(c => c.WorkshopId == workshopId).OrderBy(c => c.OpensAt).ToListAsync(ct);
        var ids = calls.Select(c => c.Id).ToList();
        var counts = await db.Proposals.Where(p => ids.Contains(p.CallId))
            .GroupBy(p => new { p.CallId, p.Status, p.Decision })
            .Select(g => new { g.Key.CallId, g.Key.Status, g.Key.Decision, Count = g.Count() }).ToListAsync(ct);
        return calls.Select(c =>
        {
            var mine = counts.Where(x => x.CallId == c.Id).ToList();
            var zone = Core.Time.WorkshopTime.Zone(c.TimeZoneId);
            var when = c.IsOpen(now) ? Tr.T("Open until {0}", Formats.Date(Core.Time.WorkshopTime.ToLocal(c.ClosesAt, zone)))
                : now < c.OpensAt ? Tr.T("Opens on {0}", Formats.Date(Core.Time.WorkshopTime.ToLocal(c.OpensAt, zone)))
                : Tr.T("Closed on {0}", Formats.Date(Core.Time.WorkshopTime.ToLocal(c.ClosesAt, zone)));
            return new CallSummary(c.Id, c.Title, c.IsOpen(now), now >= c.ClosesAt, when,
                Enum.GetValues<ProposalStatus>().Where(s => s != ProposalStatus.Draft)
                    .Select(s => (s, mine.Where(x => x.Status == s).Sum(x => x.Count))).Where(x => x.Item2 > 0).ToList(),
                mine.Where(x => x.Status == ProposalStatus.Submitted && x.Decision == StagedDecision.Pending).Sum(x => x.Count),
                mine.Where(x => x.Status == ProposalStatus.Submitted && x.Decision != StagedDecision.Pending).Sum(x => x.Count),
                mine.Where(x => x.Status == ProposalStatus.Accepted).Sum(x => x.Count));
        }).ToList();
    }

    private async Task<RegistrationSummary?> RegistrationAsync(Workshop workshop, CancellationToken ct)
    {
        var setup = await db.RegistrationSetups.AsNoTracking().FirstOrDefaultAsync(s => s.WorkshopId == workshop.Id, ct);
        if (setup is null) return null;
        var rows = await db.Registrations.Where(r => r.WorkshopId == workshop.Id)
            .GroupBy(r => new { r.Status, r.TrackId, r.Staged })
            .Select(g => new { g.Key.Status, g.Key.TrackId, g.Key.Staged, Count = g.Count() }).ToListAsync(ct);
        var plan = SeatPlan.For(workshop, setup.TotalSeats);
        var holding = rows.Where(r => RegistrationStatuses.HoldsSeat(r.Status)).ToList();
        var taken = holding.Sum(r => r.Count);
        var offerable = SeatOffers.Count(plan, holding.GroupBy(r => r.TrackId).ToDictionary(g => g.Key ?? Guid.Empty, g => g.Sum(r => r.Count)),
            rows.Where(r => r.Status == RegistrationStatus.Waitlisted).GroupBy(r => r.TrackId).ToDictionary(g => g.Key ?? Guid.Empty, g => g.Sum(r => r.Count)));
        return new RegistrationSummary(setup, plan, taken,
            Enum.GetValues<RegistrationStatus>().Select(s => (s, rows.Where(r => r.Status == s).Sum(r => r.Count))).ToList(),
            rows.Where(r => r.Status == RegistrationStatus.Waitlisted).Sum(r => r.Count),
            offerable,
            rows.Where(r => r.Staged != StagedAdmission.None).Sum(r => r.Count),
            rows.Where(r => r.Status == RegistrationStatus.Submitted && r.Staged == StagedAdmission.None).Sum(r => r.Count));
    }

    private async Task<PackSummary> PacksAsync(Guid workshopId, DateTimeOffset now, CancellationToken ct)
    {
        var attendees = await packs.AttendeesAsync(workshopId, ct);
        var latest = await packs.LatestAgendaVersionAsync(workshopId, ct);
        var runs = await packs.RunsAsync(workshopId, ct);
        var letters = await packs.LetterRequestsAsync(workshopId, ct);
        return new PackSummary(attendees.Count,
            attendees.Count(a => a.BuiltAt is not null && a.AgendaVersion == latest),
            attendees.Count(a => a.BuiltAt is not null && a.AgendaVersion != latest),
            attendees.Count(a => a.BuiltAt is null),
            runs.Any(r => r.IsActive && !r.IsLost(now)),
            letters.Count(l => l.ApprovedAt is null && RegistrationStatuses.HoldsSeat(l.Status)));
    }

    private static IReadOnlyList<Attention> AttentionFor(Workshop w, IReadOnlyList<CallSummary> calls, RegistrationSummary? reg, AgendaSummary agenda,
        PackSummary packs, IReadOnlyList<AnnouncementSummary> announcements)
    {
        var list = new List<Attention>();
        var at = $"/organise/workshops/{w.Id}";
        if (w.Status == WorkshopStatus.Draft) list.Add(new(Tr.T("The workshop is a draft: visitors cannot see it until you publish it."), $"{at}/edit"));
        foreach (var c in calls)
        {
            if (c.Staged > 0) list.Add(new(Tr.N(c.Staged, "{0} proposal decision is staged but not released.", "{0} proposal decisions are staged but not released."), $"/organise/calls/{c.Id}"));
            if (c.HasClosed && c.Undecided > 0) list.Add(new(Tr.N(c.Undecided, "{0} proposal waits for a decision; the call has closed.", "{0} proposals wait for a decision; the call has closed."), $"/organise/calls/{c.Id}"));
        }
        if (reg is null) list.Add(new(Tr.T("Registration is not set up: nobody can register yet."), $"{at}/registration"));
        else
        {
            if (reg.Staged > 0) list.Add(new(Tr.N(reg.Staged, "{0} registration decision is staged but not released.", "{0} registration decisions are staged but not released."), $"{at}/registrations"));
            if (reg.Undecided > 0 && reg.Setup.Mode == RegistrationMode.Approval)
                list.Add(new(Tr.N(reg.Undecided, "{0} registration awaits a decision.", "{0} registrations await a decision."), $"{at}/registrations"));
            if (reg.OfferableSeats > 0)
                list.Add(new(Tr.N(reg.OfferableSeats, "{0} seat is free while people are on the waiting list.", "{0} seats are free while people are on the waiting list."), $"{at}/registrations#seats-heading"));
        }
        if (agenda.Warnings > 0) list.Add(new(Tr.N(agenda.Warnings, "The agenda has {0} warning.", "The agenda has {0} warnings."), $"{at}/agenda#warnings"));
        if (agenda.PublishedNumber is not null && agenda.PendingChanges > 0)
            list.Add(new(Tr.N(agenda.PendingChanges, "The agenda draft has {0} change not yet published.", "The agenda draft has {0} changes not yet published."), $"{at}/agenda/publish"));
        if (packs.LettersToApprove > 0) list.Add(new(Tr.N(packs.LettersToApprove, "{0} invitation letter waits for approval.", "{0} invitation letters wait for approval."), $"{at}/packs#letters-heading"));
        if (packs.Outdated > 0 && !packs.Making) list.Add(new(Tr.N(packs.Outdated, "{0} attendee pack shows an older agenda.", "{0} attendee packs show an older agenda."), $"{at}/packs"));
        foreach (var a in announcements.Where(a => a.Status == AnnouncementStatus.Draft))
            list.Add(new(Tr.T("The announcement “{0}” is still a draft.", a.Subject), $"/organise/announcements/{a.Id}"));
        return list;
    }
}
