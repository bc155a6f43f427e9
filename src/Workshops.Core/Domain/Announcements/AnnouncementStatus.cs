using Workshops.Core.Localization;

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

/// <summary>Which status may follow which; <see cref="Announcement"/> changes status only through this table.</summary>
public static class AnnouncementStatuses
{
    private static readonly Dictionary<AnnouncementStatus, AnnouncementStatus[]> Allowed = new()
    {
        [AnnouncementStatus.Draft] = [AnnouncementStatus.Scheduled],
        // Cancelled back to a draft; started by the sweep; sent at once when nobody is left to write to.
        [AnnouncementStatus.Scheduled] = [AnnouncementStatus.Draft, AnnouncementStatus.Sending, AnnouncementStatus.Sent],
        [AnnouncementStatus.Sending] = [AnnouncementStatus.Paused, AnnouncementStatus.Sent],
        [AnnouncementStatus.Paused] = [AnnouncementStatus.Sending],
        // Its failed emails are sent again.
        [AnnouncementStatus.Sent] = [AnnouncementStatus.Sending],
    };

    public static bool CanMove(AnnouncementStatus from, AnnouncementStatus to) => Allowed[from].Contains(to);


    // An announcement's own words: in French it is feminine (une annonce), unlike the emails it sends.
    public static string Label(this AnnouncementStatus status) => status switch
    {
        AnnouncementStatus.Draft => Tr.T("announcement|Draft"),
        AnnouncementStatus.Scheduled => Tr.T("announcement|Scheduled"),
        AnnouncementStatus.Sending => Tr.T("announcement|Sending"),
        AnnouncementStatus.Paused => Tr.T("announcement|Paused"),
        AnnouncementStatus.Sent => Tr.T("announcement|Sent"),
        _ => status.ToString(),
    };
}
