using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;
using Workshops.Core.Domain.Accounts;
using Workshops.Core.Domain.Agenda;
using Workshops.Core.Domain.Announcements;
using Workshops.Core.Domain.Archive;
using Workshops.Core.Domain.Common;
using Workshops.Core.Domain.Community;
using Workshops.Core.Domain.Materials;
using Workshops.Core.Domain.Packs;
using Workshops.Core.Domain.Proposals;
using Workshops.Core.Domain.Registrations;
using Workshops.Core.Email;
using Workshops.Core.Email.Editable;

namespace Workshops.Core.Privacy;

/// <summary>What an erasure changed, for the log and the tests.</summary>
public sealed record ErasureResult(int Registrations, int Proposals, int Reviews, int Sessions, int Emails, IReadOnlySet<Guid> Workshops, IReadOnlySet<Guid> Events,
    IReadOnlyList<string> Files);

/// <summary>
/// Deletes an account and takes the person out of everything that stays: registrations keep their counts without
/// them, proposals and reviews stay without pointing at them, sessions keep their place under "Deleted participant",
/// emails to them waiting to go are dropped and those sent keep only their kind, date and status, and their address
/// is suppressed by its hash. One transaction: it all happens or none of it does. Registrations still to come are
/// cancelled by the caller first, through the registration desk, so a seat freed goes to the waiting list.
/// </summary>
public sealed class AccountEraser(AppDbContext db, TimeProvider clock)
{
    /// <summary>The kinds whose rows about the person are deleted outright, and why that is enough.</summary>
    public static readonly IReadOnlyDictionary<Type, string> RowsDeleted = new Dictionary<Type, string>
    {
        [typeof(AppUser)] = "the account itself",
        [typeof(UserSession)] = "goes with the account (foreign key)",
        [typeof(ApiToken)] = "goes with the account (foreign key)",
        [typeof(Domain.Webhooks.WebhookEndpoint)] = "goes with the account (foreign key), with its deliveries",
        [typeof(InstallationMember)] = "goes with the account (foreign key)",
        [typeof(DataExport)] = "goes with the account (foreign key); the file is swept",
        [typeof(Consent)] = "the person's consents go with their account",
        [typeof(AgendaStar)] = "the person's own marks",
        [typeof(ReviewerAssignment)] = "reviews still to do; the reviews done stay, anonymised",
    };

