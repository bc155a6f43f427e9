using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Workshops.Web.Features;

[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel(Microsoft.Extensions.Options.IOptions<Workshops.Core.Storage.StorageOptions> storage,
    Microsoft.Extensions.Options.IOptions<Workshops.Core.SiteOptions> site, Core.Domain.Community.OldAddresses oldAddresses) : PageModel
{
    public string Heading { get; private set; } = Tr.T("Something went wrong");
    public string Message { get; private set; } = Tr.T("The page could not be shown. Try again in a moment.");

    /// <summary>For a page not found: words from the address that was asked for, to search the site with.</summary>
    public string? SearchWords { get; private set; }

    /// <summary>
    /// A page not found may be an address of the previous website: then it answers with a permanent redirect to its new
    /// home. Asked only here, when nothing of this site answers the address, so an old address never hides a live page.
    /// </summary>
    public async Task<IActionResult> OnGetAsync([FromQuery] int? code)
    {
        if (code == 404 && HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>()?.OriginalPath is { } path
            && await oldAddresses.TargetAsync(path) is { } target && !string.Equals(target, path, StringComparison.Ordinal))
        {
            Response.StatusCode = StatusCodes.Status301MovedPermanently;
            Response.Headers.Location = target;
            return new EmptyResult();
        }
        Describe(code);
        return Page();
    }

    // From the query only: a re-executed form may carry a field of its own named "code".
    public void OnPost([FromQuery] int? code) => Describe(code);

    /// <summary>"/events/tdwg-2017/" → "tdwg 2017": the last part of the address, as words.</summary>
    private static string? Words(string path)
    {
        var last = Uri.UnescapeDataString(path).TrimEnd('/').Split('/').LastOrDefault() ?? "";
        last = System.IO.Path.GetFileNameWithoutExtension(last);
        var words = System.Text.RegularExpressions.Regex.Replace(last, @"[-_.+]+", " ").Trim();
        return words.Length is > 0 and <= 100 ? words : null;
    }


    private void Describe(int? code)
    {
        if (code is null) return;
        Response.StatusCode = code.Value;
        if (code == 404 && HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>()?.OriginalPath is { } path)
            SearchWords = Words(path);
        (Heading, Message) = code switch
        {
            404 => (Tr.T("Page not found"), Tr.T("There is no page at this address. It may have moved, or the workshop is not public yet.")),
            400 => (Tr.T("Bad request"), Tr.T("The request could not be understood. Reload the page and try again.")),
            403 => (Tr.T("Not allowed"), Tr.T("Your account may not open this page.")),
            413 => (Tr.T("Too large"), Tr.T("Nothing was saved: what was sent is larger than the site accepts. Files can be up to {0} MB on the pages that take them, other forms up to {1:0.#} MB. Go back and send less.",
                storage.Value.MaxUploadMegabytes, site.Value.MaxRequestKilobytes / 1024.0)),
            429 => (Tr.T("Too many attempts"), Infrastructure.RateLimiting.TooMany(HttpContext)),
            _ => (Heading, Message),
        };
    }
}
