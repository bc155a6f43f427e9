using Workshops.Core.Domain.Announcements;
namespace Workshops.Web.Features.Organise.Announcements;

/// <summary>An announcement's history as its pages show it: in its workshop's zone, or UTC for the whole community.</summary>
public static class AnnouncementHistory
{
    public static HistoryTable Table(IReadOnlyList<HistoryEntry> entries, TimeZoneInfo zone) =>
        new("Every status change of this announcement", $"When ({Formats.Zone(zone)})", entries,
            at => Formats.ShortDateAndTime(WorkshopTime.ToLocal(at, zone)), _ => "written as a draft",
            HistoryTable.Labels<AnnouncementStatus>(s => s.Label().ToLowerInvariant()));
}
