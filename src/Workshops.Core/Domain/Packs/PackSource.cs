using Workshops.Core.Domain.Common;
using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Workshops.Core.Data;
using Workshops.Core.Domain.Agenda;
using Workshops.Core.Domain.Registrations;
using Workshops.Core.Pdf;
using Workshops.Core.Storage;

namespace Workshops.Core.Domain.Packs;

/// <summary>Reads what a workshop's packs print: the latest published agenda, the organisers' settings, and each admitted attendee.</summary>
public sealed partial class PackSource(AppDbContext db, IFileStore store, IOptions<SiteOptions> site, TimeProvider clock)
{
    /// <summary>Null when the workshop does not exist.</summary>
    /// <param name="lettersOnly">For a letter or certificate: the workshop and the settings, without the agenda, participants or images.</param>
    public async Task<PackContent?> ContentAsync(Guid workshopId, CancellationToken ct, bool lettersOnly = false)
    {
        var workshop = await db.Workshops.Include(w => w.Tracks).AsNoTracking().FirstOrDefaultAsync(w => w.Id == workshopId, ct);
        if (workshop is null) return null;
        var settings = await db.PackSettings.AsNoTracking().FirstOrDefaultAsync(s => s.WorkshopId == workshopId, ct);
        if (lettersOnly)
            return new PackContent(site.Value.Name, workshop, AgendaSnapshot.Empty, 0, null, [], settings?.Paper ?? PaperSize.A4, clock.GetUtcNow(),
                null, settings?.Letterhead, settings?.Signatory, settings?.LettersInEnglish ?? false);
        var version = await db.AgendaVersions.AsNoTracking().Where(v => v.WorkshopId == workshopId).OrderByDescending(v => v.Number)
            .Select(v => new { v.Number, v.Snapshot }).FirstOrDefaultAsync(ct);
        var participants = (await Admitted(workshopId).Where(r => r.ListPublicly)
            .Select(r => new { r.Name, r.Institution, r.Country }).ToListAsync(ct)).Select(r => new PackParticipant(r.Name, r.Institution, r.Country)).ToList();
        var images = await db.Materials.AsNoTracking()
            .Where(m => m.WorkshopId == workshopId && m.FileHash != null && (m.ContentType == "image/png" || m.ContentType == "image/jpeg"))
            .ToDictionaryAsync(m => m.Id, m => m.FileHash!, ct);
        return new PackContent(site.Value.Name, workshop, version is null ? AgendaSnapshot.Empty : AgendaSnapshot.FromJson(version.Snapshot), version?.Number ?? 0,
            settings?.PracticalInfo, participants, settings?.Paper ?? PaperSize.A4, clock.GetUtcNow(), Images(images), settings?.Letterhead, settings?.Signatory,
            settings?.LettersInEnglish ?? false);
    }

    /// <summary>Every admitted (or checked-in) attendee, each with their check-in code and starred sessions; or only <paramref name="only"/>.</summary>
    public async Task<IReadOnlyList<PackAttendee>> AttendeesAsync(PackContent content, CancellationToken ct, Guid? only = null)
    {
        var id = content.Workshop.Id;
        var setup = await db.RegistrationSetups.AsNoTracking().FirstOrDefaultAsync(s => s.WorkshopId == id, ct);
        if (setup is null) return [];
        var query = Admitted(id);
        if (only is { } single) query = query.Where(r => r.Id == single);
        var people = await query.OrderBy(r => r.Name).Select(r => new { r.Id, r.UserId, r.Name, r.Institution, r.Country, r.TrackId, r.Language }).ToListAsync(ct);
        var userIds = people.Select(p => p.UserId).ToList();
        var stars = (await db.AgendaStars.AsNoTracking().Where(s => s.WorkshopId == id && userIds.Contains(s.UserId)).Select(s => new { s.UserId, s.ItemId }).ToListAsync(ct))
            .ToLookup(s => s.UserId, s => s.ItemId);
        var tracks = content.Workshop.Tracks.ToDictionary(t => t.Id, t => t.Name);
        return people.Select(p => new PackAttendee(p.Id, p.Name, p.Institution, p.Country, p.TrackId,
            p.TrackId is { } t && tracks.TryGetValue(t, out var name) ? name : null, CheckInCode.For(setup, p.Id), stars[p.UserId].ToHashSet(), p.Language)).ToList();
    }

    private IQueryable<Registration> Admitted(Guid workshopId) => db.Registrations.AsNoTracking()
        .Where(r => r.WorkshopId == workshopId && (r.Status == RegistrationStatus.Admitted || r.Status == RegistrationStatus.CheckedIn) && r.ErasedAt == null);

    /// <summary>
    /// Images in the practical information are the workshop's own image materials, named by their address
    /// (/materials/{id}/file, relative or on this site); each is read once per batch. Nothing is fetched from elsewhere.
    /// </summary>
    private Func<string, byte[]?> Images(IReadOnlyDictionary<Guid, string> hashes)
    {
        var cache = new ConcurrentDictionary<string, byte[]?>();
        return url => cache.GetOrAdd(url, u =>
        {
            var match = MaterialAddress().Match(u);
            if (!match.Success || !Guid.TryParse(match.Groups[1].Value, out var id) || !hashes.TryGetValue(id, out var hash)) return null;
            using var stream = store.OpenRead(hash);
            if (stream is null) return null;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        });
    }

    [GeneratedRegex(@"^(?:https?://[^/]+)?/materials/([0-9a-fA-F-]{36})/file$")]
    private static partial Regex MaterialAddress();
}
