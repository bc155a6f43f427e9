using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.OpenApi;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Features.ApiDocs;

/// <summary>The API's reference pages, written by the site from its own OpenAPI description.</summary>
[OutputCache(PolicyName = PublicPageCache.Policy)]
public sealed class IndexModel([FromKeyedServices("v1")] IOpenApiDocumentProvider documents) : PageModel
{
    public ApiReference Reference { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Reference = await ApiReference.ReadAsync(documents, ct);
}
