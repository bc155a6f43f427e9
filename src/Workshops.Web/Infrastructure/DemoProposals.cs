using Microsoft.EntityFrameworkCore;
using Workshops.Core.Domain.Accounts;
using Workshops.Core.Data;
using Workshops.Core.Domain.Proposals;
using Workshops.Core.Domain.Workshops;

namespace Workshops.Web.Infrastructure;

/// <summary>
/// An open call for next year's workshop with three proposals (two submitted and reviewed, one still a draft), so the
/// organisers' ranking and the reviewers' list have something in them. The demo people have no password: they cannot sign in.
/// </summary>
public sealed class DemoProposals(AppDbContext db, DemoPeople people, TimeProvider clock)
{
    public async Task<int> SeedAsync(int year, CancellationToken ct)
    {
        if (await db.Calls.AnyAsync(c => c.Kind == CallKind.Workshops && c.Year == year, ct)) return 0;
        var now = clock.GetUtcNow();
        var today = now.UtcDateTime.Date;
        var call = Call.ForWorkshops(
            new CallDetails($"Host the {year} workshop", year,
                $"Every year a node hosts the community's workshop. Tell us where you would host the **{year}** edition, for whom, and how it would be paid for.\n\nProposals are reviewed by the reviewers of the community and decided by the organisers.",
                today.AddDays(-14).AddHours(9), today.AddDays(45).AddHours(23).AddMinutes(59), "Europe/Madrid", ReviewerPool.AllReviewers, null),
            [new QuestionDetails(null, "How will participants who cannot travel join?", true), new QuestionDetails(null, "Anything else the organisers should know?", false)],
            [new CriterionDetails(null, "Relevance to the community", 3), new CriterionDetails(null, "Feasibility and budget", 2), new CriterionDetails(null, "Access for participants", 1)],
            now);
        db.Calls.Add(call);

        var lima = await people.PersonAsync("carmen.demo@example.org", "Carmen Quispe", Roles.Member, ct);
        var nairobi = await people.PersonAsync("wanjiru.demo@example.org", "Wanjiru Kamau", Roles.Member, ct);
        var lisbon = await people.PersonAsync("joao.demo@example.org", "João Ferreira", Roles.Member, ct);
        var reviewers = new[]
        {
            await people.PersonAsync("reviewer.one.demo@example.org", "Mei Tanaka", Roles.Reviewer, ct),
            await people.PersonAsync("reviewer.two.demo@example.org", "Lars Nilsson", Roles.Reviewer, ct),
        };

        var at = call.OpensAt.AddDays(2);
        var proposals = new[]
        {
            Propose(call, lima, $"Lima {year}: the Andean nodes host", "Lima", "Peru", "America/Lima", at,
                "Hosted by the **national herbarium**, with a day of field data capture in the Pantanos de Villa.", submit: true),
            Propose(call, nairobi, $"Nairobi {year}: data portals for East Africa", "Nairobi", "Kenya", "Africa/Nairobi", at.AddDays(1),
                "A week at the **National Museums of Kenya**, with an open day for universities of the region.", submit: true),
            Propose(call, lisbon, $"Lisbon {year}", "Lisbon", "Portugal", "Europe/Lisbon", at.AddDays(2),
                "Still drafting: the university has not confirmed the rooms yet.", submit: false),
        };
        foreach (var (proposal, changes) in proposals)
        {
            db.Proposals.Add(proposal);
            db.StatusChanges.AddRange(changes);
        }
        var scores = new[] { new[] { 5, 4, 4 }, new[] { 4, 3, 5 }, new[] { 4, 4, 3 }, new[] { 3, 2, 4 } };
        var n = 0;
        foreach (var (proposal, _) in proposals.Where(p => p.Proposal.Status == ProposalStatus.Submitted))
            foreach (var reviewer in reviewers)
            {
                var given = scores[n++];
                var byCriterion = call.Criteria.OrderBy(c => c.Position).Select((c, i) => (c.Id, given[i])).ToDictionary(x => x.Id, x => x.Item2);
                db.Reviews.Add(Review.Score(proposal, call, reviewer.Id, byCriterion, n % 2 == 1 ? "Strong local team; flights are the question." : "Good plan, the budget needs detail.", at.AddDays(5)));
            }
        await db.SaveChangesAsync(ct);
        return proposals.Length;
    }

    private static (Proposal Proposal, List<Core.Domain.Common.StatusChange> Changes) Propose(Call call, AppUser by, string title, string city, string country,
        string zone, DateTimeOffset at, string text, bool submit)
    {
        var proposal = Proposal.Start(call, by.Id, title, text, at);
        var start = new DateOnly(call.Year, 10, 5);
        proposal.Edit(call, new ProposalContent(title, text,
            new Dictionary<Guid, string?> { [call.Questions[0].Id] = "A hybrid room: talks streamed, questions taken online." },
            new WorkshopPlanDetails($"Node of {country}", city, country, start, start.AddDays(4), zone, WorkshopFormat.Hybrid,
                "Living Atlases: biocache, spatial portal, collectory", 50, "Host institution covers rooms; travel grants requested.",
                [new("Developers", 25), new("Managers", 25)])), at);
        var changes = new List<Core.Domain.Common.StatusChange> { proposal.Created() };
        if (submit) changes.Add(proposal.Submit(call, at.AddHours(2)));
        return (proposal, changes);
    }
}
