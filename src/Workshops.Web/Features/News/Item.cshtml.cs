using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Workshops.Core;

namespace Workshops.Web.Features.News;

public sealed class ItemModel(NewsItems news, SiteAddress address) : PageModel
{
    public NewsItem Item { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await news.FindAsync(id, address.Origin, ct) is not { } item) return NotFound();
        Item = item;
        return Page();
    }
}
