using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;

namespace Workshops.Web.Features.Organise.Emails;

public sealed class IndexModel(AppDbContext db) : PageModel
{
    public IReadOnlySet<string> Changed { get; private set; } = new HashSet<string>();

    /// <summary>The emails reworded in the language the organiser reads the page in, which is the one they edit.</summary>
    public async Task OnGetAsync(CancellationToken ct)
    {
        var language = Tr.Language;
        Changed = (await db.EmailTemplates.Where(t => t.Language == language).Select(t => t.Key).ToListAsync(ct)).ToHashSet();
    }
}
