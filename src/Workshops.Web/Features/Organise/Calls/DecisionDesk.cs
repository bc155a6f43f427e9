using Workshops.Core;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;
using Workshops.Core.Domain.Common;
using Workshops.Core.Domain.Proposals;
using Workshops.Core.Domain.Workshops;
using Workshops.Core.Email;
using Workshops.Core.Email.Editable;
using Workshops.Core.Text;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Features.Organise.Calls;

/// <summary>What a release decided, and the draft workshops it made from accepted workshop proposals.</summary>
public sealed record DecisionRelease(int Accepted, int Rejected, IReadOnlyList<Workshop> Workshops);

/// <summary>Organisers stage decisions one by one, then release them together: statuses, emails and new workshops in one save.</summary>
public sealed class DecisionDesk(AppDbContext db, TimeProvider clock, TemplateMail mail, Outbox outbox, SiteAddress links, Core.Webhooks.WebhookOutbox webhooks)
{
    public async Task<EditResult> StageAsync(Guid proposalId, StagedDecision decision, CancellationToken ct)
    {
        var proposal = await db.Proposals.FirstOrDefaultAsync(p => p.Id == proposalId, ct);
        if (proposal is null) return EditResult.Fail(null, Tr.T("This proposal no longer exists."));
        try
        {
            proposal.Stage(decision, clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
            return EditResult.Ok(proposal.Id);
        }
        catch (DomainException e)
        {
            return EditResult.Fail(null, e.Message);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return EditResult.Fail(null, Tr.T("The proposal was changed meanwhile (withdrawn, perhaps). Reload the page and decide again."));
        }
    }

    public async Task<EditResult<DecisionRelease>> ReleaseAsync(Call call, string byUserId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var staged = await db.Proposals
            .Where(p => p.CallId == call.Id && p.Status == ProposalStatus.Submitted && p.Decision != StagedDecision.Pending)
            .ToListAsync(ct);
        var proposerIds = staged.Select(p => p.ProposerId).Distinct().ToList();
        var people = await db.Users.AsNoTracking().Where(u => proposerIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, ct);
        var workshops = new List<Workshop>();
        var messages = new List<OutboxMessage>();
        var slugs = (await db.Workshops.Select(w => w.Slug).ToListAsync(ct)).ToHashSet();
        var workshopSlug = call.WorkshopId is { } callWorkshop ? await db.Workshops.Where(w => w.Id == callWorkshop).Select(w => w.Slug).FirstOrDefaultAsync(ct) : null;
        var hearing = await webhooks.HearingAsync(Core.Domain.Webhooks.WebhookEvents.ProposalDecided, call.WorkshopId, ct);

        foreach (var proposal in staged)
        {
            try
            {
                await ReleaseOneAsync(proposal);
            }
            catch (DomainException e)
            {
                db.ChangeTracker.Clear();
                return EditResult<DecisionRelease>.Fail(null, Tr.T("Nothing was released: “{0}” could not be: {1}", proposal.Title, e.Message));
            }
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A proposer withdrew, an organiser restaged, or another release ran meanwhile (the proposal's UpdatedAt
            // no longer matched). Everything rolled back, so nobody was told anything.
            db.ChangeTracker.Clear();
            return EditResult<DecisionRelease>.Fail(null, Tr.T("Some proposals changed while you were releasing; nothing was released. Reload the page and release again."));
        }
        foreach (var message in messages) outbox.Kick(message);
        webhooks.Kick();
        return EditResult<DecisionRelease>.Ok(new DecisionRelease(staged.Count(p => p.Status == ProposalStatus.Accepted), staged.Count(p => p.Status == ProposalStatus.Rejected), workshops));

        async Task ReleaseOneAsync(Proposal proposal)
        {
            var accepted = proposal.Decision == StagedDecision.Accept;
            db.StatusChanges.Add(proposal.Release(byUserId, now)!);
            webhooks.Raise(hearing, WebhookData.Proposal(proposal, workshopSlug));
            Workshop? made = null;
            if (accepted && call.Kind == CallKind.Workshops && proposal.Workshop is { } plan)
            {
                var slug = FreeSlug($"{call.Year}-{(Slugs.From(plan.City ?? proposal.Title) is { Length: > 0 } name ? name : "workshop")}", slugs);
                var workshop = Workshop.Create(plan.ToWorkshopDetails(proposal.Title, slug, call.Year, proposal.Text), plan.ToTrackDetails(), now);
                db.Workshops.Add(workshop);
                proposal.BecameWorkshop(workshop.Id, now);
                workshops.Add(workshop);
                made = workshop;
            }
            if (!people.TryGetValue(proposal.ProposerId, out var proposer) || proposer.Email is null) return;
            // The email, its next steps included, is written in the proposer's language.
            using var language = Tr.Use(proposer.Language);
            var nextSteps = "";
            if (made is not null)
                nextSteps = Tr.T("The organisers have made the workshop “{0}” from your proposal and will finish its page with you before it is published.", made.Title);
            if (accepted && call.Kind == CallKind.Sessions)
                nextSteps = Tr.T("Please confirm that you will present it: open the link below and choose “I will present it”. Once you confirm, the organisers place it on the agenda.");
            var decision = new AcceptedValues
            {
                Name = proposer.DisplayName,
                ProposalTitle = proposal.Title,
                CallTitle = call.Title,
                ProposalLink = links.Absolute($"/proposals/{proposal.Id}"),
                NextSteps = nextSteps,
            };
            messages.Add(accepted
                ? await mail.QueueAsync(ProposalEmails.Accepted, proposal.Id.ToString(), proposer.Email, proposer.DisplayName, decision, ct)
                : await mail.QueueAsync<ProposalValues>(ProposalEmails.Rejected, proposal.Id.ToString(), proposer.Email, proposer.DisplayName, decision, ct));
        }
    }

    /// <summary>
    /// Emails the speaker of each accepted session not confirmed yet, through the outbox, and notes when. Returns how many
    /// were reminded.
    /// </summary>
    public static readonly TimeSpan RemindGap = TimeSpan.FromMinutes(10);

    public async Task<int> RemindAsync(Call call, CancellationToken ct)
    {
        if (call.Kind != CallKind.Sessions) return 0;
        var now = clock.GetUtcNow();
        var waiting = await db.Proposals.Where(p => p.CallId == call.Id && p.Status == ProposalStatus.Accepted).ToListAsync(ct);
        var proposerIds = waiting.Select(p => p.ProposerId).Distinct().ToList();
        var people = await db.Users.AsNoTracking().Where(u => proposerIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, ct);
        var workshop = await db.Workshops.AsNoTracking().Where(w => w.Id == call.WorkshopId).Select(w => w.Title).FirstOrDefaultAsync(ct) ?? call.Title;
        var messages = new List<OutboxMessage>();
        foreach (var proposal in waiting)
        {
            if (!people.TryGetValue(proposal.ProposerId, out var speaker) || speaker.Email is null) continue;
            // A second click (or a second organiser) within minutes of the first reminds nobody twice.
            if (proposal.Session?.RemindedAt > now - RemindGap) continue;
            proposal.Reminded(now);
            var reference = $"{proposal.Id}/{now.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture)}";
            // The reminder is written in the speaker's language.
            using var language = Tr.Use(speaker.Language);
            messages.Add(await mail.QueueAsync(ProposalEmails.ConfirmationReminder, reference, speaker.Email, speaker.DisplayName,
                new ConfirmationReminderValues
                {
                    Name = speaker.DisplayName,
                    ProposalTitle = proposal.Title,
                    CallTitle = call.Title,
                    WorkshopTitle = workshop,
                    ProposalLink = links.Absolute($"/proposals/{proposal.Id}"),
                }, ct));
        }
        await db.SaveChangesAsync(ct);
        foreach (var message in messages) outbox.Kick(message);
        return messages.Count;
    }

    public async Task AssignAsync(Guid proposalId, IReadOnlyCollection<string> reviewerIds, IReadOnlyCollection<string> allowed, CancellationToken ct)
    {
        var current = await db.ReviewerAssignments.Where(a => a.ProposalId == proposalId).ToListAsync(ct);
        db.ReviewerAssignments.RemoveRange(current.Where(a => !reviewerIds.Contains(a.ReviewerId)));
        foreach (var id in reviewerIds.Where(allowed.Contains).Except(current.Select(a => a.ReviewerId)))
            db.ReviewerAssignments.Add(new ReviewerAssignment(proposalId, id, clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
    }

    private static string FreeSlug(string wanted, HashSet<string> taken)
    {
        var slug = wanted;
        for (var n = 2; taken.Contains(slug); n++) slug = $"{wanted}-{n}";
        taken.Add(slug);
        return slug;
    }
}
