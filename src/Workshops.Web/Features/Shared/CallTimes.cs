using Workshops.Core.Domain.Proposals;
using Workshops.Core.Time;

namespace Workshops.Web.Features.Shared;

/// <summary>A call's window as people read it: in the call's own time zone, with the offset.</summary>
public static class CallTimes
{
    public static string Local(Call call, DateTimeOffset instant)
    {
        var local = WorkshopTime.ToLocal(instant, WorkshopTime.Zone(call.TimeZoneId));
        return $"{Formats.DateAndTime(local)} ({Formats.Zone(call.TimeZoneId)}, {Formats.Offset(local)})";
    }

    public static string Window(Call call) => $"{Local(call, call.OpensAt)} to {Local(call, call.ClosesAt)}";
}
