using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Workshops.Web.Infrastructure;

/// <summary>The one-time message a page shows after a redirect ("Saved.", "Signed out.").</summary>
public static class Flash
{
    public const string Key = "Flash";

    /// <summary>ASP.NET Core's cookie for TempData, which carries the message across the redirect.</summary>
    public const string CookieName = ".AspNetCore.Mvc.CookieTempDataProvider";

    /// <summary>
    /// Touches TempData only when a message can be waiting: reading it otherwise makes every response delete an
    /// absent cookie, and a response that sets a cookie is never served from the page cache.
    /// </summary>
    public static string? Take(HttpContext http, ITempDataDictionary tempData) =>
        http.Request.Cookies.ContainsKey(CookieName) ? tempData[Key] as string : null;
}
