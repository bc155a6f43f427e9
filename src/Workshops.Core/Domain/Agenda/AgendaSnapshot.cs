using System.Text.Json;
using System.Text.Json.Serialization;

namespace Workshops.Core.Domain.Agenda;

/// <summary>
/// A published agenda frozen as it was: its rooms, tracks and scheduled items with everything the public pages,
/// feeds and attendee packs print. Later edits to the draft, or to a room's name, never change what was published.
/// </summary>
public sealed record AgendaSnapshot(IReadOnlyList<SnapshotRoom> Rooms, IReadOnlyList<SnapshotTrack> Tracks, IReadOnlyList<SnapshotItem> Items)
{
    public static readonly AgendaSnapshot Empty = new([], [], []);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>A short fingerprint of everything the snapshot holds: two drafts with the same stamp publish the same version.</summary>
    public string Stamp() => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(ToJson())))[..16];

    public static AgendaSnapshot FromJson(string json) => JsonSerializer.Deserialize<AgendaSnapshot>(json, Json) ?? Empty;

    public IReadOnlyList<AgendaSlot> Slots() =>
        Items.Select(i => new AgendaSlot(i.Id, i.Title, i.Type, i.TrackId, i.RoomId, i.StartsAt, i.DurationMinutes, i.Speakers.Select(s => s.Name).ToList(), i.ProposalId)).ToList();

    public SnapshotRoom? Room(Guid id) => Rooms.FirstOrDefault(r => r.Id == id);

    public SnapshotTrack? Track(Guid? id) => id is null ? null : Tracks.FirstOrDefault(t => t.Id == id);

    public SnapshotItem? Item(Guid id) => Items.FirstOrDefault(i => i.Id == id);

    /// <summary>The scheduled items of a draft, with the rooms and tracks they name, ready to publish.</summary>
    public static AgendaSnapshot Of(IEnumerable<Room> rooms, IEnumerable<Workshops.Track> tracks, IEnumerable<AgendaItem> items) => new(
        rooms.OrderBy(r => r.Position).ThenBy(r => r.Name, StringComparer.Ordinal).Select(r => new SnapshotRoom(r.Id, r.Name, r.Capacity, r.TrackId)).ToList(),
        tracks.OrderBy(t => t.Position).Select(t => new SnapshotTrack(t.Id, t.Name)).ToList(),
        items.Where(i => i.RoomId is not null && i.StartsAt is not null)
            .OrderBy(i => i.StartsAt).ThenBy(i => i.Title, StringComparer.Ordinal)
            .Select(i => new SnapshotItem(i.Id, i.Title, i.Type, i.TrackId, i.RoomId!.Value, i.StartsAt!.Value, i.DurationMinutes,
                i.Description, i.Chair, i.Speakers.OrderBy(s => s.Position).Select(s => new SnapshotSpeaker(s.Name, s.UserId)).ToList(), i.ProposalId))
            .ToList());
}

public sealed record SnapshotRoom(Guid Id, string Name, int? Capacity, Guid? TrackId);

public sealed record SnapshotTrack(Guid Id, string Name);

public sealed record SnapshotSpeaker(string Name, string? UserId);

public sealed record SnapshotItem(Guid Id, string Title, AgendaItemType Type, Guid? TrackId, Guid RoomId, DateTimeOffset StartsAt, int DurationMinutes,
    string? Description, string? Chair, IReadOnlyList<SnapshotSpeaker> Speakers, Guid? ProposalId)
{
    public DateTimeOffset EndsAt => StartsAt.AddMinutes(DurationMinutes);
}
