using Workshops.Core.Localization;

namespace Workshops.Core.Domain.Community.Pages;

/// <summary>Where a page's link is shown: nowhere (reached by its address or from other pages), in the main menu, or in the footer.</summary>
public enum PagePlacement { Hidden, Menu, Footer }

/// <summary>
/// A page the organisers write about the community (About, FAQ, Governance, Contact…), in Markdown and in each language,
/// at /{slug}. The page named "about" also tells the community's story on the home page.
/// </summary>
public sealed class SitePage
{
    /// <summary>The address name of the page whose text opens the home page.</summary>
    public const string AboutSlug = "about";

    public Guid Id { get; private set; } = Guid.NewGuid();
    public string Slug { get; private set; } = "";
    public LocalText Title { get; private set; } = new("");
    public LocalText Body { get; private set; } = new("");
    public PagePlacement Placement { get; private set; }
    /// <summary>Its place among the links of the menu or the footer, smallest first.</summary>
    public int Position { get; private set; }
    /// <summary>Where it came from, for an import run again: "la-site:about"; null when written here.</summary>
    public string? SourceKey { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    private SitePage() { }

    public static SitePage Create(SitePageDetails details, DateTimeOffset now, string? sourceKey = null)
    {
        var page = new SitePage { CreatedAt = now, SourceKey = sourceKey };
        page.Update(details, now);
        return page;
    }

    /// <summary>The one way a page changes; every rule is checked first, so a refused change leaves it as it was. True when anything changed.</summary>
    public bool Update(SitePageDetails d, DateTimeOffset now)
    {
        d.Validate();
        var (slug, title, body) = (d.Slug.Trim(), d.Titles(), d.Bodies());
        if ((slug, d.Placement, d.Position) == (Slug, Placement, Position) && title.Equals(Title) && body.Equals(Body)) return false;
        (Slug, Title, Body, Placement, Position, UpdatedAt) = (slug, title, body, d.Placement, d.Position, now);
        return true;
    }
}
