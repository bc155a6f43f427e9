using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;
using Workshops.Core.Domain.Common;
using Workshops.Core.Domain.Proposals;
using Workshops.Core.Email;
using Workshops.Core.Email.Editable;
using Workshops.Web.Features.Calls;
using Workshops.Web.Features.Organise;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Features.Proposals;

/// <summary>What a proposer does to their own proposal: start, save, submit, withdraw. One save per action.</summary>
public sealed class ProposalWriter(AppDbContext db, TimeProvider clock, TemplateMail mail, Outbox outbox, PageLinks links)
{
    /// <summary>The proposal's UpdatedAt no longer matched: it was changed in another window or by an organiser.</summary>
    public const string Changed = "This proposal was changed meanwhile, in another window or by the organisers. Reload the page and try again.";

    public async Task<EditResult> StartAsync(Call call, string userId, ProposalForm form, bool submit, CancellationToken ct)
    {
        try
        {
            var now = clock.GetUtcNow();
            var proposal = Proposal.Start(call, userId, form.Title, form.Text, now, form.AccessCode);
            proposal.Edit(call, form.ToContent(call), now, form.AccessCode);
            db.Proposals.Add(proposal);
            db.StatusChanges.Add(proposal.Created());
            // The draft is saved even when submitting is refused, so nothing typed is lost.
            await db.SaveChangesAsync(ct);
            return submit ? await SubmitAsync(proposal, call, userId, form.AccessCode, ct) : new EditResult(proposal.Id);
        }
        catch (DomainException e)
        {
            return EditResult.Fail(e.Field, e.Message);
        }
    }

    public async Task<EditResult> SaveAsync(Proposal proposal, Call call, string userId, ProposalForm form, bool submit, CancellationToken ct)
    {
        try
        {
            proposal.Edit(call, form.ToContent(call), clock.GetUtcNow(), form.AccessCode);
            await db.SaveChangesAsync(ct);
            return submit && proposal.Status == ProposalStatus.Draft
                ? await SubmitAsync(proposal, call, userId, form.AccessCode, ct)
                : new EditResult(proposal.Id);
        }
        catch (DomainException e)
        {
            return EditResult.Fail(e.Field, e.Message);
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
            db.StatusChanges.Add(proposal.Submit(call, clock.GetUtcNow(), accessCode));
            var proposer = await db.Users.AsNoTracking().FirstAsync(u => u.Id == userId, ct);
            var message = await mail.QueueAsync(EditableEmails.ProposalReceived, proposal.Id.ToString(), proposer.Email!, proposer.DisplayName,
                new Dictionary<string, string>
                {
                    ["name"] = proposer.DisplayName,
                    ["proposal_title"] = proposal.Title,
                    ["call_title"] = call.Title,
                    ["proposal_link"] = links.Absolute($"/proposals/{proposal.Id}"),
                    ["closes"] = CallTimes.Local(call, call.ClosesAt),
                }, ct);
            await db.SaveChangesAsync(ct);
            outbox.Kick(message);
            return new EditResult(proposal.Id);
        }
        catch (DomainException e)
        {
            // The proposal itself is saved; only the submission was refused, and the caller says why.
            db.ChangeTracker.Clear();
            return new EditResult(proposal.Id, e.Field, e.Message);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return new EditResult(proposal.Id, null, Changed);
        }
    }

    public async Task<EditResult> WithdrawAsync(Proposal proposal, string userId, CancellationToken ct)
    {
        try
        {
            db.StatusChanges.Add(proposal.MoveTo(ProposalStatus.Withdrawn, userId, clock.GetUtcNow()));
            await db.SaveChangesAsync(ct);
            return new EditResult(proposal.Id);
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
}
