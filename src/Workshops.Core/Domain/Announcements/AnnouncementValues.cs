using Workshops.Core.Email.Editable;

namespace Workshops.Core.Domain.Announcements;

/// <summary>What an announcement can say about its reader, whoever it is for.</summary>
public record AnnouncementValues : EmailValues
{
    public required string FirstName { get; init; }
    public required string FullName { get; init; }
    public required string Email { get; init; }
    public required string UnsubscribeLink { get; init; }
}

/// <summary>An announcement about a workshop also names the workshop and the reader's place in it.</summary>
public sealed record WorkshopAnnouncementValues : AnnouncementValues
{
    public required string WorkshopTitle { get; init; }
    public required string WorkshopUrl { get; init; }
    public required string WorkshopDates { get; init; }
    public required string WorkshopPlace { get; init; }
    public required string RegistrationStatus { get; init; }
    public required string Track { get; init; }
}

/// <summary>A reminder's own values, beside the announcement's: how many days before, and what it reminds of.</summary>
public sealed record CallClosingValues : EmailValues
{
    public required string CallTitle { get; init; }
    public required string CallCloses { get; init; }
    public required string CallUrl { get; init; }
    public required string Days { get; init; }
}

public sealed record RegistrationClosingValues : EmailValues
{
    public required string RegistrationCloses { get; init; }
    public required string RegisterUrl { get; init; }
    public required string Days { get; init; }
}

public sealed record WorkshopStartingValues : EmailValues
{
    public required string AgendaUrl { get; init; }
    public required string Days { get; init; }
}

public sealed record MaterialsOnlineValues : EmailValues
{
    public required string MaterialsUrl { get; init; }
    public required string Days { get; init; }
}
