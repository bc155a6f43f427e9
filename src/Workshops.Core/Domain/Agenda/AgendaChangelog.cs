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

/// <summary>One line of a version's changelog, in words a participant reads ("moved from Room A to Room B").</summary>
public sealed record AgendaChange(AgendaChangeKind Kind, Guid ItemId, string Title, string Text);

/// <summary>What changed between two published versions: items added or removed, moved to another room, given another time or length, renamed.</summary>
public static class AgendaChangelog
{
    public static IReadOnlyList<AgendaChange> Compare(IReadOnlyList<AgendaSlot> before, IReadOnlyList<AgendaSlot> after,
        IReadOnlyDictionary<Guid, string> roomNames, TimeZoneInfo zone)
    {
        // Only what the public saw and will see: items not yet placed were never on the published agenda.
        var old = before.Where(i => i.IsScheduled).ToDictionary(i => i.Id);
        var now = after.Where(i => i.IsScheduled).ToDictionary(i => i.Id);
        string Room(Guid? id) => id is { } r && roomNames.TryGetValue(r, out var name) ? name : Tr.T("another room");
        string When(AgendaSlot i)
        {
            var local = TimeZoneInfo.ConvertTime(i.StartsAt!.Value, zone);
            return $"{Formats.BriefDateAndTime(local)}–{Formats.Time(local.AddMinutes(i.DurationMinutes))}";
        }

        var changes = new List<AgendaChange>();
        foreach (var i in after.Where(i => now.ContainsKey(i.Id)).OrderBy(i => i.StartsAt))
        {
            if (!old.TryGetValue(i.Id, out var was))
            {
                changes.Add(new(AgendaChangeKind.Added, i.Id, i.Title, Tr.T("Added: “{0}”, {1} in {2}.", i.Title, When(i), Room(i.RoomId))));
                continue;
            }
            if (was.Title != i.Title)
                changes.Add(new(AgendaChangeKind.Renamed, i.Id, i.Title, Tr.T("Renamed: “{0}” is now “{1}”.", was.Title, i.Title)));
            if (was.RoomId != i.RoomId)
                changes.Add(new(AgendaChangeKind.Moved, i.Id, i.Title, Tr.T("Moved: “{0}” from {1} to {2}.", i.Title, Room(was.RoomId), Room(i.RoomId))));
            if (was.StartsAt != i.StartsAt || was.DurationMinutes != i.DurationMinutes)
                changes.Add(new(AgendaChangeKind.Retimed, i.Id, i.Title, Tr.T("New time: “{0}” from {1} to {2}.", i.Title, When(was), When(i))));
        }
        foreach (var was in before.Where(i => old.ContainsKey(i.Id) && !now.ContainsKey(i.Id)).OrderBy(i => i.StartsAt))
            changes.Add(new(AgendaChangeKind.Removed, was.Id, was.Title, Tr.T("Removed: “{0}” ({1}).", was.Title, When(was))));
        return changes;
    }
}