    /// <summary>Columns of rows that stay, and what becomes of them.</summary>
    public static readonly IReadOnlyDictionary<(Type, string), string> Columns = new Dictionary<(Type, string), string>
    {
        [(typeof(SecurityEvent), nameof(SecurityEvent.UserId))] = "the person's entries are deleted",
        [(typeof(SecurityEvent), nameof(SecurityEvent.Email))] = "entries with the address are deleted",
        [(typeof(SecurityEvent), nameof(SecurityEvent.IpAddress))] = "deleted with the person's entries",
        [(typeof(SecurityEvent), nameof(SecurityEvent.Detail))] = "deleted with the person's entries",
        [(typeof(SecurityEvent), nameof(SecurityEvent.ActorId))] = "cleared",
        [(typeof(AppUser), nameof(AppUser.DisabledById))] = "cleared",
        [(typeof(Registration), nameof(Registration.UserId))] = "cleared",
        [(typeof(Registration), nameof(Registration.Name))] = "Deleted participant",
        [(typeof(Registration), nameof(Registration.Email))] = "an .invalid address",
        [(typeof(Registration), nameof(Registration.NormalizedEmail))] = "an .invalid address",
        [(typeof(Registration), nameof(Registration.Institution))] = "cleared",
        [(typeof(Registration), nameof(Registration.Country))] = "kept: a country alone names nobody, and the workshop's statistics count it",
        [(typeof(Registration), nameof(Registration.Role))] = "cleared",
        [(typeof(Registration), nameof(Registration.PassportNationality))] = "cleared",
        [(typeof(Registration), nameof(Registration.ListPublicly))] = "off",
        [(typeof(Registration), nameof(Registration.PhotosAllowed))] = "off",
        [(typeof(Registration), nameof(Registration.WantsLetter))] = "off",
        [(typeof(Registration), nameof(Registration.CheckedInAt))] = "kept: attendance counts stay true",
        [(typeof(Registration), nameof(Registration.LetterApprovedById))] = "cleared",
        [(typeof(RegistrationAnswer), nameof(RegistrationAnswer.Value))] = "the answers are deleted",
        [(typeof(StatusChange), nameof(StatusChange.ByUserId))] = "cleared",
        [(typeof(Proposal), nameof(Proposal.ProposerId))] = "cleared; drafts are deleted",
        [(typeof(Proposal), nameof(Proposal.Text))] = "kept with the call's record, the name and address taken out",
        [(typeof(ProposalAnswer), nameof(ProposalAnswer.Text))] = "kept, the name and address taken out",
        [(typeof(CoSpeaker), nameof(CoSpeaker.Name))] = "Deleted participant",
        [(typeof(CoSpeaker), nameof(CoSpeaker.Email))] = "an .invalid address",
        [(typeof(CoSpeaker), nameof(CoSpeaker.UserId))] = "cleared",
        [(typeof(Review), nameof(Review.ReviewerId))] = "a placeholder of its own",
        [(typeof(Review), nameof(Review.Comment))] = "kept, the name and address taken out",
        [(typeof(AgendaItem), nameof(AgendaItem.Chair))] = "Deleted participant, unless they agreed to stay listed",
        [(typeof(AgendaSpeaker), nameof(AgendaSpeaker.Name))] = "Deleted participant, unless they agreed to stay listed",
        [(typeof(AgendaSpeaker), nameof(AgendaSpeaker.UserId))] = "cleared",
        [(typeof(AgendaVersion), nameof(AgendaVersion.Snapshot))] = "every published version says Deleted participant, unless they agreed to stay listed",
        [(typeof(AgendaVersion), nameof(AgendaVersion.PublishedById))] = "cleared",
        [(typeof(Domain.Travel.TravelApplication), nameof(Domain.Travel.TravelApplication.ApplicantId))] = "cleared; drafts are deleted, the rest stays for the fund's accounts",
        [(typeof(Domain.Travel.TravelApplication), nameof(Domain.Travel.TravelApplication.InstitutionPays))] = "off",
        [(typeof(Domain.Travel.TravelApplication), nameof(Domain.Travel.TravelApplication.InstitutionShare))] = "cleared",
        [(typeof(Domain.Travel.TravelApplication), nameof(Domain.Travel.TravelApplication.Gender))] = "cleared",
        [(typeof(Domain.Travel.TravelCost), nameof(Domain.Travel.TravelCost.Justification))] = "cleared; the amounts stay for the fund's accounts",
        [(typeof(Domain.Travel.TravelAnswer), nameof(Domain.Travel.TravelAnswer.Value))] = "the answers are deleted",
        [(typeof(Domain.Travel.TravelReceipt), nameof(Domain.Travel.TravelReceipt.FileName))] =
            "receipts of an award already paid stay, named only by their kind, as the fund's accounts require; the others are deleted with their files",
        [(typeof(Domain.Travel.TravelReview), nameof(Domain.Travel.TravelReview.ReviewerId))] = "a placeholder of its own",
        [(typeof(Domain.Travel.TravelReview), nameof(Domain.Travel.TravelReview.Comment))] = "kept, the name and address taken out",
        [(typeof(Material), nameof(Material.CreatedById))] = "cleared; the material stays with the workshop",
        [(typeof(Material), nameof(Material.Speakers))] = "the name taken out, unless they agreed to stay listed",
        [(typeof(MaterialFile), nameof(MaterialFile.UploadedById))] = "cleared",
        [(typeof(SearchDocument), nameof(SearchDocument.Speakers))] = "rebuilt from the erased materials and sessions",
        [(typeof(OutboxMessage), nameof(OutboxMessage.To))] = "waiting emails are deleted; sent ones get an .invalid address",
        [(typeof(OutboxMessage), nameof(OutboxMessage.Reference))] = "replaced: an account email's names the account",
        [(typeof(OutboxMessage), nameof(OutboxMessage.ToName))] = "cleared",
        [(typeof(OutboxMessage), nameof(OutboxMessage.Subject))] = "cleared; the name taken out of others' emails",
        [(typeof(OutboxMessage), nameof(OutboxMessage.HtmlBody))] = "cleared; the name taken out of others' emails",
        [(typeof(OutboxMessage), nameof(OutboxMessage.TextBody))] = "cleared; the name taken out of others' emails",
        [(typeof(OutboxMessage), nameof(OutboxMessage.LastError))] = "cleared",
        [(typeof(OutboxMessage), nameof(OutboxMessage.UnsubscribeUrl))] = "cleared",
        [(typeof(OutboxMessage), nameof(OutboxMessage.AttachmentName))] = "cleared",
        [(typeof(OutboxMessage), nameof(OutboxMessage.AttachmentText))] = "cleared",
        [(typeof(EmailSuppression), nameof(EmailSuppression.AddressKey))] = "the address is suppressed by its hash; a plain older row is replaced",
        [(typeof(Announcement), nameof(Announcement.PastedAddresses))] = "the person's lines are removed",
        [(typeof(Announcement), nameof(Announcement.CreatedById))] = "cleared",
        [(typeof(PackRun), nameof(PackRun.Error))] = "the name taken out",
        [(typeof(PackRun), nameof(PackRun.StartedById))] = "cleared",
        [(typeof(ArchiveImport), nameof(ArchiveImport.StartedById))] = "cleared",
        [(typeof(InstallationMember), nameof(InstallationMember.DecidedById))] = "cleared",
        [(typeof(EmailTemplate), nameof(EmailTemplate.UpdatedBy))] = "cleared",
        [(typeof(ErasureRecord), nameof(ErasureRecord.ByUserId))] = "cleared; the erasure stays logged",
        [(typeof(Domain.Community.Attendees.PastAttendee), nameof(Domain.Community.Attendees.PastAttendee.Name))] =
            "kept: a past event's list as organisers uploaded it, in words and not linked to the account; organisers edit it",
        [(typeof(Domain.Community.Attendees.PastAttendee), nameof(Domain.Community.Attendees.PastAttendee.Organisation))] = "kept with the name, as above",
    };

