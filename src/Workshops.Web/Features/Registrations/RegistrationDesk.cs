using Workshops.Core;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Domain.Accounts;
using Workshops.Core.Data;
using Workshops.Core.Domain.Common;
using Workshops.Core.Domain.Registrations;
using Workshops.Core.Domain.Workshops;
using Workshops.Core.Email;
using Workshops.Core.Email.Editable;
using Workshops.Core.Time;
using Workshops.Web.Features.Organise;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Features.Registrations;

/// <summary>
/// Every change to a registration: registering, editing, and each status move with the seat it takes or gives back,
/// the history entry and the email, in one transaction. A seat refused rolls everything back.
/// </summary>
public sealed class RegistrationDesk(AppDbContext db, SeatLedger seats, TimeProvider clock, TemplateMail mail, Outbox outbox, RegistrationLinks links,
    SiteAddress pageLinks, UserManager<AppUser> users, RegistrationConsents consents, Travel.TravelAwards travel, Core.Webhooks.WebhookOutbox webhooks)
{
    private static string AlreadyRegistered => Tr.T("Someone is registered with this email address already; sign in with it to see that registration.");

    public static string Changed => Tr.T("This registration was changed meanwhile, perhaps by an organiser. Reload the page and try again.");

    // Compiled once: registering is the busiest write when registration opens, and this read runs with every attempt.
    private static readonly Func<AppDbContext, Guid, string, string, IAsyncEnumerable<LiveRegistration>> LiveFor = EF.CompileAsyncQuery(
        (AppDbContext db, Guid workshopId, string userId, string normalizedEmail) => db.Registrations
            // Written as two whole conditions so that each is answered by its index, (person, workshop) and (workshop, email),
            // instead of reading every registration of the workshop.
            .Where(r => (r.UserId == userId && r.WorkshopId == workshopId && r.Status != RegistrationStatus.Cancelled)
                || (r.WorkshopId == workshopId && r.NormalizedEmail == normalizedEmail && r.Status != RegistrationStatus.Cancelled))
            .Select(r => new LiveRegistration(r.Id, r.UserId)));

    private sealed record LiveRegistration(Guid Id, string UserId);

    /// <summary>The person's live registration for the workshop, if any, and whether someone else's uses this email address: one read.</summary>
    public async Task<(Guid? Mine, bool EmailTaken)> ExistingAsync(Guid workshopId, string userId, string? email, CancellationToken ct)
    {
        Guid? mine = null;
        var taken = false;
        await foreach (var r in LiveFor(db, workshopId, userId, email is null ? "" : Registration.NormalizeEmail(email)).WithCancellation(ct))
        {
            if (r.UserId == userId) mine = r.Id;
            else taken = true;
        }
        return (mine, taken);
    }

    /// <summary>Every problem the domain finds with a registration form, without saving anything.</summary>
    public static IReadOnlyList<Problem> ProblemsOf(Workshop workshop, RegistrationSetup setup, string userId, RegistrationForm form, DateTimeOffset now)
    {
        try
        {
            Registration.Submit(setup, workshop, userId, form.ToDetails(), form.ToAnswers(), now);
            return [];
        }
        catch (DomainException e)
        {
            return e.Problems;
        }
    }

    /// <summary>Registers the person; <paramref name="emailTaken"/> comes from <see cref="ExistingAsync"/>, and the unique index stands behind it.</summary>
    public async Task<EditResult> RegisterAsync(Workshop workshop, RegistrationSetup setup, string userId, RegistrationForm form, bool emailTaken,
        CancellationToken ct)
    {
        if (emailTaken) return EditResult.Fail(nameof(RegistrationForm.Email), AlreadyRegistered);
        var now = clock.GetUtcNow();
        Registration registration;
        try
        {
            registration = Registration.Submit(setup, workshop, userId, form.ToDetails(), form.ToAnswers(), now, Tr.Language);
        }
        catch (DomainException e)
        {
            return EditResult.Refused(e);
        }
        // Everything that can be read is read before the transaction, and the seat is taken last: from taking it to
        // committing, everyone else racing for that track waits, so that stretch holds only writes. The link is signed
        // here too, because the signing keys live in the database and need a connection of their own.
        var link = links.Absolute(registration.Id);
        var wording = await mail.WordingAsync(RegistrationEmails.Received, ct);
        // Where the registration stands is known only once the seat is taken, inside the transaction: the receipt for
        // each possible outcome is rendered before it, so the write lock is held for the writes alone.
        Dictionary<RegistrationStatus, RenderedEmail> receipts;
        try
        {
            RegistrationStatus[] outcomes = setup.Mode == RegistrationMode.FirstCome
                ? [RegistrationStatus.Admitted, RegistrationStatus.Waitlisted]
                : [RegistrationStatus.Submitted];
            receipts = outcomes.ToDictionary(s => s, s => mail.Render(wording.Subject, wording.Body, new RegistrationReceivedValues(Values(registration, workshop, link), StatusText(s, setup))));
        }
        catch (DomainException e)
        {
            return EditResult.Fail(null, Tr.T("The receipt's wording does not render ({0}); tell the organisers.", e.Message));
        }
        // The consents are written with the registration; their words are looked up here, outside the write lock.
        await consents.GiveAsync(registration, setup, ct);
        var hearing = await webhooks.HearingAsync(Core.Domain.Webhooks.WebhookEvents.RegistrationCreated, workshop.Id, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            var created = registration.Created();
            StatusChange? decided = null;
            if (setup.Mode == RegistrationMode.FirstCome)
            {
                // First come, first served: a seat now if one is left, else the waiting list, decided by the conditional update.
                var full = await seats.TryTakeAsync(workshop.Id, registration.TrackId, ct);
                decided = registration.MoveTo(full is null ? RegistrationStatus.Admitted : RegistrationStatus.Waitlisted, null, now);
            }
            db.Registrations.Add(registration);
            db.StatusChanges.Add(created);
            if (decided is not null) db.StatusChanges.Add(decided);
            var message = outbox.Queue(RegistrationEmails.Received.Key, $"{registration.Id}/received", registration.Email, registration.Name,
                receipts[registration.Status]);
            webhooks.Raise(hearing, WebhookData.Registration(workshop, registration, null));
            // One save: the rows, the history and the email go in with the seat, and the seat is held no longer than that.
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            await tx.DisposeAsync(); // hands the connection back before the job store needs one
            outbox.Kick(message);
            webhooks.Kick();
            return EditResult.Ok(registration.Id);
        }
        catch (DomainException e)
        {
            await tx.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            return EditResult.Refused(e);
        }
        catch (DbUpdateException)
        {
            // The unique email index caught a second registration sent at the same moment as the first.
            await tx.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            return EditResult.Fail(nameof(RegistrationForm.Email), AlreadyRegistered);
        }
    }

    public async Task<EditResult> EditAsync(Registration registration, Workshop workshop, RegistrationSetup setup, RegistrationForm form, CancellationToken ct)
    {
        try
        {
            registration.Edit(setup, workshop, form.ToDetails(), form.ToAnswers(), clock.GetUtcNow());
            await consents.FollowAsync(registration, ct);
            await db.SaveChangesAsync(ct);
            return EditResult.Ok(registration.Id);
        }
        catch (DomainException e)
        {
            return EditResult.Refused(e);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return EditResult.Fail(null, Tr.T("This email address is registered already, or the registration changed meanwhile. Reload the page and try again."));
        }
    }

    /// <summary>Moves a registration, taking or giving back its seat, recording who and when, and emailing the participant.</summary>
    public async Task<EditResult> MoveAsync(Guid registrationId, RegistrationStatus next, string? byUserId, CancellationToken ct)
    {
        // Read first, seat last: see RegisterAsync.
        var link = links.Absolute(registrationId);
        var email = RegistrationEmails.For(next);
        // The email is written in the language the person registered in, whoever moves the registration.
        var known = await db.Registrations.AsNoTracking().Where(r => r.Id == registrationId).Select(r => new { r.Language, r.WorkshopId }).FirstOrDefaultAsync(ct);
        var language = known?.Language;
        (string Subject, string Body) wording = default;
        string? why = null;
        using (Tr.Use(language))
        {
            if (email is not null) wording = await mail.WordingAsync(email, ct);
            if (next == RegistrationStatus.Waitlisted) why = await WaitingReasonAsync(registrationId, ct);
        }
        var hearing = await webhooks.HearingAsync(Core.Domain.Webhooks.WebhookEvents.RegistrationChanged, known?.WorkshopId, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            var registration = await db.Registrations.FirstOrDefaultAsync(r => r.Id == registrationId, ct);
            if (registration is null) return EditResult.Fail(null, Tr.T("This registration no longer exists."));
            var workshop = await db.Workshops.AsNoTracking().FirstAsync(w => w.Id == registration.WorkshopId, ct);
            var before = registration.Status;
            db.StatusChanges.Add(registration.MoveTo(next, byUserId, clock.GetUtcNow()));
            OutboxMessage? message = null;
            if (email is not null)
                using (Tr.Use(registration.Language)) message = Queue(email, wording, registration, workshop, link, $"{next}-{registration.UpdatedAt.UtcTicks}", why);
            if (RegistrationStatuses.HoldsSeat(next) && !RegistrationStatuses.HoldsSeat(before))
            {
                var full = await seats.TryTakeAsync(registration.WorkshopId, registration.TrackId, ct);
                if (full is not null)
                {
                    await tx.RollbackAsync(CancellationToken.None);
                    db.ChangeTracker.Clear();
                    return EditResult.Fail(null, Tr.T("{0} was not admitted. {1}", registration.Name, full));
                }
            }
            var freed = !RegistrationStatuses.HoldsSeat(next) && RegistrationStatuses.HoldsSeat(before);
            if (freed) await seats.GiveBackAsync(registration.WorkshopId, registration.TrackId, ct);
            // Travel support is for people who come: leaving gives an award back to the budget, in this transaction.
            var travelFund = next is RegistrationStatus.Cancelled or RegistrationStatus.Declined
                ? await travel.RegistrationLeftAsync(registration.Id, next, byUserId, clock.GetUtcNow(), ct)
                : null;
            webhooks.Raise(hearing, WebhookData.Registration(workshop, registration, before));
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            await tx.DisposeAsync(); // hands the connection back before the job store needs one
            if (message is not null) outbox.Kick(message);
            webhooks.Kick();
            if (freed) await PromoteNextAsync(registration, workshop, ct);
            if (travelFund is { } fund) await travel.OfferToReserveAsync(fund, ct);
            return EditResult.Ok(registration.Id);
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
    /// A seat came free: when the workshop promotes automatically, the first on the track's waiting list gets it (and
    /// the admission email). Otherwise the organisers are told by email, and see the free seat on the registrations page.
    /// </summary>
    private async Task PromoteNextAsync(Registration freed, Workshop workshop, CancellationToken ct)
    {
        var auto = await db.RegistrationSetups.Where(s => s.WorkshopId == workshop.Id).Select(s => s.AutoPromote).FirstOrDefaultAsync(ct);
        if (!auto)
        {
            await TellOrganisersAsync(freed, workshop, ct);
            return;
        }
        var next = await WaitingList.Of(db.Registrations, workshop.Id, freed.TrackId).Select(r => (Guid?)r.Id).FirstOrDefaultAsync(ct);
        // Refused (the total is full, or someone else took the seat first): the waiting list stays as it is.
        if (next is { } id) await MoveAsync(id, RegistrationStatus.Admitted, null, ct);
    }

    private async Task TellOrganisersAsync(Registration freed, Workshop workshop, CancellationToken ct)
    {
        // Everyone with the Organiser role; on a site that has none yet, its admins, who organise in the meantime.
        var organisers = await PeopleInRoleAsync(Roles.Organiser);
        if (organisers.Count == 0) organisers = await PeopleInRoleAsync(Roles.Admin);
        if (organisers.Count == 0) return;
        var waiting = await WaitingList.Of(db.Registrations, workshop.Id, freed.TrackId).CountAsync(ct);
        var list = pageLinks.Absolute($"/organise/workshops/{workshop.Id}/registrations");
        var messages = new List<OutboxMessage>();
        // Each organiser reads it in their own language.
        foreach (var o in organisers)
        {
            using var language = Tr.Use(o.Language);
            var wording = await mail.WordingAsync(RegistrationEmails.SeatFreed, ct);
            messages.Add(outbox.Queue(RegistrationEmails.SeatFreed.Key, $"{freed.Id}/seat-freed-{freed.UpdatedAt.UtcTicks}/{o.Id}",
                o.Email, o.Name, mail.Render(wording.Subject, wording.Body, new SeatFreedValues
                {
                    Name = o.Name,
                    Participant = freed.Name,
                    WorkshopTitle = workshop.Title,
                    WorkshopDates = Formats.DateRange(workshop.StartsLocal, workshop.EndsLocal),
                    Track = TrackName(workshop, freed),
                    Waiting = waiting switch { 0 => Tr.T("Nobody is"), 1 => Tr.T("One person is"), _ => Tr.N(waiting, "{0} person is", "{0} people are") },
                    RegistrationsLink = list,
                })));
        }
        await db.SaveChangesAsync(ct);
        foreach (var message in messages) outbox.Kick(message);
    }

    /// <summary>People with the role who can read email: an admin's lock keeps someone out; a lockout that ran out does not.</summary>
    private async Task<List<(string Id, string Email, string Name, string? Language)>> PeopleInRoleAsync(string role)
    {
        var now = clock.GetUtcNow();
        return (await users.GetUsersInRoleAsync(role))
            .Where(u => u.Email is not null && (u.LockoutEnd is null || u.LockoutEnd <= now))
            .Select(u => (u.Id, u.Email!, string.IsNullOrWhiteSpace(u.DisplayName) ? u.Email! : u.DisplayName, u.Language))
            .ToList();
    }

    private static string TrackName(Workshop workshop, Registration r) => workshop.Tracks.FirstOrDefault(t => t.Id == r.TrackId)?.Name ?? Tr.T("track|main");

    private OutboxMessage Queue(EditableEmail email, (string Subject, string Body) wording, Registration r, Workshop workshop, string link, string what,
        string? why)
    {
        var values = Values(r, workshop, link);
        return outbox.Queue(email.Key, $"{r.Id}/{what}", r.Email, r.Name,
            mail.Render(wording.Subject, wording.Body, why is null ? values : new WaitlistedValues(values, why)));
    }

    /// <summary>Why a registration waits, read before the write transaction: its track full, or seats free while the organisers decide.</summary>
    public async Task<string?> WaitingReasonAsync(Guid registrationId, CancellationToken ct)
    {
        var r = await db.Registrations.AsNoTracking().Where(x => x.Id == registrationId).Select(x => new { x.WorkshopId, x.TrackId }).FirstOrDefaultAsync(ct);
        if (r is null) return null;
        var autoPromote = await db.RegistrationSetups.Where(s => s.WorkshopId == r.WorkshopId).Select(s => s.AutoPromote).FirstOrDefaultAsync(ct);
        return WaitingList.Reason(await seats.HasFreeSeatAsync(r.WorkshopId, r.TrackId, ct), autoPromote);
    }

    private static RegistrationValues Values(Registration r, Workshop workshop, string link) => new()
    {
        Name = r.Name,
        WorkshopTitle = workshop.Title,
        WorkshopDates = Formats.DateRange(workshop.StartsLocal, workshop.EndsLocal),
        Track = TrackName(workshop, r),
        RegistrationLink = link,
    };

    /// <summary>What the receipt says about where the registration stands.</summary>
    public static string StatusText(RegistrationStatus status, RegistrationSetup setup) => status switch
    {
        RegistrationStatus.Admitted => Tr.T("You have a seat: you are admitted. Your check-in code is on your registration's page."),
        // First come, first served puts someone on the list only when the track is full.
        RegistrationStatus.Waitlisted => WaitingList.Reason(seatFree: false, setup.AutoPromote),
        _ => RegistrationDetails.ApprovalNotice(setup.DecisionBy),
    };
}
