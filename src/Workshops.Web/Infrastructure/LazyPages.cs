using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing.Matching;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Workshops.Web.Infrastructure;

/// <summary>
/// Prepares each Razor page the first time someone asks for it, not all of them at start. By default Razor Pages
/// builds every page's full descriptor when the routes are built (its handlers, bound properties, their model
/// metadata and filters, by reflection over every page model): 122 pages, several megabytes and thousands of types
/// held for the life of the process, while a node mostly serves a handful of pages. Routes are still known at start,
/// from the light descriptors; the full one replaces it while the request is matched, before authorization, rate
/// limits and upload limits read its metadata. This is what ASP.NET Core itself does with runtime compilation on.
/// </summary>
public sealed class LazyPages(PageLoader loader) : MatcherPolicy, IEndpointSelectorPolicy
{
    /// <summary>Registers the light descriptors; call before AddRazorPages, which then leaves out the eager ones.</summary>
    public static void Add(IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IActionDescriptorProvider, PageActionDescriptorProvider>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<MatcherPolicy, LazyPages>());
    }

    // Before the policies that read what the full descriptor brings (as ASP.NET Core's own page loader policy).
    public override int Order => int.MinValue + 100;

    public bool AppliesToEndpoints(IReadOnlyList<Endpoint> endpoints) =>
        endpoints.Any(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not (null or CompiledPageActionDescriptor));

    public async Task ApplyAsync(HttpContext httpContext, CandidateSet candidates)
    {
        for (var i = 0; i < candidates.Count; i++)
        {
            if (!candidates.IsValidCandidate(i)) continue;
            var endpoint = candidates[i].Endpoint;
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not { } page || page is CompiledPageActionDescriptor) continue;
            // Cached by the loader: after a page's first request this completes at once.
            var compiled = await loader.LoadAsync(page, endpoint.Metadata);
            candidates.ReplaceEndpoint(i, compiled.Endpoint, candidates[i].Values);
        }
    }
}
