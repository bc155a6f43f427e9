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

    public static string Window(Call call) => Tr.T("{0} to {1}", Local(call, call.OpensAt), Local(call, call.ClosesAt));

    /// <summary>
    /// The same on a page: the time in the call's zone, marked so local-time.js adds the reader's own clock in
    /// brackets when they are elsewhere (a Brazilian reading a Madrid call sees both).
    /// </summary>
    public static Microsoft.AspNetCore.Html.IHtmlContent Html(Call call, DateTimeOffset instant)
    {
        var local = WorkshopTime.ToLocal(instant, WorkshopTime.Zone(call.TimeZoneId));
        var encode = System.Text.Encodings.Web.HtmlEncoder.Default;
        return new Microsoft.AspNetCore.Html.HtmlString(
            $"<span data-workshop-zone=\"{encode.Encode(call.TimeZoneId)}\"><time datetime=\"{instant.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}\" data-local-time>"
            + $"{encode.Encode(Formats.DateAndTime(local))}</time> ({encode.Encode(Formats.Zone(call.TimeZoneId))}, {encode.Encode(Formats.Offset(local))})</span>");
    }
}
