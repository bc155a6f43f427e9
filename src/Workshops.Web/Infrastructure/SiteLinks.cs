using Microsoft.Extensions.Options;
using Workshops.Core;

namespace Workshops.Web.Infrastructure;

public static class SiteLinks
{
    /// <summary>A link for an email or a PDF: Site:BaseUrl when it is set, never a Host header a stranger chose.</summary>
    public static string AbsoluteUrl(this HttpRequest request, string path)
    {
        var site = request.HttpContext.RequestServices.GetRequiredService<IOptions<SiteOptions>>().Value;
        return site.Origin(request.Scheme, request.Host.ToString()) + path;
    }
}
