using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Workshops.Core.Domain.Agenda;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Features.Organise.Agenda;

/// <summary>Renaming a room, changing its places or track, or taking it away.</summary>
public sealed class RoomModel(AgendaDesk desk) : PageModel
{
    [BindProperty] public RoomForm Input { get; set; } = new();
    public AgendaDraft Draft { get; private set; } = null!;
    public Room Room { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, Guid roomId, CancellationToken ct)
    {
        if (!await LoadAsync(id, roomId, ct)) return NotFound();
        Input = RoomForm.From(Room);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid roomId, CancellationToken ct)
    {
        if (!await LoadAsync(id, roomId, ct)) return NotFound();
        if (!ModelState.IsValid) return Page();
        var result = await desk.EditRoomAsync(id, roomId, Input.ToDetails(), ct);
        if (result.Error is not null)
        {
            ModelState.AddModelError(FormFields.Key(result.Field), result.Error);
            return Page();
        }
        TempData[Flash.Key] = Tr.T("{0} is saved.", Input.Name.Trim());
        return Redirect($"/organise/workshops/{id}/rooms");
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, Guid roomId, CancellationToken ct)
    {
        if (!await LoadAsync(id, roomId, ct)) return NotFound();
        var moved = await desk.RemoveRoomAsync(id, roomId, ct);
        if (moved is null) return NotFound();
        TempData[Flash.Key] = moved == 0 ? Tr.T("{0} is removed.", Room.Name)
            : Tr.N(moved.Value, "{1} is removed; its {0} item is back in the unscheduled list.", "{1} is removed; its {0} items are back in the unscheduled list.", Room.Name);
        return Redirect($"/organise/workshops/{id}/rooms");
    }

    private async Task<bool> LoadAsync(Guid id, Guid roomId, CancellationToken ct)
    {
        var draft = await desk.LoadAsync(id, ct);
        if (draft?.Rooms.FirstOrDefault(r => r.Id == roomId) is not { } room) return false;
        (Draft, Room) = (draft, room);
        return true;
    }
}
