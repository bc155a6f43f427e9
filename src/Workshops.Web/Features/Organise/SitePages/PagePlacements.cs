using Workshops.Core.Domain.Community.Pages;
using Workshops.Core.Localization;

namespace Workshops.Web.Features.Organise.SitePages;

public static class PagePlacements
{
    public static readonly PagePlacement[] All = Enum.GetValues<PagePlacement>();

    /// <summary>Where the link goes, as the form and the list say it.</summary>
    public static string Label(this PagePlacement placement) => placement switch
    {
        PagePlacement.Menu => Tr.T("The main menu"),
        PagePlacement.Footer => Tr.T("The footer"),
        _ => Tr.T("Nowhere: reached by its address"),
    };
}
