using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Features.AgendaPages;

/// <summary>The agenda on paper: a table per day, nothing but the programme.</summary>
[OutputCache(PolicyName = PublicPageCache.Policy)]
public sealed class PrintModel(PublishedAgendas agendas) : PageModel
{
    public PublishedAgenda Agenda { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var (_, agenda) = await agendas.FindAsync(slug, ct);
        if (agenda is null) return NotFound();
        Agenda = agenda;
        return Page();
    }
}
