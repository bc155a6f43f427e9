using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Workshops.Web.Infrastructure;

/// <summary>
/// The site's own scripts and styles with a version in the address, so browsers keep them until they change.
/// The same as asp-append-version, without running a tag helper on every page for every file.
/// </summary>
public sealed class AssetUrls(IFileVersionProvider versions, IHttpContextAccessor http)
{
    public string Url(string path) => versions.AddFileVersionToPath(http.HttpContext?.Request.PathBase ?? default, path);
}
