using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Workshops.Core.Data;
using Workshops.Core.Domain.Community.Pages;
using Workshops.Core.Localization;

namespace Workshops.Web.Features.SitePages;

/// <summary>A link to a site page, as the menu and the footer show it.</summary>
public sealed record SitePageLink(string Slug, LocalText Title, PagePlacement Placement, int Position);

/// <summary>
/// The pages linked from the menu and the footer. Every page of the site draws them, so they are read once and kept
/// in memory until a page is saved here, or for a minute, when another node may have saved one.
/// </summary>
public sealed class SitePageLinks(IServiceScopeFactory scopes, IMemoryCache cache, ILogger<SitePageLinks> log)
{
    private const string Key = "site-page-links";

    public async Task<IReadOnlyList<SitePageLink>> AllAsync()
    {
        if (cache.TryGetValue(Key, out IReadOnlyList<SitePageLink>? links) && links is not null) return links;
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        List<(string Slug, LocalText Title, PagePlacement Placement, int Position)> pages;
        try
        {
            pages = (await db.SitePages.AsNoTracking().Where(p => p.Placement != PagePlacement.Hidden)
                .Select(p => new { p.Slug, p.Title, p.Placement, p.Position }).ToListAsync()).Select(p => (p.Slug, p.Title, p.Placement, p.Position)).ToList();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Every page draws the menu, the error page too: with the database down, it is drawn without these links (and not kept).
            log.LogWarning(e, "The site pages' links could not be read");
            return [];
        }
        links = pages.Select(p => new SitePageLink(p.Slug, p.Title, p.Placement, p.Position))
            .OrderBy(p => p.Position).ThenBy(p => p.Slug, StringComparer.Ordinal).ToList();
        cache.Set(Key, links, TimeSpan.FromMinutes(1));
        return links;
    }

    public async Task<IEnumerable<SitePageLink>> InAsync(PagePlacement placement) => (await AllAsync()).Where(l => l.Placement == placement);

    public void Forget() => cache.Remove(Key);
}
