using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Workshops.Core.Domain.Workshops;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Features.AgendaPages;

/// <summary>The published agenda of a workshop, by day, for everyone; signed-in people star sessions here.</summary>
[OutputCache(PolicyName = PublicPageCache.Policy)]
public sealed class AgendaModel(PublishedAgendas agendas, AgendaStars stars) : PageModel
{
    public Workshop Workshop { get; private set; } = null!;
    public PublishedAgenda? Agenda { get; private set; }
    public IReadOnlySet<Guid> Starred { get; private set; } = new HashSet<Guid>();

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var (workshop, agenda) = await agendas.FindAsync(slug, ct);
        if (workshop is null) return NotFound();
        (Workshop, Agenda) = (workshop, agenda);
        // Stars of items a later version removed are kept (the item may come back) but not counted.
        if (agenda is not null) Starred = (await stars.OfAsync(User.Id(), workshop.Id, ct)).Where(agenda.Views.ContainsKey).ToHashSet();
        return Page();
    }

    public Task<IActionResult> OnPostStarAsync(string slug, Guid itemId, CancellationToken ct) =>
        StarHandler.ToggleAsync(this, agendas, stars, slug, itemId, $"/workshops/{slug}/agenda#item-{itemId}", ct);
}

/// <summary>Starring from the agenda, a session's page or "my agenda": signed in, and only items of the published agenda.</summary>
public static class StarHandler
{
    public static async Task<IActionResult> ToggleAsync(PageModel page, PublishedAgendas agendas, AgendaStars stars, string slug, Guid itemId, string back, CancellationToken ct)
    {
        if (page.User.Id() is not { } userId) return page.Challenge();
        var (_, agenda) = await agendas.FindAsync(slug, ct);
        if (agenda?.Snapshot.Item(itemId) is not { } item) return page.NotFound();
        var starred = await stars.ToggleAsync(userId, agenda, itemId, ct);
        page.TempData[Flash.Key] = starred ? Tr.T("“{0}” is in your agenda.", item.Title) : Tr.T("“{0}” is out of your agenda.", item.Title);
        return page.LocalRedirect(back);
    }
}
