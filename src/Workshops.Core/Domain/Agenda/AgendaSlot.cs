namespace Workshops.Core.Domain.Agenda;

/// <summary>
/// One item as the agenda's rules see it: where and when it is, who speaks, what it comes from. Conflict checks and
/// the changelog between versions both work on these, so drafts and published versions are compared alike.
/// </summary>
public sealed record AgendaSlot(
    Guid Id,
    string Title,
    AgendaItemType Type,
    Guid? TrackId,
    Guid? RoomId,
    DateTimeOffset? StartsAt,
    int DurationMinutes,
    IReadOnlyList<string> Speakers,
    Guid? ProposalId = null)
{
    public DateTimeOffset? EndsAt => StartsAt?.AddMinutes(DurationMinutes);
    public bool IsScheduled => RoomId is not null && StartsAt is not null;
}

/// <summary>A room as the conflict checks need it.</summary>
public sealed record AgendaRoom(Guid Id, string Name, int? Capacity, Guid? TrackId);
