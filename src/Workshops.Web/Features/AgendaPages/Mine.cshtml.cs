using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Workshops.Core.Domain.Workshops;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Features.AgendaPages;

/// <summary>A signed-in person's own agenda: the sessions they starred, and the private calendar feed of them.</summary>
[Authorize]
public sealed class MineModel(PublishedAgendas agendas, AgendaStars stars, AgendaFeedLinks feeds) : PageModel
{
    public Workshop Workshop { get; private set; } = null!;
    public PublishedAgenda? Agenda { get; private set; }
    public IReadOnlySet<Guid> Starred { get; private set; } = new HashSet<Guid>();
    public string FeedUrl { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var (workshop, agenda) = await agendas.FindAsync(slug, ct);
        if (workshop is null) return NotFound();
        (Workshop, Agenda) = (workshop, agenda);
        var userId = User.Id()!;
        Starred = await stars.OfAsync(userId, workshop.Id, ct);
        FeedUrl = Request.AbsoluteUrl(feeds.Path(slug, userId, workshop.Id));
        return Page();
    }

    public Task<IActionResult> OnPostStarAsync(string slug, Guid itemId, CancellationToken ct) =>
        StarHandler.ToggleAsync(this, agendas, stars, slug, itemId, $"/workshops/{slug}/agenda/mine", ct);
}
