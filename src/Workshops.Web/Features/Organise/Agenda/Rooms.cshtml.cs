using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Features.Organise.Agenda;

/// <summary>The rooms of a workshop, the columns of its timetable, and adding one.</summary>
public sealed class RoomsModel(AgendaDesk desk) : PageModel
{
    [BindProperty] public RoomForm Input { get; set; } = new();
    public AgendaDraft Draft { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var draft = await desk.LoadAsync(id, ct);
        if (draft is null) return NotFound();
        Draft = draft;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var draft = await desk.LoadAsync(id, ct);
        if (draft is null) return NotFound();
        Draft = draft;
        if (!ModelState.IsValid) return Page();
        var result = await desk.AddRoomAsync(id, Input.ToDetails(), ct);
        if (result.Error is not null)
        {
            ModelState.AddModelError(FormFields.Key(result.Field), result.Error);
            return Page();
        }
        TempData[Flash.Key] = Tr.T("{0} is added.", Input.Name.Trim());
        return Redirect($"/organise/workshops/{id}/rooms");
    }
}
