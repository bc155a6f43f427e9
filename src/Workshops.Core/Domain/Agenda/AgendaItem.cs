using Microsoft.AspNetCore.Identity;
using Workshops.Core.Domain.Common;
using Workshops.Core.Domain.Workshops;
using Workshops.Core.Localization;

namespace Workshops.Core.Domain.Agenda;

/// <summary>
/// One entry of a workshop's draft agenda: a session from a confirmed proposal, or a keynote, break, lunch, social
/// event or plenary an organiser adds. Until it has a room and a start it waits in the unscheduled list.
/// </summary>
public sealed class AgendaItem
{
    public const int Grid = 5;

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid WorkshopId { get; private set; }
    /// <summary>The confirmed session proposal this item presents, if it is one.</summary>
    public Guid? ProposalId { get; private set; }
    public string Title { get; private set; } = "";
    public AgendaItemType Type { get; private set; }
    public Guid? TrackId { get; private set; }
    public Guid? RoomId { get; private set; }
    public DateTimeOffset? StartsAt { get; private set; }
    public int DurationMinutes { get; private set; }
    public string? Description { get; private set; }
    [PersonalData] public string? Chair { get; private set; }
    public List<AgendaSpeaker> Speakers { get; private set; } = [];
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    private AgendaItem() { }

    public static AgendaItem Create(Workshop workshop, AgendaItemDetails details, Guid? proposalId, DateTimeOffset now)
    {
        var item = new AgendaItem { WorkshopId = workshop.Id, ProposalId = proposalId, CreatedAt = now };
        item.Edit(workshop, details, now);
        return item;
    }

    public void Edit(Workshop workshop, AgendaItemDetails details, DateTimeOffset now)
    {
        if (workshop.Id != WorkshopId) throw new ArgumentException("That is another workshop.", nameof(workshop));
        details.Validate(workshop);
        Title = details.Title.Trim();
        Type = details.Type;
        TrackId = details.TrackId;
        DurationMinutes = details.DurationMinutes;
        Description = string.IsNullOrWhiteSpace(details.Description) ? null : details.Description.Trim();
        Chair = string.IsNullOrWhiteSpace(details.Chair) ? null : details.Chair.Trim();
        Speakers = details.Speakers.Where(s => !string.IsNullOrWhiteSpace(s.Name))
            .Select((s, i) => new AgendaSpeaker(s.Name.Trim(), s.UserId, i)).ToList();
        UpdatedAt = now;
    }

    /// <summary>
    /// The one way an item moves on the timetable: into a room at a time for a length, or back to the unscheduled
    /// list (no room, no start). Conflicts with other items are warnings, found elsewhere; only what is never right is refused.
    /// </summary>
    public void Place(Room? room, DateTimeOffset? startsAt, int durationMinutes, DateTimeOffset now)
    {
        if ((room is null) != (startsAt is null)) throw new DomainException(Tr.T("Choose both a room and a start, or neither to unschedule."), nameof(RoomId));
        if (room is not null && room.WorkshopId != WorkshopId) throw new DomainException(Tr.T("That room belongs to another workshop."), nameof(RoomId));
        AgendaItemDetails.CheckDuration(durationMinutes);
        if (startsAt is { } start && start.ToUnixTimeSeconds() % (Grid * 60) != 0)
            throw new DomainException(Tr.T("Items start on a {0}-minute grid.", Grid), nameof(StartsAt));
        RoomId = room?.Id;
        StartsAt = startsAt?.ToUniversalTime();
        DurationMinutes = durationMinutes;
        UpdatedAt = now;
    }

    /// <summary>
    /// A speaker's or the chair's account is deleted: their place in the session stays, under <paramref name="label"/>,
    /// or under their own name (without the account) when the label is null because they agreed to stay listed.
    /// </summary>
    public void EraseSpeaker(string userId, IReadOnlyCollection<string> names, string? label)
    {
        if (label is not null && Named(Chair, names)) Chair = label;
        for (var i = 0; i < Speakers.Count; i++)
            if (IsThem(Speakers[i].Name, Speakers[i].UserId, userId, names)) Speakers[i] = new AgendaSpeaker(label ?? Speakers[i].Name, null, Speakers[i].Position);
    }

    /// <summary>A speaker is the person by their account; a speaker with no account, by one of their names written whole.</summary>
    internal static bool IsThem(string name, string? speakerId, string userId, IReadOnlyCollection<string> names) =>
        speakerId is not null ? speakerId == userId : Named(name, names);

    internal static bool Named(string? text, IReadOnlyCollection<string> names) => text is not null && names.Contains(text.Trim(), StringComparer.OrdinalIgnoreCase);

    public AgendaSlot ToSlot() => new(Id, Title, Type, TrackId, RoomId, StartsAt, DurationMinutes, Speakers.OrderBy(s => s.Position).Select(s => s.Name).ToList(), ProposalId);
}

/// <summary>Someone speaking in an item: a name as printed, and their account when they have one.</summary>
public sealed class AgendaSpeaker
{
    [PersonalData] public string Name { get; private set; } = "";
    [PersonalData] public string? UserId { get; private set; }
    public int Position { get; private set; }

    private AgendaSpeaker() { }

    internal AgendaSpeaker(string name, string? userId, int position) => (Name, UserId, Position) = (name, userId, position);
}

public sealed record AgendaSpeakerDetails(string Name, string? UserId = null)
{
    public const int MaxName = 200;
}

public sealed record AgendaItemDetails(string Title, AgendaItemType Type, Guid? TrackId, int DurationMinutes, string? Description, string? Chair,
    IReadOnlyList<AgendaSpeakerDetails> Speakers)
{
    public const int MaxSpeakers = 12;
    public const int MaxTitle = 300;
    public const int MaxDescription = 10_000;
    public const int MaxChair = 200;

    public void Validate(Workshop workshop)
    {
        if (string.IsNullOrWhiteSpace(Title)) throw new DomainException(Tr.T("Give the item a title."), nameof(Title));
        if (Title.Trim().Length > MaxTitle) throw new DomainException(Tr.T("A title can be at most {0} characters.", MaxTitle), nameof(Title));
        if (!Enum.IsDefined(Type)) throw new DomainException(Tr.T("Choose what kind of item this is."), nameof(Type));
        if (TrackId is { } track && workshop.Tracks.All(t => t.Id != track)) throw new DomainException(Tr.T("Choose one of the workshop's tracks."), nameof(TrackId));
        CheckDuration(DurationMinutes);
        if (Description?.Length > MaxDescription) throw new DomainException(Tr.T("The description can be at most {0:N0} characters.", MaxDescription), nameof(Description));
        if (Chair?.Trim().Length > MaxChair) throw new DomainException(Tr.T("The chair's name can be at most {0} characters.", MaxChair), nameof(Chair));
        var named = Speakers.Where(s => !string.IsNullOrWhiteSpace(s.Name)).ToList();
        if (named.Count > MaxSpeakers) throw new DomainException(Tr.T("An item can have at most {0} speakers.", MaxSpeakers), nameof(Speakers));
        if (named.Any(s => s.Name.Trim().Length > AgendaSpeakerDetails.MaxName))
            throw new DomainException(Tr.T("A speaker's name can be at most {0} characters.", AgendaSpeakerDetails.MaxName), nameof(Speakers));
    }

    internal static void CheckDuration(int minutes)
    {
        if (minutes is < AgendaItem.Grid or > 24 * 60 || minutes % AgendaItem.Grid != 0)
            throw new DomainException(Tr.T("An item lasts between {0} minutes and a day, in steps of {0} minutes.", AgendaItem.Grid), "DurationMinutes");
    }
}
