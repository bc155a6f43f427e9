using System.Linq.Expressions;
using System.Net;
using System.Text.Encodings.Web;
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
public sealed record ErasureResult(int Registrations, int Proposals, int Reviews, int Sessions, int Emails, IReadOnlySet<Guid> Workshops, IReadOnlySet<Guid> Events);

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
        [typeof(InstallationMember)] = "goes with the account (foreign key)",
        [typeof(DataExport)] = "goes with the account (foreign key); the file is swept",
        [typeof(AgendaStar)] = "the person's own marks",
        [typeof(ReviewerAssignment)] = "reviews still to do; the reviews done stay, anonymised",
    };

    /// <summary>Columns of rows that stay, and what becomes of them.</summary>
    public static readonly IReadOnlyDictionary<(Type, string), string> Columns = new Dictionary<(Type, string), string>
    {
        [(typeof(SecurityEvent), nameof(SecurityEvent.UserId))] = "the person's entries are deleted",
        [(typeof(SecurityEvent), nameof(SecurityEvent.Email))] = "entries with the address are deleted",
        [(typeof(SecurityEvent), nameof(SecurityEvent.IpAddress))] = "deleted with the person's entries",
        [(typeof(SecurityEvent), nameof(SecurityEvent.Detail))] = "deleted with the entries; names and addresses taken out of others",
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
        [(typeof(AgendaItem), nameof(AgendaItem.Chair))] = "Deleted participant",
        [(typeof(AgendaSpeaker), nameof(AgendaSpeaker.Name))] = "Deleted participant",
        [(typeof(AgendaSpeaker), nameof(AgendaSpeaker.UserId))] = "cleared",
        [(typeof(AgendaVersion), nameof(AgendaVersion.Snapshot))] = "every published version says Deleted participant",
        [(typeof(AgendaVersion), nameof(AgendaVersion.PublishedById))] = "cleared",
        [(typeof(Material), nameof(Material.CreatedById))] = "cleared; the material stays with the workshop",
        [(typeof(Material), nameof(Material.Speakers))] = "the name taken out",
        [(typeof(MaterialFile), nameof(MaterialFile.UploadedById))] = "cleared",
        [(typeof(SearchDocument), nameof(SearchDocument.Speakers))] = "rebuilt from the erased materials and sessions",
        [(typeof(OutboxMessage), nameof(OutboxMessage.To))] = "waiting emails are deleted; sent ones get an .invalid address",
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
        [(typeof(Domain.Community.Attendees.PastAttendee), nameof(Domain.Community.Attendees.PastAttendee.Name))] =
            "kept: a past event's list as organisers uploaded it, in words and not linked to the account; organisers edit it",
        [(typeof(Domain.Community.Attendees.PastAttendee), nameof(Domain.Community.Attendees.PastAttendee.Organisation))] = "kept with the name, as above",
    };

    public async Task<ErasureResult?> EraseAsync(string userId, CancellationToken ct)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null) return null;
        var now = clock.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);

        var registrations = await db.Registrations.Where(r => r.UserId == userId).ToListAsync(ct);
        var coSpeaking = await db.Proposals.Where(p => p.CoSpeakers.Any(c => c.UserId == userId)).ToListAsync(ct);
        var emails = registrations.Select(r => r.NormalizedEmail).Append(user.NormalizedEmail!)
            .Concat(coSpeaking.SelectMany(p => p.CoSpeakers).Where(c => c.UserId == userId).Select(c => c.Email.ToUpperInvariant()))
            .Where(e => !string.IsNullOrEmpty(e)).Distinct().ToList();
        var speaking = await db.AgendaItems.Where(i => i.Speakers.Any(s => s.UserId == userId)).ToListAsync(ct);
        var names = registrations.Select(r => r.Name).Append(user.DisplayName)
            .Concat(speaking.SelectMany(i => i.Speakers).Where(s => s.UserId == userId).Select(s => s.Name))
            .Where(n => !string.IsNullOrWhiteSpace(n)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var scrub = Erasure.Scrubber(names.Concat(emails));
        bool IsThem(string? value) => value is not null && (value == userId || names.Contains(value.Trim(), StringComparer.OrdinalIgnoreCase));

        // Registrations stay for the counts; their packs go (a PDF with the name), the file with the next sweep.
        foreach (var registration in registrations) registration.Erase(now);
        var registrationIds = registrations.Select(r => r.Id).ToList();
        await db.AttendeePacks.Where(p => registrationIds.Contains(p.RegistrationId)).ExecuteDeleteAsync(ct);

        // A draft was never seen by anyone; everything else belongs to the call's record.
        var proposals = await db.Proposals.Where(p => p.ProposerId == userId).ToListAsync(ct);
        db.Proposals.RemoveRange(proposals.Where(p => p.Status == ProposalStatus.Draft));
        foreach (var proposal in proposals.Where(p => p.Status != ProposalStatus.Draft))
        {
            // Nobody is left to give an undecided proposal: it is withdrawn, as if they had done it themselves.
            if (proposal.Status == ProposalStatus.Submitted) db.StatusChanges.Add(proposal.MoveTo(ProposalStatus.Withdrawn, null, now));
            proposal.EraseProposer(scrub);
        }
        var invited = await db.Proposals.Where(p => p.CoSpeakers.Any(c => c.UserId == userId || emails.Contains(c.Email.ToUpper()))).ToListAsync(ct);
        foreach (var proposal in invited) proposal.EraseCoSpeaker(userId, emails);

        var reviews = await db.Reviews.Where(r => r.ReviewerId == userId).ToListAsync(ct);
        foreach (var review in reviews) review.EraseReviewer(scrub);
        await db.ReviewerAssignments.Where(a => a.ReviewerId == userId).ExecuteDeleteAsync(ct);

        // Sessions keep their place in the programme, and every published version says the same.
        var chaired = await db.AgendaItems.Where(i => i.Chair != null && names.Contains(i.Chair)).ToListAsync(ct);
        var items = speaking.Concat(chaired).DistinctBy(i => i.Id).ToList();
        foreach (var item in items) item.EraseSpeaker(IsThem, Erasure.Label);
        var workshops = items.Select(i => i.WorkshopId).ToHashSet();
        foreach (var version in await db.AgendaVersions.Where(v => workshops.Contains(v.WorkshopId)).ToListAsync(ct))
            version.EraseSpeaker(IsThem, Erasure.Label);
        await db.AgendaStars.Where(s => s.UserId == userId).ExecuteDeleteAsync(ct);

        var materials = await db.Materials.Include(m => m.Files)
            .Where(m => m.CreatedById == userId || m.Files.Any(f => f.UploadedById == userId)).ToListAsync(ct);
        var named = await NamedInAsync(db.Materials.Include(m => m.Files), m => m.Speakers, names, ct);
        foreach (var material in materials.Concat(named).DistinctBy(m => m.Id)) material.EraseUploader(userId, scrub);
        workshops.UnionWith(materials.Concat(named).Where(m => m.WorkshopId is not null).Select(m => m.WorkshopId!.Value));
        var events = materials.Concat(named).Where(m => m.ArchivedEventId is not null).Select(m => m.ArchivedEventId!.Value).ToHashSet();

        // Emails to them still waiting are dropped; those sent or failed stay for the counts, saying nothing.
        var mail = await db.OutboxMessages.Where(m => emails.Contains(m.To.ToUpper())).ToListAsync(ct);
        db.OutboxMessages.RemoveRange(mail.Where(m => m.Status is OutboxStatus.Queued or OutboxStatus.Held));
        foreach (var message in mail.Where(m => m.Status is not (OutboxStatus.Queued or OutboxStatus.Held))) message.Erase();
        var mentioning = (await NamedInAsync(db.OutboxMessages, m => m.TextBody, names.Concat(emails), ct))
            .Concat(await NamedInAsync(db.OutboxMessages, m => m.Subject, names.Concat(emails), ct)).Distinct();
        foreach (var message in mentioning.Where(m => !mail.Contains(m))) message.Scrub(scrub);

        foreach (var email in emails)
        {
            var keys = EmailSuppression.Keys(email);
            await db.EmailSuppressions.Where(s => keys.Contains(s.AddressKey)).ExecuteDeleteAsync(ct);
            db.EmailSuppressions.Add(EmailSuppression.Of(email, now));
        }
        foreach (var announcement in await db.Announcements.Where(a => a.PastedAddresses != null).ToListAsync(ct))
            announcement.ForgetAddresses(emails);
        foreach (var run in await NamedInAsync(db.PackRuns, r => r.Error, names, ct)) run.Scrub(scrub);

        // The person's own security log goes; their name or address in another entry's details is taken out.
        await db.SecurityEvents.Where(e => e.UserId == userId || e.Email != null && emails.Contains(e.Email.ToUpper())).ExecuteDeleteAsync(ct);
        foreach (var entry in await NamedInAsync(db.SecurityEvents, e => e.Detail, names.Concat(emails), ct))
            entry.Detail = scrub(entry.Detail);

        await ClearActorAsync(userId, ct);
        db.Users.Remove(user);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new ErasureResult(registrations.Count, proposals.Count, reviews.Count, items.Count, mail.Count, workshops, events);
    }

    /// <summary>
    /// Rows whose text names the person: found in the database by the name as written, in lower and upper case and
    /// HTML-encoded, so nothing is read into memory that does not mention them.
    /// </summary>
    private static async Task<List<T>> NamedInAsync<T>(IQueryable<T> rows, Expression<Func<T, string?>> text, IEnumerable<string> needles, CancellationToken ct) where T : class
    {
        var words = needles.Select(n => n.Trim()).Where(n => n.Length >= 4)
            .SelectMany(n => new[] { n, n.ToLowerInvariant(), n.ToUpperInvariant(), WebUtility.HtmlEncode(n), HtmlEncoder.Default.Encode(n) })
            .Distinct(StringComparer.Ordinal).ToList();
        if (words.Count == 0) return [];
        var contains = typeof(string).GetMethod(nameof(string.Contains), [typeof(string)])!;
        var notNull = Expression.NotEqual(text.Body, Expression.Constant(null, typeof(string)));
        var any = words.Select(w => (Expression)Expression.Call(text.Body, contains, Expression.Constant(w))).Aggregate(Expression.OrElse);
        return await rows.Where(Expression.Lambda<Func<T, bool>>(Expression.AndAlso(notNull, any), text.Parameters)).ToListAsync(ct);
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
    }
}
