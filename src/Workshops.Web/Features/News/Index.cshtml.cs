using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Workshops.Core;

namespace Workshops.Web.Features.News;

public sealed class IndexModel(NewsItems news, SiteAddress address) : PageModel
{
    public const int PageSize = 20;

    public IReadOnlyList<NewsItem> Items { get; private set; } = [];
    public int PageNumber { get; private set; } = 1;
    public bool HasMore { get; private set; }

    public async Task OnGetAsync(int page = 1, CancellationToken ct = default)
    {
        PageNumber = Math.Clamp(page, 1, 100_000);
        (Items, HasMore) = await news.PageAsync(PageNumber, PageSize, address.Origin, ct);
    }
}
