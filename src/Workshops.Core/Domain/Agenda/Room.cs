using Workshops.Core.Privacy;
using Workshops.Core.Domain.Common;
using Workshops.Core.Domain.Workshops;
using Workshops.Core.Localization;

namespace Workshops.Core.Domain.Agenda;

/// <summary>A room of a workshop's venue: a column of the timetable, with the places it has and the track it usually holds.</summary>
public sealed class Room
{
    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid WorkshopId { get; private set; }
    [NotPersonal("a room's name")] public string Name { get; private set; } = "";
    public int? Capacity { get; private set; }
    public Guid? TrackId { get; private set; }
    public int Position { get; private set; }

    private Room() { }

    public static Room Create(Workshop workshop, RoomDetails details, int position)
    {
        var room = new Room { WorkshopId = workshop.Id, Position = position };
        room.Edit(workshop, details);
        return room;
    }

    public void Edit(Workshop workshop, RoomDetails details)
    {
        if (workshop.Id != WorkshopId) throw new ArgumentException("That is another workshop.", nameof(workshop));
        details.Validate(workshop);
        Name = details.Name.Trim();
        Capacity = details.Capacity;
        TrackId = details.TrackId;
    }
}

public sealed record RoomDetails(string Name, int? Capacity, Guid? TrackId)
{
    public const int MaxName = 100;

    public void Validate(Workshop workshop)
    {
        if (string.IsNullOrWhiteSpace(Name)) throw new DomainException(Tr.T("Give the room a name."), nameof(Name));
        if (Name.Trim().Length > MaxName) throw new DomainException(Tr.T("A room's name can be at most {0} characters.", MaxName), nameof(Name));
        if (Capacity is < 1 or > 100_000) throw new DomainException(Tr.T("A room holds between 1 and 100,000 people."), nameof(Capacity));
        if (TrackId is { } track && workshop.Tracks.All(t => t.Id != track)) throw new DomainException(Tr.T("Choose one of the workshop's tracks."), nameof(TrackId));
    }
}
