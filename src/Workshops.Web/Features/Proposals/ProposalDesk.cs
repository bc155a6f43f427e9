using Workshops.Core;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;
using Workshops.Core.Domain.Common;
using Workshops.Core.Domain.Proposals;
using Workshops.Core.Email;
using Workshops.Core.Email.Editable;
using Workshops.Web.Features.Organise;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Features.Proposals;

/// <summary>What a proposer does to their own proposal: start, save, submit, withdraw. One save per action.</summary>
public sealed class ProposalDesk(AppDbContext db, TimeProvider clock, TemplateMail mail, Outbox outbox, SiteAddress links)
{
    /// <summary>The proposal's UpdatedAt no longer matched: it was changed in another window or by an organiser.</summary>
    public static string Changed => Tr.T("This proposal was changed meanwhile, in another window or by the organisers. Reload the page and try again.");

    public async Task<EditResult> StartAsync(Call call, string userId, ProposalForm form, bool submit, CancellationToken ct)
    {
        if (await SelfAsCoSpeakerAsync(userId, form, ct) is { } refused) return refused;
        try
        {
            var now = clock.GetUtcNow();
            var proposal = Proposal.Start(call, userId, form.Title, form.Text, now, form.AccessCode);
            proposal.Edit(call, form.ToContent(call), now, form.AccessCode);
            db.Proposals.Add(proposal);
            db.StatusChanges.Add(proposal.Created());
            // The draft is saved even when submitting is refused, so nothing typed is lost.
            await db.SaveChangesAsync(ct);
            return submit ? await SubmitAsync(proposal, call, userId, form.AccessCode, ct) : EditResult.Ok(proposal.Id);
        }
        catch (DomainException e)
        {
            return EditResult.Refused(e);
        }
    }

    public async Task<EditResult> SaveAsync(Proposal proposal, Call call, string userId, ProposalForm form, bool submit, CancellationToken ct)
    {
        if (await SelfAsCoSpeakerAsync(userId, form, ct) is { } refused) return refused;
        try
        {
            var now = clock.GetUtcNow();
            proposal.Edit(call, form.ToContent(call), now, form.AccessCode);
            // Co-speakers added to a submitted proposal are invited with this save.
            var invitations = await QueueInvitationsAsync(proposal, call, userId, now, ct);
            await db.SaveChangesAsync(ct);
            foreach (var message in invitations) outbox.Kick(message);
            return submit && proposal.Status == ProposalStatus.Draft
                ? await SubmitAsync(proposal, call, userId, form.AccessCode, ct)
                : EditResult.Ok(proposal.Id);
        }
        catch (DomainException e)
        {
            return EditResult.Refused(e);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return EditResult.Fail(null, Changed);
        }
    }

    public async Task<EditResult> SubmitAsync(Proposal proposal, Call call, string userId, string? accessCode, CancellationToken ct)
    {
        try
        {
            var now = clock.GetUtcNow();
            db.StatusChanges.Add(proposal.Submit(call, now, accessCode));
            var proposer = await db.Users.AsNoTracking().FirstAsync(u => u.Id == userId, ct);
            OutboxMessage message;
            using (Tr.Use(proposer.Language))
            message = await mail.QueueAsync(ProposalEmails.ProposalReceived, proposal.Id.ToString(), proposer.Email!, proposer.DisplayName,
                new ProposalReceivedValues
                {
                    Name = proposer.DisplayName,
                    ProposalTitle = proposal.Title,
                    CallTitle = call.Title,
                    ProposalLink = links.Absolute($"/proposals/{proposal.Id}"),
                    Closes = CallTimes.Local(call, call.ClosesAt),
                }, ct);
            var invitations = await QueueInvitationsAsync(proposal, call, userId, now, ct);
            await db.SaveChangesAsync(ct);
            outbox.Kick(message);
            foreach (var invitation in invitations) outbox.Kick(invitation);
            return EditResult.Ok(proposal.Id);
        }
        catch (DomainException e)
        {
            // The proposal itself is saved; only the submission was refused, and the caller says why.
            db.ChangeTracker.Clear();
            return new EditResult(proposal.Id, e.Field, e.Message) { Problems = e.Problems };
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return new EditResult(proposal.Id, null, Changed);
        }
    }

