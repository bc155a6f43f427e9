using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Workshops.Core.Domain.Agenda;
using Workshops.Core.Domain.Workshops;

namespace Workshops.Web.Features.AgendaPages;

/// <summary>The latest published version of a workshop's agenda, as every public page, feed and pack reads it.</summary>
public sealed class PublishedAgenda(Workshop workshop, AgendaVersionInfo version, AgendaSnapshot snapshot)
{
    public Workshop Workshop { get; } = workshop;
    public AgendaVersionInfo Version { get; } = version;
    public AgendaSnapshot Snapshot { get; } = snapshot;
    public TimeZoneInfo Zone { get; } = workshop.Zone;

    /// <summary>The days that have items, in the workshop's zone, each with its items by start and then by room order.</summary>
    public IReadOnlyList<AgendaDay> Days { get; } = DaysOf(workshop.Zone, snapshot);

    /// <summary>
    /// Each item's words as the agenda page prints them, worked out once per version and language: the page then
    /// only writes them, which keeps a 300-item agenda cheap to build for the first visitor after a publish.
    /// </summary>
    public IReadOnlyDictionary<Guid, ItemView> Views =>
        _views.GetOrAdd((CultureInfo.CurrentCulture.Name, CultureInfo.CurrentUICulture.Name), _ => Snapshot.Items.ToDictionary(i => i.Id, View));

    private readonly ConcurrentDictionary<(string Culture, string UiCulture), IReadOnlyDictionary<Guid, ItemView>> _views = new();

    public DateTimeOffset Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    // As the site's pages encode: names like São Paulo stay readable.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private ItemView View(SnapshotItem i)
    {
        var local = Local(i.StartsAt);
        var time = Formats.TimeRange(local, i.DurationMinutes);
        var kind = i.Type == AgendaItemType.Session ? null : i.Type.Label();
        var track = TrackName(i.TrackId);
        var speakers = i.Speakers.Count == 0 ? null : string.Join(", ", i.Speakers.Select(s => s.Name));
        // The item's opening markup, written once per version: a published version never changes, and the agenda
        // page is then a few hundred ready strings, with only the star buttons (for signed-in people) built per request.
        var html = new StringBuilder(400);
        html.Append($"<li id=\"item-{i.Id}\" class=\"agenda-item type-{i.Type}\"><h4 class=\"agenda-item-title\"><a href=\"/workshops/{Encoder.Encode(Workshop.Slug)}/agenda/{i.Id}\">")
            .Append(Encoder.Encode(i.Title)).Append("</a></h4><p class=\"agenda-item-meta\">").Append(time).Append(" · ").Append(Encoder.Encode(RoomName(i.RoomId)));
        if (kind is not null) html.Append(" · ").Append(kind);
        if (track is not null) html.Append(" · <span class=\"track-chip\">").Append(Encoder.Encode(track)).Append("</span>");
        html.Append("</p>");
        if (speakers is not null) html.Append("<p class=\"agenda-item-speakers\">").Append(Encoder.Encode(speakers)).Append("</p>");
        return new ItemView(Formats.Time(local), i.Type.HasSpeakers(), html.ToString());
    }

    public string RoomName(Guid id) => Snapshot.Room(id)?.Name ?? "";

    public string? TrackName(Guid? id) => Snapshot.Track(id)?.Name;

    private static List<AgendaDay> DaysOf(TimeZoneInfo zone, AgendaSnapshot snapshot)
    {
        var roomOrder = snapshot.Rooms.Select((r, i) => (r.Id, i)).ToDictionary(x => x.Id, x => x.i);
        return snapshot.Items
            .GroupBy(i => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(i.StartsAt, zone).DateTime))
            .OrderBy(g => g.Key)
            .Select(g => new AgendaDay(g.Key, g
                .GroupBy(i => i.StartsAt)
                .OrderBy(s => s.Key)
                .Select(s => new AgendaTimeSlot(s.Key, s.OrderBy(i => roomOrder.GetValueOrDefault(i.RoomId, int.MaxValue)).ThenBy(i => i.Title, StringComparer.Ordinal).ToList()))
                .ToList()))
            .ToList();
    }
}

/// <summary>What a public page needs of a version besides its items; the note may change after publishing, so it is read fresh.</summary>
public sealed record AgendaVersionInfo(Guid Id, int Number, DateTimeOffset PublishedAt, string? Note)
{
    public string Name => $"v{Number}";
}

/// <summary>An item as the agenda page writes it: its start ("10:00"), whether it can be starred, and its markup up to the star button.</summary>
public sealed record ItemView(string Starts, bool CanStar, string OpeningHtml);

public sealed record AgendaDay(DateOnly Date, IReadOnlyList<AgendaTimeSlot> Slots)
{
    public string Key { get; } = Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    // Written when asked: the agenda is kept for every reader, and each reads the day in their own language.
    public string Label => Formats.LongDate(Date);

    public IEnumerable<SnapshotItem> Items => Slots.SelectMany(s => s.Items);
}

/// <summary>Items starting at the same time, in parallel rooms.</summary>
public sealed record AgendaTimeSlot(DateTimeOffset StartsAt, IReadOnlyList<SnapshotItem> Items)
{
    public string Utc { get; } = StartsAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
