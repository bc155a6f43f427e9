using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Workshops.Core.Domain.Agenda;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Features.AgendaPages;

/// <summary>One item of the published agenda: when and where, who speaks, and its abstract.</summary>
[OutputCache(PolicyName = PublicPageCache.Policy)]
public sealed class SessionModel(PublishedAgendas agendas, AgendaStars stars) : PageModel
{
    public PublishedAgenda Agenda { get; private set; } = null!;
    public SnapshotItem Item { get; private set; } = null!;
    public bool Starred { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, Guid itemId, CancellationToken ct)
    {
        var (_, agenda) = await agendas.FindAsync(slug, ct);
        if (agenda?.Snapshot.Item(itemId) is not { } item) return NotFound();
        (Agenda, Item) = (agenda, item);
        Starred = (await stars.OfAsync(User.Id(), agenda.Workshop.Id, ct)).Contains(itemId);
        return Page();
    }

    public Task<IActionResult> OnPostStarAsync(string slug, Guid itemId, CancellationToken ct) =>
        StarHandler.ToggleAsync(this, agendas, stars, slug, itemId, $"/workshops/{slug}/agenda/{itemId}", ct);
}