    /// <summary>Invites the co-speakers not invited yet (none while a draft), one email each, saved with the caller's save.</summary>
    private async Task<List<OutboxMessage>> QueueInvitationsAsync(Proposal proposal, Call call, string userId, DateTimeOffset now, CancellationToken ct)
    {
        var invitations = proposal.InviteCoSpeakers(now);
        if (invitations.Count == 0) return [];
        var proposer = await db.Users.AsNoTracking().FirstAsync(u => u.Id == userId, ct);
        var messages = new List<OutboxMessage>();
        foreach (var (speaker, token) in invitations)
            messages.Add(await mail.QueueAsync(ProposalEmails.CoSpeakerInvitation, $"{proposal.Id}/{speaker.Id}", speaker.Email, speaker.Name,
                new CoSpeakerInvitationValues
                {
                    Name = speaker.Name,
                    ProposerName = proposer.DisplayName,
                    ProposalTitle = proposal.Title,
                    CallTitle = call.Title,
                    ProposalLink = links.Absolute($"/proposals/{proposal.Id}"),
                    ConfirmLink = links.Absolute($"/speakers/invitation/{token}"),
                }, ct));
        return messages;
    }

    private async Task<EditResult?> SelfAsCoSpeakerAsync(string userId, ProposalForm form, CancellationToken ct)
    {
        if (form.CoSpeakers.All(c => string.IsNullOrWhiteSpace(c.Email))) return null;
        var email = await db.Users.Where(u => u.Id == userId).Select(u => u.Email).FirstAsync(ct);
        return form.CoSpeakers.Any(c => string.Equals(c.Email?.Trim(), email, StringComparison.OrdinalIgnoreCase))
            ? EditResult.Fail("CoSpeakers", Tr.T("You are the speaker already; list only the people presenting with you."))
            : null;
    }

    /// <summary>The speaker of an accepted session says they will present it, which makes it ready for the agenda.</summary>
    public Task<EditResult> ConfirmAsync(Proposal proposal, string userId, CancellationToken ct) =>
        MoveAsync(proposal, ProposalStatus.Confirmed, userId, ct);

    public Task<EditResult> WithdrawAsync(Proposal proposal, string userId, CancellationToken ct) =>
        MoveAsync(proposal, ProposalStatus.Withdrawn, userId, ct);

    private async Task<EditResult> MoveAsync(Proposal proposal, ProposalStatus next, string userId, CancellationToken ct)
    {
        try
        {
            db.StatusChanges.Add(proposal.MoveTo(next, userId, clock.GetUtcNow()));
            await db.SaveChangesAsync(ct);
            return EditResult.Ok(proposal.Id);
        }
        catch (DomainException e)
        {
            return EditResult.Fail(null, e.Message);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return EditResult.Fail(null, Changed);
        }
    }

    /// <summary>
    /// A co-speaker answers through their private link. A signed-in account is remembered as the one that answered
    /// only when it is the invited address: a forwarded link does not make someone else the speaker.
    /// </summary>
    public async Task<EditResult> AnswerInvitationAsync(Proposal proposal, string token, bool confirm, string? userId, CancellationToken ct)
    {
        var speaker = proposal.CoSpeakers.Single(c => c.TokenHash == CoSpeaker.Hash(token));
        var email = userId is null ? null : await db.Users.Where(u => u.Id == userId).Select(u => u.Email).FirstOrDefaultAsync(ct);
        var sameAccount = string.Equals(email, speaker.Email, StringComparison.OrdinalIgnoreCase) ? userId : null;
        try
        {
            proposal.RespondAsCoSpeaker(token, confirm, sameAccount, clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
            return EditResult.Ok(proposal.Id);
        }
        catch (DomainException e)
        {
            return EditResult.Refused(e);
        }
        catch (DbUpdateException)
        {
            // The proposer changed the list while the page was open.
            db.ChangeTracker.Clear();
            return EditResult.Fail(null, Tr.T("The proposer changed this session meanwhile. Check it below and answer again."));
        }
    }
}
