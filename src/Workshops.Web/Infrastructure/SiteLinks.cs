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

/// <summary>Absolute links for services that build emails during a request.</summary>
public sealed class PageLinks(IHttpContextAccessor http)
{
    public string Absolute(string path) =>
        (http.HttpContext ?? throw new InvalidOperationException("Links are made while serving a request.")).Request.AbsoluteUrl(path);
}
