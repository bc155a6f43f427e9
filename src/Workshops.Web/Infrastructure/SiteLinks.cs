using Workshops.Core;

namespace Workshops.Web.Infrastructure;

public static class SiteLinks
{
    /// <summary>A link for an email, a PDF or a feed: the site's own address (<see cref="SiteAddress"/>), never a Host header a stranger chose.</summary>
    public static string AbsoluteUrl(this HttpRequest request, string path) =>
        request.HttpContext.RequestServices.GetRequiredService<SiteAddress>().Absolute(path);
}
