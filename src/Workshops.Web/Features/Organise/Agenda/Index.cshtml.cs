using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Features.Organise.Agenda;

/// <summary>The agenda editor: a grid per day with a column per room, the unscheduled list, and the warnings.</summary>
public sealed class IndexModel(AgendaDesk desk) : PageModel
{
    public AgendaDraft Draft { get; private set; } = null!;
    public int SessionsToAdd { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var draft = await desk.LoadAsync(id, ct, withPublished: true);
        if (draft is null) return NotFound();
        Draft = draft;
        SessionsToAdd = await desk.SessionsToAddAsync(draft, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAddSessionsAsync(Guid id, CancellationToken ct)
    {
        if (await desk.AddConfirmedSessionsAsync(id, ct) is not { } added) return NotFound();
        TempData[Flash.Key] = added switch
        {
            0 => Tr.T("Every confirmed session is already on the agenda."),
            _ => Tr.N(added, "{0} confirmed session is added to the unscheduled list.", "{0} confirmed sessions are added to the unscheduled list."),
        };
        return Redirect($"/organise/workshops/{id}/agenda#unscheduled");
    }

    /// <summary>Where the editor's script sends a drop or a resize; answers in JSON so the page can say what went wrong in place.</summary>
    public async Task<IActionResult> OnPostPlaceAsync(Guid id, Guid itemId, PlaceForm input, CancellationToken ct)
    {
        if (!ModelState.IsValid)
            return Answer(StatusCodes.Status422UnprocessableEntity, new { error = ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage).FirstOrDefault(m => m.Length > 0) ?? Tr.T("That placement is not valid.") });
        var result = await desk.PlaceAsync(id, itemId, input.ToPlacement(), ct);
        if (result.Error is null) return new JsonResult(new { ok = true });
        if (result.Error == AgendaDesk.ItemGone) return Answer(StatusCodes.Status404NotFound, new { error = result.Error });
        return Answer(result.Field is null ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity, new { error = result.Error });
    }

    private static JsonResult Answer(int status, object body) => new(body) { StatusCode = status };
}
