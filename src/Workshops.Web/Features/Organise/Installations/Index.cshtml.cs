using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;
using Workshops.Core.Domain.Community;

namespace Workshops.Web.Features.Organise.Installations;

/// <summary>The registry as organisers keep it: every installation, with a link to edit each and to add one.</summary>
public sealed class IndexModel(AppDbContext db) : PageModel
{
    public IReadOnlyList<Installation> Installations { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Installations = (await db.Installations.AsNoTracking().ToListAsync(ct)).OrderBy(i => i.Name, StringComparer.CurrentCultureIgnoreCase).ToList();
}
