using Microsoft.EntityFrameworkCore;
using Workshops.Core;
using Workshops.Core.Data;
using Workshops.Core.Domain.Common;
using Workshops.Core.Domain.Registrations;
using Workshops.Core.Domain.Travel;
using Workshops.Core.Email;
using Workshops.Core.Email.Editable;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Features.Travel;

/// <summary>What an applicant does to their own travel support application: start, save, submit, withdraw. One save per action.</summary>
public sealed class TravelDesk(AppDbContext db, TravelAwards awards, TemplateMail mail, Outbox outbox, SiteAddress links, TimeProvider clock)
{
    private static string What => Tr.T("this application");

    /// <summary>Saves the draft (or the submitted application); submits it too when asked. The draft is kept even when submitting is refused.</summary>
    public async Task<EditResult> SaveAsync(Guid registrationId, string userId, TravelForm form, bool submit, CancellationToken ct)
    {
        var registration = await db.Registrations.AsNoTracking().FirstOrDefaultAsync(r => r.Id == registrationId && r.UserId == userId, ct);
        var fund = registration is null ? null : await db.TravelFunds.AsNoTracking().FirstOrDefaultAsync(f => f.WorkshopId == registration.WorkshopId, ct);
        if (registration is null || fund is null) return EditResult.Fail(null, Tr.T("This workshop does not offer travel support."));
        var application = await db.TravelApplications.FirstOrDefaultAsync(a => a.RegistrationId == registrationId, ct);
        if (application is not null && form.Version is null) return EditResult.Conflict(What);
        var now = clock.GetUtcNow();
        var language = Tr.Language;
        try
        {
            var request = form.ToRequest();
            if (application is null)
            {
                application = TravelApplication.Start(fund, registration, request, form.Answers, now, language);
                db.TravelApplications.Add(application);
                db.StatusChanges.Add(application.Created());
            }
            else
            {
                db.Expect(application, form.Version);
                application.Edit(fund, request, form.Answers, now, language);
            }
        }
        catch (DomainException e)
        {
            db.ChangeTracker.Clear();
            return EditResult.Refused(e);
        }
        try
        {
            if (!await db.TrySaveAsync(ct)) return EditResult.Conflict(What);
        }
        catch (DbUpdateException)
        {
            // The same registration's first application saved twice at once (two windows): the other one stands.
            db.ChangeTracker.Clear();
            return EditResult.Conflict(What);
        }
        return submit && application.Status == TravelStatus.Draft ? await SubmitAsync(application, fund, registration, ct) : EditResult.Ok(application.Id);
    }

    private async Task<EditResult> SubmitAsync(TravelApplication application, TravelFund fund, Registration registration, CancellationToken ct)
    {
        try
        {
            var now = clock.GetUtcNow();
            db.StatusChanges.Add(application.Submit(fund, now));
            var workshop = await db.Workshops.AsNoTracking().FirstAsync(w => w.Id == fund.WorkshopId, ct);
            OutboxMessage message;
            using (Tr.Use(application.Language))
                message = await mail.QueueAsync(TravelEmails.Received, $"{application.Id}-received", registration.Email, registration.Name,
                    new TravelReceivedValues(TravelMail.Values(registration, workshop, links), TravelMail.Requested(application), fund.Local(fund.ClosesAt)), ct);
            if (!await db.TrySaveAsync(ct)) return EditResult.Conflict(What);
            outbox.Kick(message);
            return EditResult.Ok(application.Id);
        }
        catch (DomainException e)
        {
            // The draft stays saved; only the submission is refused, with what is missing.
            db.ChangeTracker.Clear();
            return EditResult.Refused(e) with { Id = application.Id };
        }
    }

    /// <summary>The applicant withdraws; an award they held goes back to the budget, and on to the reserve list.</summary>
    public async Task<EditResult> WithdrawAsync(Guid registrationId, string userId, CancellationToken ct)
    {
        var id = await db.TravelApplications.Where(a => a.RegistrationId == registrationId && a.ApplicantId == userId).Select(a => (Guid?)a.Id).FirstOrDefaultAsync(ct);
        if (id is null) return EditResult.Fail(null, Tr.T("There is no application to withdraw."));
        return await awards.MoveAsync(id.Value, TravelStatus.Withdrawn, userId, ct);
    }
}
