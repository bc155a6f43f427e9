using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Workshops.Web.Features;

[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel(Microsoft.Extensions.Options.IOptions<Workshops.Core.Storage.StorageOptions> storage,
    Microsoft.Extensions.Options.IOptions<Workshops.Core.SiteOptions> site) : PageModel
{
    public string Heading { get; private set; } = "Something went wrong";
    public string Message { get; private set; } = "The page could not be shown. Try again in a moment.";

    public void OnGet([FromQuery] int? code) => Describe(code);

    // From the query only: a re-executed form may carry a field of its own named "code".
    public void OnPost([FromQuery] int? code) => Describe(code);

    private string Wait()
    {
        var seconds = HttpContext.Items[Infrastructure.RateLimiting.RetryAfterItem] as int? ?? 60;
        return seconds < 90 ? $"{seconds} seconds" : seconds < 5400 ? $"{(int)Math.Ceiling(seconds / 60.0)} minutes" : $"{(int)Math.Ceiling(seconds / 3600.0)} hours";
    }

    private void Describe(int? code)
    {
        if (code is null) return;
        Response.StatusCode = code.Value;
        (Heading, Message) = code switch
        {
            404 => ("Page not found", "There is no page at this address. It may have moved, or the workshop is not public yet."),
            400 => ("Bad request", "The request could not be understood. Reload the page and try again."),
            403 => ("Not allowed", "Your account may not open this page."),
            413 => ("Too large", $"Nothing was saved: what was sent is larger than the site accepts. Files can be up to {storage.Value.MaxUploadMegabytes} MB on the pages that take them, other forms up to {site.Value.MaxRequestKilobytes / 1024.0:0.#} MB. Go back and send less."),
            429 => ("Too many attempts", $"You have tried this too often in a short time. Wait {Wait()} and try again; nothing you sent in this last attempt was saved."),
            _ => (Heading, Message),
        };
    }
}
