using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;

namespace Workshops.Web.Features.Organise.Emails;

public sealed class IndexModel(AppDbContext db) : PageModel
{
    public IReadOnlySet<string> Changed { get; private set; } = new HashSet<string>();

    public async Task OnGetAsync(CancellationToken ct) =>
        Changed = (await db.EmailTemplates.Select(t => t.Key).ToListAsync(ct)).ToHashSet();
}
