namespace Workshops.Web.Features.Shared;

/// <summary>
/// How values are written for people to read, gathered in one place so that the languages issue changes them once.
/// Machine formats (inputs, datetime attributes, feeds) do not come from here.
/// </summary>
public static class Formats
{
    /// <summary>A time zone as people read it: "America/Sao_Paulo" becomes "America/Sao Paulo".</summary>
    public static string Zone(string zoneId) => zoneId.Replace('_', ' ');
}
