using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Workshops.Web.Infrastructure;
using Workshops.Core.Domain.Workshops;
using Workshops.Web.Features.WorkshopPages;

namespace Workshops.Web.Features;

[OutputCache(PolicyName = PublicPageCache.Policy)]
public sealed class IndexModel(WorkshopQueries queries) : PageModel
{
    public IReadOnlyList<Workshop> Upcoming { get; private set; } = [];
    public IReadOnlyList<Workshop> Past { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => (Upcoming, Past) = await queries.HomeAsync(ct);
}