    public async Task<ErasureResult?> EraseAsync(string userId, CancellationToken ct)
    {
        // An organiser saving a registration or an announcement at the same moment makes the save fail; read again once.
        try { return await TryEraseAsync(userId, ct); }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return await TryEraseAsync(userId, ct);
        }
    }

    /// <summary>
    /// Everything to change is read first, and only rows linked to the person are read: their own, and others' that
    /// point at them (an email about their registration, a session from their proposal). A name alone never reaches
    /// a row nothing links to them, so nobody else's text changes because a name happens to match. The writes then
    /// go in one short transaction.
    /// </summary>
    private async Task<ErasureResult?> TryEraseAsync(string userId, CancellationToken ct)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null) return null;
        var now = clock.GetUtcNow();

        var registrations = await db.Registrations.Where(r => r.UserId == userId).ToListAsync(ct);
        var registrationIds = registrations.Select(r => r.Id).ToList();
        var applications = await db.TravelApplications.Where(a => a.ApplicantId == userId).ToListAsync(ct);
        var applicationIds = applications.Select(a => a.Id).ToList();
        var receipts = await db.TravelReceipts.Where(r => applicationIds.Contains(r.ApplicationId)).ToListAsync(ct);
        // An award paid is in the fund's accounts: its receipts are evidence the funder may audit, and stay.
        var paid = applications.Where(a => a.Costs.Any(c => c.PaidOn is not null)).Select(a => a.Id).ToHashSet();
        // The account's own addresses: its address now, those it registered with (always the account's at the time),
        // and those it had before a change, which account emails (referenced by the account) were sent to.
        var accountMail = await db.OutboxMessages.Where(m => m.Reference.StartsWith(userId + ":")).ToListAsync(ct);
        var emails = registrations.Select(r => r.NormalizedEmail).Append(user.NormalizedEmail ?? "")
            .Concat(accountMail.Where(m => m.Kind != Erasure.UnconfirmedAddressKind).Select(m => m.To.ToUpperInvariant()))
            .Where(e => e.Length > 0).Distinct().ToList();
        var proposals = await db.Proposals.Where(p => p.ProposerId == userId).ToListAsync(ct);
        var invited = await db.Proposals.Where(p => p.CoSpeakers.Any(c => c.UserId == userId || emails.Contains(c.Email.ToUpper()))).ToListAsync(ct);
        var proposalIds = proposals.Concat(invited).Select(p => p.Id).ToHashSet();
        var items = await db.AgendaItems
            .Where(i => i.Speakers.Any(s => s.UserId == userId) || i.ProposalId != null && proposalIds.Contains(i.ProposalId.Value)).ToListAsync(ct);
        var names = registrations.Select(r => r.Name).Append(user.DisplayName)
            .Concat(items.SelectMany(i => i.Speakers).Where(s => s.UserId == userId).Select(s => s.Name))
            .Concat(invited.SelectMany(p => p.CoSpeakers).Where(c => c.UserId == userId || emails.Contains(c.Email.ToUpperInvariant())).Select(c => c.Name))
            .Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var scrub = Erasure.Scrubber(names.Concat(emails));
        var listed = await db.Consents.AnyAsync(c => c.UserId == userId && c.Kind == ConsentKind.SpeakerListing && c.WithdrawnAt == null, ct);
        var itemIds = items.Select(i => i.Id).ToHashSet();
        var workshops = items.Select(i => i.WorkshopId).ToHashSet();
        // Every published version that names the account, and those of the workshops where their sessions are.
        var versions = await db.AgendaVersions.Where(v => v.Snapshot.Contains(userId) || workshops.Contains(v.WorkshopId)).ToListAsync(ct);
        var reviews = await db.Reviews.Where(r => r.ReviewerId == userId).ToListAsync(ct);
        var travelReviews = await db.TravelReviews.Where(r => r.ReviewerId == userId).ToListAsync(ct);
        var materials = await db.Materials.Include(m => m.Files)
            .Where(m => m.CreatedById == userId || m.Files.Any(f => f.UploadedById == userId) || m.AgendaItemId != null && itemIds.Contains(m.AgendaItemId.Value))
            .ToListAsync(ct);
        var mail = (await db.OutboxMessages.Where(m => emails.Contains(m.To.ToUpper())).ToListAsync(ct)).Concat(accountMail).DistinctBy(m => m.Id).ToList();
        // Others' emails about them: their reference names one of their registrations or proposals.
        var about = new List<OutboxMessage>();
        foreach (var id in registrationIds.Concat(proposals.Select(p => p.Id)).Select(id => id.ToString()))
            about.AddRange(await db.OutboxMessages.Where(m => m.Reference.Contains(id)).ToListAsync(ct));
        var announcements = (await db.Announcements.Where(a => a.PastedAddresses != null).ToListAsync(ct)).Where(a => a.Names(emails)).ToList();
        var registeredAt = registrations.Select(r => r.WorkshopId).Distinct().ToList();
        var runs = await db.PackRuns.Where(r => r.Error != null && registeredAt.Contains(r.WorkshopId)).ToListAsync(ct);
        var files = await db.DataExports.Where(e => e.UserId == userId && e.FileHash != null).Select(e => e.FileHash!).ToListAsync(ct);
        files.AddRange(await db.AttendeePacks.Where(p => registrationIds.Contains(p.RegistrationId)).Select(p => p.FileHash).ToListAsync(ct));
        files.AddRange(receipts.Where(r => !paid.Contains(r.ApplicationId)).Select(r => r.FileHash));

        // Registrations stay for the counts; their packs go (a PDF with the name).
        foreach (var registration in registrations) registration.Erase(now);
        // A draft application was never seen by anyone; the rest keeps its amounts for the fund's accounts and counts.
        db.TravelApplications.RemoveRange(applications.Where(a => a.Status == Domain.Travel.TravelStatus.Draft));
        foreach (var application in applications.Where(a => a.Status != Domain.Travel.TravelStatus.Draft)) application.Erase(now);
        db.TravelReceipts.RemoveRange(receipts.Where(r => !paid.Contains(r.ApplicationId)));
        foreach (var receipt in receipts.Where(r => paid.Contains(r.ApplicationId))) receipt.Anonymise();
        // A draft was never seen by anyone; everything else belongs to the call's record.
        db.Proposals.RemoveRange(proposals.Where(p => p.Status == ProposalStatus.Draft));
        foreach (var proposal in proposals.Where(p => p.Status != ProposalStatus.Draft))
        {
            // Nobody is left to give an undecided proposal: it is withdrawn, as if they had done it themselves.
            if (proposal.Status == ProposalStatus.Submitted) db.StatusChanges.Add(proposal.MoveTo(ProposalStatus.Withdrawn, null, now));
            proposal.EraseProposer(scrub);
        }
        foreach (var proposal in invited) proposal.EraseCoSpeaker(userId, emails);
        foreach (var review in reviews) review.EraseReviewer(scrub);
        foreach (var review in travelReviews) review.EraseReviewer(scrub);

        // Sessions keep their place in the programme, and every published version says the same: under their name if
        // they agreed to stay listed, under "Deleted participant" otherwise.
        var label = listed ? null : Erasure.Label;
        foreach (var item in items) item.EraseSpeaker(userId, names, label);
        foreach (var version in versions) version.EraseSpeaker(userId, names, itemIds, label);
        foreach (var material in materials) material.EraseUploader(userId, listed ? text => text : scrub);
        workshops.UnionWith(materials.Where(m => m.WorkshopId is not null).Select(m => m.WorkshopId!.Value));
        var events = materials.Where(m => m.ArchivedEventId is not null).Select(m => m.ArchivedEventId!.Value).ToHashSet();

        // Emails to them still waiting are dropped; those sent or failed stay for the counts, saying nothing.
        db.OutboxMessages.RemoveRange(mail.Where(m => m.Status is OutboxStatus.Queued or OutboxStatus.Held));
        foreach (var message in mail.Where(m => m.Status is not (OutboxStatus.Queued or OutboxStatus.Held))) message.Erase();
        foreach (var message in about.Where(m => !mail.Contains(m))) message.Scrub(scrub);
        foreach (var announcement in announcements) announcement.ForgetAddresses(emails);
        foreach (var run in runs) run.Scrub(scrub);
        db.Users.Remove(user);
        ClipToColumns();

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.AttendeePacks.Where(p => registrationIds.Contains(p.RegistrationId)).ExecuteDeleteAsync(ct);
        await db.ReviewerAssignments.Where(a => a.ReviewerId == userId).ExecuteDeleteAsync(ct);
        await db.AgendaStars.Where(s => s.UserId == userId).ExecuteDeleteAsync(ct);
        await db.Consents.Where(c => c.UserId == userId).ExecuteDeleteAsync(ct);
        foreach (var email in emails)
        {
            var keys = EmailSuppression.Keys(email);
            await db.EmailSuppressions.Where(s => keys.Contains(s.AddressKey)).ExecuteDeleteAsync(ct);
            db.EmailSuppressions.Add(EmailSuppression.Of(email, now));
        }
        // The person's own security log goes, with what was logged against their addresses.
        await db.SecurityEvents.Where(e => e.UserId == userId || e.Email != null && emails.Contains(e.Email.ToUpper())).ExecuteDeleteAsync(ct);
        await ClearActorAsync(userId, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new ErasureResult(registrations.Count, proposals.Count, reviews.Count, items.Count, mail.Count, workshops, events, files);
    }

    /// <summary>
    /// The name put in place of another is longer than a short name or address: a text at its column's limit is cut
    /// to it, so PostgreSQL does not refuse the whole erasure.
    /// </summary>
    private void ClipToColumns()
    {
        foreach (var entry in db.ChangeTracker.Entries().Where(e => e.State == EntityState.Modified))
        foreach (var property in entry.Properties.Where(p => p.IsModified))
            if (property.Metadata.GetMaxLength() is { } max && property.CurrentValue is string text && text.Length > max)
                property.CurrentValue = text[..max];
    }

    /// <summary>Where the person acted for others (approved a letter, published an agenda), the act stays and the actor goes.</summary>
    private async Task ClearActorAsync(string userId, CancellationToken ct)
    {
        await db.SecurityEvents.Where(e => e.ActorId == userId).ExecuteUpdateAsync(s => s.SetProperty(e => e.ActorId, (string?)null), ct);
        await db.Users.Where(u => u.DisabledById == userId).ExecuteUpdateAsync(s => s.SetProperty(u => u.DisabledById, (string?)null), ct);
        await db.Registrations.Where(r => r.LetterApprovedById == userId).ExecuteUpdateAsync(s => s.SetProperty(r => r.LetterApprovedById, (string?)null), ct);
        await db.StatusChanges.Where(c => c.ByUserId == userId).ExecuteUpdateAsync(s => s.SetProperty(c => c.ByUserId, (string?)null), ct);
        await db.AgendaVersions.Where(v => v.PublishedById == userId).ExecuteUpdateAsync(s => s.SetProperty(v => v.PublishedById, (string?)null), ct);
        await db.Announcements.Where(a => a.CreatedById == userId).ExecuteUpdateAsync(s => s.SetProperty(a => a.CreatedById, ""), ct);
        await db.PackRuns.Where(r => r.StartedById == userId).ExecuteUpdateAsync(s => s.SetProperty(r => r.StartedById, (string?)null), ct);
        await db.ArchiveImports.Where(i => i.StartedById == userId).ExecuteUpdateAsync(s => s.SetProperty(i => i.StartedById, ""), ct);
        await db.InstallationMembers.Where(m => m.DecidedById == userId).ExecuteUpdateAsync(s => s.SetProperty(m => m.DecidedById, (string?)null), ct);
        await db.EmailTemplates.Where(t => t.UpdatedBy == userId).ExecuteUpdateAsync(s => s.SetProperty(t => t.UpdatedBy, (string?)null), ct);
        // An erasure an organiser did must not read as the retention job's: the actor becomes "someone".
        await db.ErasureRecords.Where(e => e.ByUserId == userId).ExecuteUpdateAsync(s => s.SetProperty(e => e.ByUserId, ""), ct);
    }
}
