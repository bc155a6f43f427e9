using Workshops.Core.Time;
using Workshops.Core.Localization;
namespace Workshops.Core.Domain.Agenda;

public enum AgendaChangeKind
{
    Added,
    Removed,
    Moved,
    Retimed,
    Renamed,
}

/// <summary>
/// One line of a version's changelog: what changed, kept as facts (titles, rooms, local times) and worded when read,
/// in the reader's language ("moved from Room A to Room B"). Changes published before that keep their English words.
/// </summary>
public sealed record AgendaChange(AgendaChangeKind Kind, Guid ItemId, string Title)
{
    public string? WasTitle { get; init; }
    /// <summary>Room names; null for a room that no longer exists ("another room").</summary>
    public string? FromRoom { get; init; }
    public string? ToRoom { get; init; }
    /// <summary>Times in the workshop's zone, as published.</summary>
    public DateTimeOffset? WasStart { get; init; }
    public int WasMinutes { get; init; }
    public DateTimeOffset? Start { get; init; }
    public int Minutes { get; init; }

    /// <summary>The words a change published before changelogs were worded on reading was stored with.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public string? Text { get; init; }

    /// <summary>The line in the reader's language: "Moved: “Lunch” from Room A to Room B.".</summary>
    public string Describe()
    {
        if (Text is not null) return Text;
        static string Room(string? name) => name ?? Tr.T("another room");
        static string When(DateTimeOffset? start, int minutes) =>
            start is { } s ? $"{Formats.BriefDateAndTime(s)}–{Formats.Time(s.AddMinutes(minutes))}" : "";
        return Kind switch
        {
            AgendaChangeKind.Added => Tr.T("Added: “{0}”, {1} in {2}.", Title, When(Start, Minutes), Room(ToRoom)),
            AgendaChangeKind.Renamed => Tr.T("Renamed: “{0}” is now “{1}”.", WasTitle, Title),
            AgendaChangeKind.Moved => Tr.T("Moved: “{0}” from {1} to {2}.", Title, Room(FromRoom), Room(ToRoom)),
            AgendaChangeKind.Retimed => Tr.T("New time: “{0}” from {1} to {2}.", Title, When(WasStart, WasMinutes), When(Start, Minutes)),
            _ => Tr.T("Removed: “{0}” ({1}).", Title, When(WasStart, WasMinutes)),
        };
    }
}

/// <summary>What changed between two published versions: items added or removed, moved to another room, given another time or length, renamed.</summary>
public static class AgendaChangelog
{
    public static IReadOnlyList<AgendaChange> Compare(IReadOnlyList<AgendaSlot> before, IReadOnlyList<AgendaSlot> after,
        IReadOnlyDictionary<Guid, string> roomNames, TimeZoneInfo zone)
    {
        // Only what the public saw and will see: items not yet placed were never on the published agenda.
        var old = before.Where(i => i.IsScheduled).ToDictionary(i => i.Id);
        var now = after.Where(i => i.IsScheduled).ToDictionary(i => i.Id);
        string? Room(Guid? id) => id is { } r && roomNames.TryGetValue(r, out var name) ? name : null;
        DateTimeOffset Local(AgendaSlot i) => TimeZoneInfo.ConvertTime(i.StartsAt!.Value, zone);

        var changes = new List<AgendaChange>();
        foreach (var i in after.Where(i => now.ContainsKey(i.Id)).OrderBy(i => i.StartsAt))
        {
            if (!old.TryGetValue(i.Id, out var was))
            {
                changes.Add(new(AgendaChangeKind.Added, i.Id, i.Title) { Start = Local(i), Minutes = i.DurationMinutes, ToRoom = Room(i.RoomId) });
                continue;
            }
            if (was.Title != i.Title)
                changes.Add(new(AgendaChangeKind.Renamed, i.Id, i.Title) { WasTitle = was.Title });
            if (was.RoomId != i.RoomId)
                changes.Add(new(AgendaChangeKind.Moved, i.Id, i.Title) { FromRoom = Room(was.RoomId), ToRoom = Room(i.RoomId) });
            if (was.StartsAt != i.StartsAt || was.DurationMinutes != i.DurationMinutes)
                changes.Add(new(AgendaChangeKind.Retimed, i.Id, i.Title)
                    { WasStart = Local(was), WasMinutes = was.DurationMinutes, Start = Local(i), Minutes = i.DurationMinutes });
        }
        foreach (var was in before.Where(i => old.ContainsKey(i.Id) && !now.ContainsKey(i.Id)).OrderBy(i => i.StartsAt))
            changes.Add(new(AgendaChangeKind.Removed, was.Id, was.Title) { WasStart = Local(was), WasMinutes = was.DurationMinutes });
        return changes;
    }
}
