using Workshops.Core.Data;
using Workshops.Core.Domain.Community.Pages;

namespace Workshops.Web.Features.Organise.SitePages;

/// <summary>What the page form posts: its address, where its link goes, and its title and text in each language.</summary>
public sealed class PageForm
{
    public string? Slug { get; set; }
    public string? Title { get; set; }
    public string? Body { get; set; }
    public PagePlacement Placement { get; set; } = PagePlacement.Menu;
    public int Position { get; set; }
    public string? Language { get; set; } = "en";
    public Dictionary<string, PageTranslationForm> Translations { get; set; } = [];
    /// <summary>The page's version when the form was drawn (see Versions); none for a new one.</summary>
    public long? Version { get; set; }

    public SitePageDetails ToDetails() => new(Slug ?? "", Title ?? "", Body ?? "", Placement, Position, Language ?? "",
        Translations.Where(t => t.Value is not null).ToDictionary(t => t.Key, t => new PageTranslation(t.Value.Title, t.Value.Body)));

    public static PageForm From(SitePage p)
    {
        var d = SitePageDetails.Of(p);
        return new PageForm
        {
            Slug = d.Slug, Title = d.Title, Body = d.Body, Placement = d.Placement, Position = d.Position, Language = d.Language,
            Translations = d.Translations!.ToDictionary(t => t.Key, t => new PageTranslationForm { Title = t.Value.Title, Body = t.Value.Body }),
            Version = Versions.Of(p.UpdatedAt),
        };
    }
}

public sealed class PageTranslationForm
{
    public string? Title { get; set; }
    public string? Body { get; set; }
}
