using Workshops.Core;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;
using Workshops.Core.Domain.Agenda;
using Workshops.Core.Domain.Common;
using Workshops.Core.Domain.Registrations;
using Workshops.Core.Email;
using Workshops.Core.Email.Editable;
using Workshops.Core.Time;
using Workshops.Web.Features.Organise.Calls;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Features.Organise.Agenda;

/// <param name="DraftStamp">The draft the organiser read (<see cref="AgendaSnapshot.Stamp"/>); none skips the check.</param>
public sealed record PublishRequest(string? Note, bool TellSpeakers, bool TellParticipants, int ExpectedNumber, string? DraftStamp = null);

/// <summary>A published version, and how many emails it queued.</summary>
public sealed record Publication(AgendaVersion Version, int Emails);

/// <summary>Freezes the draft as the next published version, and queues the emails the organiser asked for in the same save.</summary>
public sealed class AgendaPublishingDesk(AppDbContext db, AgendaDesk desk, TimeProvider clock, TemplateMail mail, Outbox outbox,
    ConfirmedSessions sessions, SiteAddress links, IOutputCacheStore pages, Core.Domain.Archive.ArchiveIndex index, Packs.PackDesk packs,
    Core.Webhooks.WebhookOutbox webhooks)
{
    public async Task<EditResult<Publication>> PublishAsync(Guid workshopId, PublishRequest request, string? byUserId, CancellationToken ct)
    {
        var draft = await desk.LoadAsync(workshopId, ct, withPublished: true);
        if (draft is null) return EditResult<Publication>.Fail(null, Tr.T("This workshop no longer exists."));
        // Two organisers pressing publish on the same draft make one version, not two that say the same thing.
        if ((draft.Latest?.Number ?? 0) != request.ExpectedNumber)
            return EditResult<Publication>.Fail(null, Tr.T("Someone published {0} while you were reading. Look at the changes again before publishing.", draft.Latest?.Name));
        var snapshot = draft.Snapshot();
        if (request.DraftStamp is { Length: > 0 } stamp && stamp != snapshot.Stamp())
            return EditResult<Publication>.Fail(null, Tr.T("Someone changed the draft while you were reading. Look at the warnings and changes again before publishing."));
        AgendaVersion version;
        try
        {
            version = AgendaVersion.Publish(draft.Workshop, draft.Latest, snapshot, request.Note, byUserId, clock.GetUtcNow());
        }
        catch (DomainException e)
        {
            return EditResult<Publication>.Refused(e);
        }
        db.AgendaVersions.Add(version);
        await webhooks.RaiseAsync(Core.Domain.Webhooks.WebhookEvents.AgendaPublished, workshopId, WebhookData.Agenda(draft.Workshop, version), ct);
        var messages = new List<OutboxMessage>();
        if (request.TellSpeakers) messages.AddRange(await TellSpeakersAsync(draft, version, ct));
        if (request.TellParticipants) messages.AddRange(await TellParticipantsAsync(draft, version, ct));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The unique (workshop, number) index: another organiser's publish won the race.
            db.ChangeTracker.Clear();
            if (!await db.AgendaVersions.AnyAsync(v => v.WorkshopId == workshopId && v.Number == version.Number, ct)) throw;
            return EditResult<Publication>.Fail(null, Tr.T("Someone published {0} at the same moment. Look at the changes again before publishing.", version.Name));
        }
        foreach (var message in messages) outbox.Kick(message);
        webhooks.Kick();
        await pages.EvictAsync(ct);
        await index.RebuildWorkshopAsync(workshopId, ct);
        await packs.RebuildAfterPublishAsync(workshopId, version.Number, byUserId, ct);
        return EditResult<Publication>.Ok(new Publication(version, messages.Count), version.Id);
    }

    public async Task<EditResult> AnnotateAsync(Guid workshopId, Guid versionId, string? note, CancellationToken ct)
    {
        var version = await db.AgendaVersions.FirstOrDefaultAsync(v => v.Id == versionId && v.WorkshopId == workshopId, ct);
        if (version is null) return EditResult.Fail(null, Tr.T("This version does not exist."));
        try
        {
            version.Annotate(note);
        }
        catch (DomainException e)
        {
            return EditResult.Refused(e);
        }
        await db.SaveChangesAsync(ct);
        await pages.EvictAsync(ct);
        return EditResult.Ok(version.Id);
    }

    /// <summary>One email per speaker, listing every change to their sessions; people named without an account or address cannot be told.</summary>
    private async Task<List<OutboxMessage>> TellSpeakersAsync(AgendaDraft draft, AgendaVersion version, CancellationToken ct)
    {
        var changes = version.ReadChanges();
        if (changes.Count == 0) return [];
        var before = draft.Latest?.ReadSnapshot() ?? AgendaSnapshot.Empty;
        var after = version.ReadSnapshot();
        var changedItems = changes.Select(c => c.ItemId).ToHashSet();
        var confirmed = (await sessions.ForWorkshopAsync(draft.Workshop.Id, ct)).ToDictionary(s => s.ProposalId);
        var speakersOf = new Dictionary<Guid, List<SnapshotSpeaker>>();
        foreach (var item in before.Items.Concat(after.Items).Where(i => changedItems.Contains(i.Id)))
            speakersOf[item.Id] = [.. item.Speakers];
        var userIds = speakersOf.Values.SelectMany(s => s).Where(s => s.UserId is not null).Select(s => s.UserId!).Distinct().ToList();
        var accounts = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Email!, ct);
        // A speaker with an account reads it in their language; a co-speaker known only by address, in the publisher's.
        var languages = await db.Users.AsNoTracking().Where(u => u.Email != null && userIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Email!, u => u.Language, StringComparer.OrdinalIgnoreCase, ct);

        // Who to write to, by address: the account behind a named speaker, or a confirmed co-speaker's address from the proposal.
        var byAddress = new Dictionary<string, (string Name, List<AgendaChange> Changes)>(StringComparer.OrdinalIgnoreCase);
        foreach (var change in changes)
        {
            var item = after.Item(change.ItemId) ?? before.Item(change.ItemId);
            var proposalSpeakers = item?.ProposalId is { } pid && confirmed.TryGetValue(pid, out var session) ? session.Speakers : [];
            foreach (var speaker in speakersOf.GetValueOrDefault(change.ItemId, []))
            {
                var address = speaker.UserId is { } uid && accounts.TryGetValue(uid, out var email) ? email
                    : proposalSpeakers.FirstOrDefault(p => string.Equals(p.Name, speaker.Name, StringComparison.OrdinalIgnoreCase))?.Email;
                if (string.IsNullOrWhiteSpace(address)) continue;
                if (!byAddress.TryGetValue(address, out var entry)) byAddress[address] = entry = (speaker.Name, []);
                entry.Changes.Add(change);
            }
        }
        var messages = new List<OutboxMessage>();
        var slug = draft.Workshop.Slug;
        foreach (var (address, (name, mine)) in byAddress)
        {
            // A session taken off the agenda has no page any more: its speaker gets the list of changes.
            var page = mine.Select(c => after.Item(c.ItemId)?.Id).FirstOrDefault(id => id is not null);
            using var language = Tr.Use(languages.GetValueOrDefault(address));
            messages.Add(await mail.QueueAsync(AgendaEmails.SpeakerSlotChanged, version.Id.ToString(), address, name, new SpeakerSlotValues(Values(draft, version, name), Lines(mine),
                links.Absolute(page is { } item ? $"/workshops/{slug}/agenda/{item}" : $"/workshops/{slug}/agenda/changes")), ct));
        }
        return messages;
    }

    private async Task<List<OutboxMessage>> TellParticipantsAsync(AgendaDraft draft, AgendaVersion version, CancellationToken ct)
    {
        var people = await db.Registrations.AsNoTracking()
            .Where(r => r.WorkshopId == draft.Workshop.Id && (r.Status == RegistrationStatus.Admitted || r.Status == RegistrationStatus.CheckedIn))
            .Select(r => new { r.Name, r.Email, r.Language })
            .ToListAsync(ct);
        var changes = version.ReadChanges();
        var messages = new List<OutboxMessage>();
        // Each in the language they registered in: the changes are worded for each reader.
        foreach (var person in people.DistinctBy(p => p.Email, StringComparer.OrdinalIgnoreCase))
        {
            using var language = Tr.Use(person.Language);
            var summary = changes.Count == 0 ? Tr.T("The sessions and times are as before.") : Lines(changes);
            messages.Add(await mail.QueueAsync(AgendaEmails.Published, version.Id.ToString(), person.Email, person.Name,
                new AgendaPublishedValues(Values(draft, version, person.Name), summary), ct));
        }
        return messages;
    }

    private AgendaValues Values(AgendaDraft draft, AgendaVersion version, string name)
    {
        var slug = draft.Workshop.Slug;
        return new AgendaValues
        {
            Name = name,
            WorkshopTitle = draft.Workshop.Title,
            WorkshopDates = Formats.DateRange(draft.Workshop.StartsLocal, draft.Workshop.EndsLocal),
            Version = version.Name,
            Note = version.Note ?? "",
            AgendaLink = links.Absolute($"/workshops/{slug}/agenda"),
            ChangesLink = links.Absolute($"/workshops/{slug}/agenda/changes"),
        };
    }

    // Paragraphs, not a list: values are escaped as plain text in the email, so Markdown list marks would show as dashes on one line.
    private static string Lines(IEnumerable<AgendaChange> changes) => string.Join("\n\n", changes.Select(c => c.Describe()));
}
