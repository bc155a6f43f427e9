using Workshops.Core.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Workshops.Core.Data;
using Workshops.Core.Domain.Archive;
using Workshops.Core.Domain.Materials;
using Workshops.Core.Domain.Workshops;

namespace Workshops.Web.Features.Archive;

/// <summary>One line of the archive: a past workshop run here, or an archived event.</summary>
public sealed record ArchiveEntry(string Title, string Url, ArchivedEventType Type, int? Year, DateOnly? StartsOn, DateOnly? EndsOn, string? DateText,
    string? Place, string? Country, int Materials);

public sealed record ArchiveFilters(int? Year, ArchivedEventType? Type, string? Country);

public sealed record ArchiveChoices(IReadOnlyList<int> Years, IReadOnlyList<string> Countries);

/// <summary>Every past workshop and archived event, newest first, with the choices the filters offer.</summary>
public sealed class ArchiveListing(AppDbContext db, TimeProvider clock, IMemoryCache memory)
{
    public async Task<IReadOnlyList<ArchiveEntry>> AllAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var publicCounts = await db.Materials.Where(m => m.Visibility == MaterialVisibility.Public)
            .GroupBy(m => new { m.WorkshopId, m.ArchivedEventId }).Select(g => new { g.Key.WorkshopId, g.Key.ArchivedEventId, Count = g.Count() })
            .ToListAsync(ct);
        var byWorkshop = publicCounts.Where(c => c.WorkshopId is not null).ToDictionary(c => c.WorkshopId!.Value, c => c.Count);
        var byEvent = publicCounts.Where(c => c.ArchivedEventId is not null).ToDictionary(c => c.ArchivedEventId!.Value, c => c.Count);

        var workshops = await db.Workshops.AsNoTracking().Where(w => w.Status == WorkshopStatus.Published && w.EndsAt < now).ToListAsync(ct);
        var events = await db.ArchivedEvents.AsNoTracking().ToListAsync(ct);
        return workshops.Select(w => new ArchiveEntry(w.Title, $"/workshops/{w.Slug}", ArchivedEventType.Workshop, w.Year,
                DateOnly.FromDateTime(w.StartsLocal.DateTime), DateOnly.FromDateTime(w.EndsLocal.DateTime), null, Place(w.City, w.Country, w.Venue), w.Country,
                byWorkshop.GetValueOrDefault(w.Id)))
            .Concat(events.Select(e => new ArchiveEntry(e.Title, $"/archive/{e.Slug}", e.Type, e.Year, e.StartsOn, e.EndsOn, e.DateText,
                Place(e.City, e.Country, e.Venue), e.Country, byEvent.GetValueOrDefault(e.Id))))
            .OrderByDescending(e => e.StartsOn ?? DateOnly.MinValue).ThenBy(e => e.Title)
            .ToList();
    }

    /// <summary>
    /// The years and countries the filters offer, without the listing's material counts: the search page needs only these,
    /// and counting every material for each search was a good part of its time.
    /// </summary>
    public async Task<ArchiveChoices> ChoicesAsync(CancellationToken ct)
    {
        // Kept a little while for the searches that follow; an organiser's change (which evicts the public pages) or a
        // workshop ending shows within that while.
        var key = ("archive-choices", Infrastructure.PublicPageCache.Generation, System.Globalization.CultureInfo.CurrentCulture.Name);
        if (memory.TryGetValue(key, out ArchiveChoices? kept)) return kept!;
        var choices = await ReadChoicesAsync(ct);
        memory.Set(key, choices, TimeSpan.FromSeconds(30));
        return choices;
    }

    private async Task<ArchiveChoices> ReadChoicesAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var workshops = await db.Workshops.Where(w => w.Status == WorkshopStatus.Published && w.EndsAt < now).Select(w => new { Year = (int?)w.Year, w.Country }).ToListAsync(ct);
        var events = await db.ArchivedEvents.Select(e => new { e.StartsOn, e.Country }).ToListAsync(ct);
        return Choices(workshops.Select(w => (w.Year, w.Country)).Concat(events.Select(e => (e.StartsOn == null ? null : (int?)e.StartsOn.Value.Year, e.Country))));
    }

    public static ArchiveChoices ChoicesOf(IReadOnlyList<ArchiveEntry> entries) => Choices(entries.Select(e => (e.Year, e.Country)));

    private static ArchiveChoices Choices(IEnumerable<(int? Year, string? Country)> entries)
    {
        var all = entries.ToList();
        return new ArchiveChoices(
            all.Where(e => e.Year is not null).Select(e => e.Year!.Value).Distinct().OrderDescending().ToList(),
            all.Where(e => e.Country is not null).Select(e => e.Country!).Distinct(StringComparer.OrdinalIgnoreCase)
                .OrderBy(Countries.Name, StringComparer.CurrentCulture).ToList());
    }

    public static IEnumerable<ArchiveEntry> Filter(IEnumerable<ArchiveEntry> entries, ArchiveFilters f) => entries
        .Where(e => f.Year is null || e.Year == f.Year)
        .Where(e => f.Type is null || e.Type == f.Type)
        .Where(e => string.IsNullOrEmpty(f.Country) || string.Equals(e.Country, Countries.Find(f.Country) ?? f.Country, StringComparison.OrdinalIgnoreCase));

    public static string? Place(string? city, string? country, string? venue)
    {
        var parts = new[] { venue, city, country is null ? null : Countries.Name(country) }.Where(p => !string.IsNullOrWhiteSpace(p)).ToList();
        return parts.Count == 0 ? null : string.Join(", ", parts);
    }

    /// <summary>"3–7 October 2016", "March 2017" (a whole month), or the words as written when no date could be read.</summary>
    public static string When(DateOnly? starts, DateOnly? ends, string? text)
    {
        if (starts is not { } s) return text ?? Tr.T("Date unknown");
        return Formats.Period(s, ends ?? s);
    }
}
