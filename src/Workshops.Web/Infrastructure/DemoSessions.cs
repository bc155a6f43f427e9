using Microsoft.EntityFrameworkCore;
using Workshops.Core.Domain.Accounts;
using Workshops.Core.Data;
using Workshops.Core.Domain.Common;
using Workshops.Core.Domain.Proposals;
using Workshops.Core.Domain.Workshops;

namespace Workshops.Web.Infrastructure;

/// <summary>
/// The upcoming workshop's call for sessions, closed and decided: two sessions confirmed for the agenda (one with a
/// confirmed co-speaker), one accepted and waiting for its speaker, one not accepted and one still pending.
/// </summary>
public sealed class DemoSessions(AppDbContext db, DemoPeople people, TimeProvider clock)
{
    public async Task<int> SeedAsync(Workshop workshop, CancellationToken ct)
    {
        if (await db.Calls.AnyAsync(c => c.WorkshopId == workshop.Id, ct)) return 0;
        var now = clock.GetUtcNow();
        var today = now.UtcDateTime.Date;
        var developers = workshop.Tracks.Single(t => t.Name == "Developers").Id;
        var managers = workshop.Tracks.Single(t => t.Name == "Managers").Id;
        var call = Call.ForSessions(workshop,
            new CallDetails($"Sessions for {workshop.Title}", workshop.Year,
                "Propose a talk, a tutorial or a hands-on session for either track. Lightning talks are five minutes, on anything you built this year.",
                today.AddDays(-40).AddHours(9), today.AddDays(-10).AddHours(23).AddMinutes(59), workshop.TimeZoneId, ReviewerPool.AllReviewers, null),
            [new QuestionDetails(null, "Which software versions does the session assume?", false)],
            [new CriterionDetails(null, "Relevance to the participants", 3), new CriterionDetails(null, "Clarity of the abstract", 2)],
            new SessionSetup(SessionTypes.Defaults, [developers, managers]),
            now);
        db.Calls.Add(call);

        var organiser = await people.PersonAsync("organiser.demo@example.org", "Olivia Martins", Roles.Organiser, ct);
        var at = call.OpensAt.AddDays(3);
        var sessions = new[]
        {
            Propose(call, await people.PersonAsync("ana.demo@example.org", "Ana Souza", Roles.Member, ct), "Upgrading a Living Atlas to the new API gateway",
                SessionType.Tutorial, 90, developers, [new("Diego Ramírez", "diego.demo@example.org")], at, StagedDecision.Accept, confirm: true),
            Propose(call, await people.PersonAsync("kofi.demo@example.org", "Kofi Mensah", Roles.Member, ct), "Funding a national node: three models that worked",
                SessionType.Talk, 30, managers, [], at.AddDays(1), StagedDecision.Accept, confirm: true),
            Propose(call, await people.PersonAsync("wanjiru.demo@example.org", "Wanjiru Kamau", Roles.Member, ct), "Docker deployments in one afternoon",
                SessionType.HandsOn, 120, developers, [], at.AddDays(2), StagedDecision.Accept, confirm: false),
            Propose(call, await people.PersonAsync("joao.demo@example.org", "João Ferreira", Roles.Member, ct), "A portal in four languages",
                SessionType.Lightning, 5, managers, [], at.AddDays(3), StagedDecision.Reject, confirm: false),
            Propose(call, await people.PersonAsync("carmen.demo@example.org", "Carmen Quispe", Roles.Member, ct), "Data quality dashboards for herbaria",
                SessionType.Talk, 20, developers, [], at.AddDays(4), StagedDecision.Pending, confirm: false),
        };
        foreach (var (proposal, changes) in sessions)
        {
            db.Proposals.Add(proposal);
            db.StatusChanges.AddRange(changes);
        }
        await db.SaveChangesAsync(ct);
        return sessions.Length;

        (Proposal, List<StatusChange>) Propose(Call c, AppUser by, string title, SessionType type, int minutes, Guid track,
            CoSpeakerDetails[] coSpeakers, DateTimeOffset when, StagedDecision decision, bool confirm)
        {
            var proposal = Proposal.Start(c, by.Id, title, null, when);
            proposal.Edit(c, new ProposalContent(title, $"**{title}**: what participants take home, step by step, with time for their own portals.",
                new Dictionary<Guid, string?>(), Session: new SessionPlanDetails(type, track, minutes, "A projector and power strips, please.", coSpeakers)), when);
            var changes = new List<StatusChange> { proposal.Created(), proposal.Submit(c, when.AddHours(1)) };
            foreach (var (_, token) in proposal.InviteCoSpeakers(when.AddHours(1)))
                proposal.RespondAsCoSpeaker(token, confirm: true, null, when.AddDays(1));
            if (decision == StagedDecision.Pending) return (proposal, changes);
            proposal.Stage(decision, c.ClosesAt.AddDays(2));
            changes.Add(proposal.Release(organiser.Id, c.ClosesAt.AddDays(3))!);
            if (confirm) changes.Add(proposal.MoveTo(ProposalStatus.Confirmed, by.Id, c.ClosesAt.AddDays(4)));
            return (proposal, changes);
        }
    }
}
