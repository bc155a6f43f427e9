using Microsoft.EntityFrameworkCore;
using Workshops.Core;
using Workshops.Core.Data;
using Workshops.Core.Domain.Common;
using Workshops.Core.Domain.Proposals;
using Workshops.Core.Domain.Registrations;
using Workshops.Core.Domain.Travel;
using Workshops.Core.Email;
using Workshops.Core.Email.Editable;

namespace Workshops.Web.Features.Travel;

/// <summary>What a release carried out, and why each decision it could not carry out stays staged.</summary>
public sealed record TravelRelease(int Awarded, int Reserve, int NotFunded, IReadOnlyList<string> Refused);

/// <summary>
/// Where an application's status changes after the applicant submits it: a decision released, an award withdrawn, a
/// registration cancelled. The budget moves through the ledger in the same transaction as the status; the email goes
/// after; money that comes back goes to the reserve list in order, as a freed seat goes to the waiting list.
/// </summary>
public sealed class TravelAwards(AppDbContext db, TravelLedger ledger, TemplateMail mail, Outbox outbox, SiteAddress links, TimeProvider clock,
    Core.Webhooks.WebhookOutbox webhooks)
{
    public static string Changed => Tr.T("This application was changed meanwhile, by its applicant or another organiser. Reload the page and try again.");

    /// <summary>Moves one application; an award is held from the budget, or refused with the amount it overruns.</summary>
    public async Task<EditResult> MoveAsync(Guid applicationId, TravelStatus next, string? byUserId, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            var application = await db.TravelApplications.FirstOrDefaultAsync(a => a.Id == applicationId, ct);
            if (application is null) return EditResult.Fail(null, Tr.T("This application no longer exists."));
            var fund = await db.TravelFunds.AsNoTracking().FirstAsync(f => f.Id == application.FundId, ct);
            var held = application.HeldMinor;
            db.StatusChanges.Add(application.MoveTo(next, byUserId, clock.GetUtcNow()));
            if (next == TravelStatus.Awarded && await ledger.TryHoldAsync(fund.Id, application.HeldMinor, ct) is { } overrun)
            {
                var name = await NameAsync(application, ct);
                await tx.RollbackAsync(CancellationToken.None);
                db.ChangeTracker.Clear();
                return EditResult.Fail(null, Tr.T("The award to {0} ({1}) is beyond the budget by {2}.", name,
                    Currencies.Format(application.HeldMinor, fund.Currency), Currencies.Format(overrun, fund.Currency)));
            }
            var message = await QueueAsync(application, fund, next, ct);
            await db.SaveChangesAsync(ct);
            var freed = held - application.HeldMinor;
            if (freed > 0) await ledger.GiveBackAsync(fund.Id, freed, ct);
            await tx.CommitAsync(ct);
            await tx.DisposeAsync(); // hands the connection back before the job store needs one
            if (message is not null) outbox.Kick(message);
            if (freed > 0) await OfferToReserveAsync(fund.Id, ct);
            return EditResult.Ok(application.Id);
        }
        catch (DomainException e)
        {
            await tx.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            return EditResult.Fail(null, e.Message);
        }
        catch (DbUpdateConcurrencyException)
        {
            await tx.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            return EditResult.Fail(null, Changed);
        }
    }

    /// <summary>
    /// Carries out every staged decision of the fund, best ranked first, each in its own transaction with the
    /// budget and the email. An award beyond what is left is refused and stays staged, saying by how much.
    /// </summary>
    public async Task<EditResult<TravelRelease>> ReleaseAsync(Guid fundId, string byUserId, CancellationToken ct)
    {
        var fund = await db.TravelFunds.AsNoTracking().FirstAsync(f => f.Id == fundId, ct);
        var applications = await db.TravelApplications.AsNoTracking()
            .Where(a => a.FundId == fundId && a.Staged != TravelDecision.None).ToListAsync(ct);
        var ids = applications.Select(a => a.Id).ToList();
        var scores = await TravelScores.OfAsync(db, fund, ids, ct);
        // In the ranking's order: when staged awards add up to more than is left, the best ranked are carried out first.
        var staged = applications
            .OrderByDescending(a => scores[a.Id].Mean ?? double.MinValue).ThenBy(a => a.SubmittedAt)
            .Select(a => new { a.Id, a.Staged }).ToList();
        int awarded = 0, reserve = 0, notFunded = 0;
        var refused = new List<string>();
        foreach (var a in staged)
        {
            var result = await MoveAsync(a.Id, a.Staged.Target(), byUserId, ct);
            if (!result.Succeeded)
            {
                refused.Add(result.Error!);
                continue;
            }
            _ = a.Staged switch { TravelDecision.Award => awarded++, TravelDecision.Reserve => reserve++, _ => notFunded++ };
        }
        if (awarded + reserve + notFunded > 0)
        {
            // One event for the release: each decision went out in its own transaction, and the finance team reads the figures through the API.
            var slug = await db.Workshops.Where(w => w.Id == fund.WorkshopId).Select(w => w.Slug).FirstAsync(ct);
            if (await webhooks.RaiseAsync(Core.Domain.Webhooks.WebhookEvents.AwardReleased, fund.WorkshopId,
                    new { workshop = slug, awarded, reserve, notFunded, api = $"/api/v1/workshops/{slug}/travel" }, ct) > 0)
            {
                await db.SaveChangesAsync(ct);
                webhooks.Kick();
            }
        }
        return EditResult<TravelRelease>.Ok(new TravelRelease(awarded, reserve, notFunded, refused));
    }

    /// <summary>
    /// Money came back: each application on the reserve list, in the order it joined it, whose offer fits what is
    /// left is awarded that offer and told at once. One that does not fit waits for more.
    /// </summary>
    public async Task OfferToReserveAsync(Guid fundId, CancellationToken ct)
    {
        // Not one an organiser is deciding on (a staged "not funded" stands), and only people who hold a seat: money goes to those who come.
        var reserve = await db.TravelApplications.AsNoTracking()
            .Where(a => a.FundId == fundId && a.Status == TravelStatus.Reserve && a.Staged == TravelDecision.None)
            .Where(a => db.Registrations.Any(r => r.Id == a.RegistrationId && (r.Status == RegistrationStatus.Admitted || r.Status == RegistrationStatus.CheckedIn)))
            .OrderBy(a => a.ReservedAt).ToListAsync(ct);
        var left = await ledger.LeftAsync(fundId, ct);
        foreach (var application in reserve.Where(a => a.StagedMinor > 0))
        {
            if (application.StagedMinor > left) continue;
            // Refused (someone else took the money meanwhile): the next one is tried with what is really left.
            if ((await MoveAsync(application.Id, TravelStatus.Awarded, null, ct)).Succeeded) left -= application.StagedMinor;
            else left = await ledger.LeftAsync(fundId, ct);
        }
    }

    /// <summary>
    /// The registration is cancelled or declined, inside the registration's own transaction (same context): an award
    /// goes back to the budget, an application still open is withdrawn. Returns the fund to offer the money to, after commit.
    /// </summary>
    public async Task<Guid?> RegistrationLeftAsync(Guid registrationId, RegistrationStatus registration, string? byUserId, DateTimeOffset now, CancellationToken ct)
    {
        var application = await db.TravelApplications.FirstOrDefaultAsync(a => a.RegistrationId == registrationId, ct);
        // An award being settled stays (the money is spent or about to be); the organisers sort it out with the person.
        if (application is null || application.IsSettling) return null;
        var held = application.HeldMinor;
        var next = application.Status == TravelStatus.Awarded ? TravelStatus.Cancelled : TravelStatus.Withdrawn;
        // A declined registration may yet be admitted: only an award goes back; an application still open waits with it.
        if (registration == RegistrationStatus.Declined && next == TravelStatus.Withdrawn) return null;
        if (!TravelStatuses.CanMove(application.Status, next)) return null;
        db.StatusChanges.Add(application.MoveTo(next, byUserId, now));
        if (held == 0) return null;
        await ledger.GiveBackAsync(application.FundId, held, ct);
        return application.FundId;
    }

    private async Task<OutboxMessage?> QueueAsync(TravelApplication application, TravelFund fund, TravelStatus next, CancellationToken ct)
    {
        if (next is not (TravelStatus.Awarded or TravelStatus.Reserve or TravelStatus.NotFunded)) return null;
        var registration = await db.Registrations.AsNoTracking().FirstAsync(r => r.Id == application.RegistrationId, ct);
        if (registration.IsErased) return null;
        var workshop = await db.Workshops.AsNoTracking().FirstAsync(w => w.Id == application.WorkshopId, ct);
        var reference = $"{application.Id}-{next}-{application.UpdatedAt.UtcTicks}";
        using var _ = Tr.Use(application.Language);
        var values = TravelMail.Values(registration, workshop, links);
        return next switch
        {
            TravelStatus.Awarded => await mail.QueueAsync(TravelEmails.Awarded, reference, registration.Email, registration.Name,
                new TravelAwardValues(values, Currencies.Format(application.HeldMinor, fund.Currency), TravelMail.CostLines(application, fund),
                    await TravelMail.FunderAsync(db, fund, ct), fund.Conditions ?? ""), ct),
            TravelStatus.Reserve => await mail.QueueAsync(TravelEmails.Reserve, reference, registration.Email, registration.Name, values, ct),
            _ => await mail.QueueAsync(TravelEmails.NotFunded, reference, registration.Email, registration.Name, values, ct),
        };
    }

    private Task<string> NameAsync(TravelApplication application, CancellationToken ct) =>
        db.Registrations.Where(r => r.Id == application.RegistrationId).Select(r => r.Name).FirstAsync(ct);
}
