using Hangfire;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;
using Workshops.Core.Domain.Common;
using Workshops.Core.Domain.Packs;
using Workshops.Core.Domain.Registrations;
using Workshops.Core.Jobs;
using Workshops.Core.Pdf;

namespace Workshops.Web.Features.Organise.Packs;

/// <summary>An attendee as the organisers' packs page lists them, with where their pack stands.</summary>
public sealed record PackRow(Guid RegistrationId, string Name, string Institution, Guid? TrackId, RegistrationStatus Status, DateTimeOffset? BuiltAt, int? AgendaVersion);

/// <summary>A participant who asked for an invitation letter, as the organisers' list shows them.</summary>
public sealed record LetterRequest(Guid RegistrationId, string Name, string Institution, string Country, string? Nationality, RegistrationStatus Status,
    DateTimeOffset? ApprovedAt);

/// <summary>The organisers' side of attendee packs: their settings, starting a run, and what each attendee has.</summary>
public sealed class PackDesk(AppDbContext db, IBackgroundJobClient jobs, Core.Domain.Packs.PackSource source, Core.Email.Editable.TemplateMail mail,
    Core.Email.Outbox outbox, Features.Registrations.RegistrationLinks links, TimeProvider clock)
{
    /// <summary>Starts a run unless one is already queued or running for the workshop; returns the run that will make the packs.</summary>
    public async Task<(PackRun Run, bool Started)> StartAsync(Guid workshopId, string reason, string? byUserId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var active = await db.PackRuns
            .Where(r => r.WorkshopId == workshopId && (r.Status == PackRunStatus.Queued || r.Status == PackRunStatus.Running))
            .OrderByDescending(r => r.CreatedAt).ToListAsync(ct);
        if (active.FirstOrDefault(r => !r.IsLost(now)) is { } running) return (running, false);
        // Lost runs are closed with a reason, so the page does not wait for them and a new run can start.
        // Stored in English, shown in each reader's language (the packs page translates it).
        foreach (var lost in active) lost.Fail(Tr.Key("It stopped without finishing (the site was probably restarted); the packs were made again."), now);
        var run = PackRun.Queue(workshopId, reason, byUserId, now);
        db.PackRuns.Add(run);
        await db.SaveChangesAsync(ct);
        jobs.Enqueue<BuildPacksJob>(j => j.Run(run.Id, CancellationToken.None));
        return (run, true);
    }

    /// <summary>After the agenda is republished: packs that exist print the old one, so they are all made again.</summary>
    public async Task RebuildAfterPublishAsync(Guid workshopId, int version, string? byUserId, CancellationToken ct)
    {
        if (await db.AttendeePacks.AnyAsync(p => p.WorkshopId == workshopId, ct))
            await StartAsync(workshopId, $"Agenda v{version} published", byUserId, ct); // stored in English; Reason translates it
    }

    /// <summary>
    /// Why a run was started, in the reader's language: runs keep their reason in English, either a text marked with
    /// Tr.Key or "Agenda v3 published".
    /// </summary>
    public static string Reason(string stored)
    {
        const string start = "Agenda v", end = " published";
        return stored.StartsWith(start, StringComparison.Ordinal) && stored.EndsWith(end, StringComparison.Ordinal)
            && int.TryParse(stored.AsSpan(start.Length, stored.Length - start.Length - end.Length), System.Globalization.NumberStyles.None,
                System.Globalization.CultureInfo.InvariantCulture, out var version)
            ? Tr.T("Agenda v{0} published", version)
            : Tr.T(stored);
    }

    /// <summary>The badge sheet of everyone admitted, or of the chosen ones; null when that leaves nobody.</summary>
    public async Task<byte[]?> BadgesAsync(Guid workshopId, IReadOnlyCollection<Guid>? only, CancellationToken ct)
    {
        var content = await source.ContentAsync(workshopId, ct);
        if (content is null) return null;
        var people = await source.AttendeesAsync(content, ct);
        if (only is not null) people = people.Where(p => only.Contains(p.RegistrationId)).ToList();
        return people.Count == 0 ? null : Core.Domain.Packs.BadgeSheetDocument.Build(content, people);
    }

    public async Task<IReadOnlyList<LetterRequest>> LetterRequestsAsync(Guid workshopId, CancellationToken ct) =>
        await db.Registrations.AsNoTracking().Where(r => r.WorkshopId == workshopId && r.WantsLetter && r.Status != RegistrationStatus.Cancelled)
            .OrderBy(r => r.Name)
            .Select(r => new LetterRequest(r.Id, r.Name, r.Institution, r.Country, r.PassportNationality, r.Status, r.LetterApprovedAt))
            .ToListAsync(ct);

    /// <summary>Approves or withdraws one letter; an approval emails the participant their private link.</summary>
    public async Task<EditResult> DecideLetterAsync(Guid workshopId, Guid registrationId, bool approve, string byUserId, CancellationToken ct)
    {
        var registration = await db.Registrations.FirstOrDefaultAsync(r => r.Id == registrationId && r.WorkshopId == workshopId, ct);
        if (registration is null) return EditResult.Fail(null, Tr.T("That registration is not one of this workshop's."));
        var wasApproved = registration.LetterAvailable;
        try
        {
            registration.DecideLetter(approve, byUserId, clock.GetUtcNow());
        }
        catch (DomainException e)
        {
            return EditResult.Refused(e);
        }
        Core.Email.OutboxMessage? message = null;
        if (approve && !wasApproved)
        {
            var workshop = await db.Workshops.AsNoTracking().FirstAsync(w => w.Id == workshopId, ct);
            // The email, its dates included, is written in the participant's language.
            using var language = Tr.Use(registration.Language);
            // Each approval is its own change: approved again after being withdrawn, the letter is announced again.
            var reference = $"{registration.Id}/{registration.LetterApprovedAt!.Value.UtcTicks}";
            message = await mail.QueueAsync(Core.Email.Editable.PackEmails.LetterApproved, reference, registration.Email, registration.Name,
                new Core.Email.Editable.LetterApprovedValues
                {
                    Name = registration.Name,
                    WorkshopTitle = workshop.Title,
                    WorkshopDates = Formats.DateRange(workshop.StartsLocal, workshop.EndsLocal),
                    RegistrationLink = links.Absolute(registration.Id),
                }, ct);
        }
        await db.SaveChangesAsync(ct);
        if (message is not null) outbox.Kick(message);
        return EditResult.Ok(registration.Id);
    }

    /// <summary>
    /// The saved settings, or the defaults dated at the epoch: a form drawn before anything is saved then carries the
    /// same version every time (a save that meets a row someone made meanwhile is refused, as for any other change).
    /// </summary>
    public async Task<PackSettings> SettingsAsync(Guid workshopId, CancellationToken ct) =>
        await db.PackSettings.AsNoTracking().FirstOrDefaultAsync(s => s.WorkshopId == workshopId, ct) ?? PackSettings.For(workshopId, DateTimeOffset.UnixEpoch);

    /// <summary>
    /// Saves the practical information and paper size; a refused value changes nothing, and so does a form drawn
    /// from an older <paramref name="version"/> than the stored one (false: someone else saved meanwhile).
    /// </summary>
    public async Task<EditResult> SaveSettingsAsync(Guid workshopId, PackTexts texts, PaperSize paper, bool lettersInEnglish,
        long? version, CancellationToken ct)
    {
        var settings = await db.PackSettings.FirstOrDefaultAsync(s => s.WorkshopId == workshopId, ct);
        var isNew = settings is null;
        settings ??= PackSettings.For(workshopId, clock.GetUtcNow());
        try
        {
            if (!isNew) db.Expect(settings, version);
            settings.Change(texts, paper, lettersInEnglish, clock.GetUtcNow());
        }
        catch (DomainException e)
        {
            return EditResult.Refused(e);
        }
        if (isNew) db.PackSettings.Add(settings);
        return await db.TrySaveAsync(ct) ? EditResult.Ok(workshopId) : EditResult.Conflict(Tr.T("the pack settings"));
    }

    public async Task<IReadOnlyList<PackRun>> RunsAsync(Guid workshopId, CancellationToken ct) =>
        await db.PackRuns.AsNoTracking().Where(r => r.WorkshopId == workshopId).OrderByDescending(r => r.CreatedAt).Take(5).ToListAsync(ct);

    public async Task<IReadOnlyList<PackRow>> AttendeesAsync(Guid workshopId, CancellationToken ct) =>
        await (from r in db.Registrations.AsNoTracking()
               where r.WorkshopId == workshopId && (r.Status == RegistrationStatus.Admitted || r.Status == RegistrationStatus.CheckedIn)
               join p in db.AttendeePacks on r.Id equals p.RegistrationId into packs
               from p in packs.DefaultIfEmpty()
               orderby r.Name
               select new PackRow(r.Id, r.Name, r.Institution, r.TrackId, r.Status, p == null ? null : p.BuiltAt, p == null ? null : p.AgendaVersion))
            .ToListAsync(ct);

    public async Task<int?> LatestAgendaVersionAsync(Guid workshopId, CancellationToken ct) =>
        await db.AgendaVersions.Where(v => v.WorkshopId == workshopId).MaxAsync(v => (int?)v.Number, ct);
}
