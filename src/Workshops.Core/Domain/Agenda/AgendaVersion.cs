using Microsoft.AspNetCore.Identity;
using Workshops.Core.Privacy;
using System.Text.Json;
using System.Text.Json.Serialization;
using Workshops.Core.Domain.Common;
using Workshops.Core.Domain.Workshops;
using Workshops.Core.Localization;

namespace Workshops.Core.Domain.Agenda;

/// <summary>
/// A published agenda: version n of a workshop's timetable, frozen when an organiser pressed publish, with the
/// changes since version n-1 and the organiser's note about them. The public only ever reads the latest one.
/// </summary>
public sealed class AgendaVersion
{
    public const int MaxNote = 4000;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid WorkshopId { get; private set; }
    public int Number { get; private set; }
    public DateTimeOffset PublishedAt { get; private set; }
    [ActedBy] public string? PublishedById { get; private set; }
    /// <summary>What the organiser says about this version (Markdown), shown above its changes.</summary>
    [Privacy.NotPersonal("organisers' note on what changed in a version")] public string? Note { get; private set; }
    [PersonalData] public string Snapshot { get; private set; } = "";
    public string Changes { get; private set; } = "[]";

    private AgendaVersion() { }

    public string Name => $"v{Number}";

    /// <summary>Freezes the draft as the next version, with what changed since the one before.</summary>
    public static AgendaVersion Publish(Workshop workshop, AgendaVersion? previous, AgendaSnapshot draft, string? note, string? byUserId, DateTimeOffset now)
    {
        if (previous is not null && previous.WorkshopId != workshop.Id) throw new ArgumentException("That version is another workshop's.", nameof(previous));
        CheckNote(note);
        var before = previous?.ReadSnapshot() ?? AgendaSnapshot.Empty;
        return new AgendaVersion
        {
            WorkshopId = workshop.Id,
            Number = (previous?.Number ?? 0) + 1,
            PublishedAt = now,
            PublishedById = byUserId,
            Note = Clean(note),
            Snapshot = draft.ToJson(),
            Changes = JsonSerializer.Serialize(Compare(before, draft, workshop.Zone), Json),
        };
    }

    /// <summary>The changes publishing the draft now would announce, for the organiser to read before publishing.</summary>
    public static IReadOnlyList<AgendaChange> Compare(AgendaSnapshot before, AgendaSnapshot after, TimeZoneInfo zone)
    {
        var roomNames = before.Rooms.Concat(after.Rooms).GroupBy(r => r.Id).ToDictionary(g => g.Key, g => g.Last().Name);
        return AgendaChangelog.Compare(before.Slots(), after.Slots(), roomNames, zone);
    }

    /// <summary>Organisers may explain a version after it is out too: the note is the only thing that changes.</summary>
    public void Annotate(string? note)
    {
        CheckNote(note);
        Note = Clean(note);
    }

    /// <summary>
    /// A speaker's account is deleted: what was published names them no more, unless they agreed to stay listed.
    /// The version's number, times and changes stay, so the programme's history reads as before.
    /// </summary>
    public void EraseSpeaker(string userId, IReadOnlyCollection<string> names, IReadOnlySet<Guid> theirItems, string? label)
    {
        var snapshot = ReadSnapshot();
        // By account anywhere; by name only in sessions linked to them, so a namesake elsewhere keeps their name.
        bool IsThem(SnapshotItem i, SnapshotSpeaker s) => s.UserId == userId || s.UserId is null && theirItems.Contains(i.Id) && AgendaItem.Named(s.Name, names);
        var items = snapshot.Items.Select(i => i with
        {
            Chair = label is not null && theirItems.Contains(i.Id) && AgendaItem.Named(i.Chair, names) ? label : i.Chair,
            Speakers = i.Speakers.Select(s => IsThem(i, s) ? new SnapshotSpeaker(label ?? s.Name, null) : s).ToList(),
        }).ToList();
        Snapshot = (snapshot with { Items = items }).ToJson();
    }

    public AgendaSnapshot ReadSnapshot() => AgendaSnapshot.FromJson(Snapshot);

    public IReadOnlyList<AgendaChange> ReadChanges() => ReadChanges(Changes);

    public static IReadOnlyList<AgendaChange> ReadChanges(string json) => JsonSerializer.Deserialize<List<AgendaChange>>(json, Json) ?? [];

    private static void CheckNote(string? note)
    {
        if (note?.Trim().Length > MaxNote) throw new DomainException(Tr.T("The note can be at most {0:N0} characters.", MaxNote), nameof(Note));
    }

    private static string? Clean(string? note) => string.IsNullOrWhiteSpace(note) ? null : note.Trim();
}

/// <summary>A session a signed-in person marked to build "my agenda"; kept by item, so it survives re-publishing.</summary>
public sealed class AgendaStar
{
    [PersonalData] public string UserId { get; private set; } = "";
    public Guid ItemId { get; private set; }
    public Guid WorkshopId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    private AgendaStar() { }

    public static AgendaStar For(string userId, Guid workshopId, Guid itemId, DateTimeOffset now) =>
        new() { UserId = userId, WorkshopId = workshopId, ItemId = itemId, CreatedAt = now };
}
