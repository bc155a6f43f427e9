namespace Workshops.Core.Domain.Announcements;

public enum AnnouncementStatus
{
    Draft,
    /// <summary>Waits for its time; a minute sweep starts it then.</summary>
    Scheduled,
    /// <summary>Its emails are in the outbox and going out.</summary>
    Sending,
    /// <summary>Its emails not yet sent are held until the organiser resumes.</summary>
    Paused,
    /// <summary>None of its emails is waiting any more: each was sent, or failed for good.</summary>
    Sent,
}

public static class AnnouncementStatusLabels
{
    public static string Label(this AnnouncementStatus status) => status switch
    {
        AnnouncementStatus.Draft => "Draft",
        AnnouncementStatus.Scheduled => "Scheduled",
        AnnouncementStatus.Sending => "Sending",
        AnnouncementStatus.Paused => "Paused",
        AnnouncementStatus.Sent => "Sent",
        _ => status.ToString(),
    };
}
