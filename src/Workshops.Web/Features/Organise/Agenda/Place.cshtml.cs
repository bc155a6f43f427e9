using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Workshops.Core.Domain.Agenda;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Features.Organise.Agenda;

/// <summary>
/// Everything the editor's drag and drop does, as a form: room, day, start and length. It is the way for a keyboard,
/// a screen reader or a phone, and where the editor sends anyone whose browser runs no script.
/// </summary>
public sealed class PlaceModel(AgendaDesk desk) : PageModel
{
    [BindProperty] public PlaceForm Input { get; set; } = new();
    public AgendaDraft Draft { get; private set; } = null!;
    public AgendaItem Item { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, Guid itemId, CancellationToken ct)
    {
        if (!await LoadAsync(id, itemId, ct)) return NotFound();
        Input = PlaceForm.From(Item, Draft.Zone, Draft.Days.FirstOrDefault());
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid itemId, CancellationToken ct)
    {
        if (!await LoadAsync(id, itemId, ct)) return NotFound();
        if (!ModelState.IsValid) return Page();
        var result = await desk.PlaceAsync(id, itemId, Input.ToPlacement(), ct);
        if (result.Error is not null)
        {
            ModelState.AddModelError(FormFields.Key(result.Field), result.Error);
            // A stale form shows the item as it is now, so the next try starts from the truth.
            if (result.Field is null && await LoadAsync(id, itemId, ct)) Input.Stamp = Item.UpdatedAt.UtcTicks;
            return Page();
        }
        TempData[Flash.Key] = Input.RoomId is null ? Tr.T("“{0}” is back in the unscheduled list.", Item.Title) : Tr.T("“{0}” is placed.", Item.Title);
        var day = Input.Day is { } d ? $"#day-{d:yyyy-MM-dd}" : "#unscheduled";
        return Redirect($"/organise/workshops/{id}/agenda{day}");
    }

    public async Task<IActionResult> OnPostUnscheduleAsync(Guid id, Guid itemId, CancellationToken ct)
    {
        if (!await LoadAsync(id, itemId, ct)) return NotFound();
        // Only the button counts here: whatever the form's other fields held is not a placement.
        ModelState.Clear();
        Input = new PlaceForm { DurationMinutes = Item.DurationMinutes, Stamp = Input.Stamp };
        return await OnPostAsync(id, itemId, ct);
    }

    private async Task<bool> LoadAsync(Guid id, Guid itemId, CancellationToken ct)
    {
        var draft = await desk.LoadAsync(id, ct);
        if (draft?.Items.FirstOrDefault(i => i.Id == itemId) is not { } item) return false;
        (Draft, Item) = (draft, item);
        return true;
    }
}
