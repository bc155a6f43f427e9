using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Workshops.Web.Features;

[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel(Microsoft.Extensions.Options.IOptions<Workshops.Core.Storage.StorageOptions> storage) : PageModel
{
    public string Heading { get; private set; } = "Something went wrong";
    public string Message { get; private set; } = "The page could not be shown. Try again in a moment.";

    public void OnGet(int? code) => Describe(code);

    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        if (code is null) return;
        Response.StatusCode = code.Value;
        (Heading, Message) = code switch
        {
            404 => ("Page not found", "There is no page at this address. It may have moved, or the workshop is not public yet."),
            400 => ("Bad request", "The request could not be understood. Reload the page and try again."),
            403 => ("Not allowed", "Your account may not open this page."),
            413 => ("File too large", $"Uploads are limited to {storage.Value.MaxUploadMegabytes} MB. Nothing was saved: go back and choose a smaller file."),
            _ => (Heading, Message),
        };
    }
}
