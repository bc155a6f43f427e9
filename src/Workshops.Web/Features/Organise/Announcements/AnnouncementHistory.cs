using Workshops.Core.Domain.Announcements;
namespace Workshops.Web.Features.Organise.Announcements;

/// <summary>An announcement's history as its pages show it: in its workshop's zone, or UTC for the whole community.</summary>
public static class AnnouncementHistory
{
    public static HistoryTable Table(IReadOnlyList<HistoryEntry> entries, TimeZoneInfo zone) =>
        new(Tr.T("Every status change of this announcement"), Tr.T("When ({0})", Formats.Zone(zone)), entries,
            at => Formats.ShortDateAndTime(WorkshopTime.ToLocal(at, zone)), _ => Tr.T("written as a draft"),
            HistoryTable.Labels<AnnouncementStatus>(s => s.Label().ToLowerInvariant()));
}
