using Workshops.Core.Domain.Workshops;

namespace Workshops.Web.Features.Shared;

/// <summary>Maps a field named by a domain rule to the form key its message belongs beside.</summary>
public static class FormFields
{
    public static string Key(string? field) => field switch
    {
        null or "" => "",
        nameof(WorkshopDetails.TimeZoneId) => "Input.TimeZoneId",
        _ => "Input." + field,
    };
}
