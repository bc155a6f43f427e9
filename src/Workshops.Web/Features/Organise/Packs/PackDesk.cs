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

/// <summary>The organisers' side of attendee packs: their settings, starting a run, and what each attendee has.</summary>
public sealed class PackDesk(AppDbContext db, IBackgroundJobClient jobs, Core.Packs.PackSource source, TimeProvider clock)
{
    /// <summary>Starts a run unless one is already queued or running for the workshop; returns the run that will make the packs.</summary>
    public async Task<(PackRun Run, bool Started)> StartAsync(Guid workshopId, string reason, string? byUserId, CancellationToken ct)
    {
        var active = await db.PackRuns.AsNoTracking()
            .Where(r => r.WorkshopId == workshopId && (r.Status == PackRunStatus.Queued || r.Status == PackRunStatus.Running))
            .OrderByDescending(r => r.CreatedAt).FirstOrDefaultAsync(ct);
        if (active is not null) return (active, false);
        var run = PackRun.Queue(workshopId, reason, byUserId, clock.GetUtcNow());
        db.PackRuns.Add(run);
        await db.SaveChangesAsync(ct);
        jobs.Enqueue<BuildPacksJob>(j => j.Run(run.Id, CancellationToken.None));
        return (run, true);
    }

    /// <summary>After the agenda is republished: packs that exist print the old one, so they are all made again.</summary>
    public async Task RebuildAfterPublishAsync(Guid workshopId, int version, string? byUserId, CancellationToken ct)
    {
        if (await db.AttendeePacks.AnyAsync(p => p.WorkshopId == workshopId, ct))
            await StartAsync(workshopId, $"Agenda v{version} published", byUserId, ct);
    }

    /// <summary>The badge sheet of everyone admitted, or of the chosen ones; null when that leaves nobody.</summary>
    public async Task<byte[]?> BadgesAsync(Guid workshopId, IReadOnlyCollection<Guid>? only, CancellationToken ct)
    {
        var content = await source.ContentAsync(workshopId, ct);
        if (content is null) return null;
        var people = await source.AttendeesAsync(content, ct);
        if (only is not null) people = people.Where(p => only.Contains(p.RegistrationId)).ToList();
        return people.Count == 0 ? null : Core.Packs.BadgeSheetDocument.Build(content, people);
    }

    public async Task<PackSettings> SettingsAsync(Guid workshopId, CancellationToken ct) =>
        await db.PackSettings.AsNoTracking().FirstOrDefaultAsync(s => s.WorkshopId == workshopId, ct) ?? PackSettings.For(workshopId, clock.GetUtcNow());

    /// <summary>Saves the practical information and paper size; a refused value changes nothing.</summary>
    public async Task SaveSettingsAsync(Guid workshopId, string? practicalInfo, PaperSize paper, CancellationToken ct)
    {
        var settings = await db.PackSettings.FirstOrDefaultAsync(s => s.WorkshopId == workshopId, ct);
        var isNew = settings is null;
        settings ??= PackSettings.For(workshopId, clock.GetUtcNow());
        settings.Change(practicalInfo, paper, clock.GetUtcNow());
        if (isNew) db.PackSettings.Add(settings);
        await db.SaveChangesAsync(ct);
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
