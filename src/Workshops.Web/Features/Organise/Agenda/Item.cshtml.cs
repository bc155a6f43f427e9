using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Workshops.Core.Data;
using Workshops.Core.Domain.Agenda;
using Workshops.Core.Domain.Common;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Features.Organise.Agenda;

/// <summary>An agenda item's details: a new keynote, break, lunch, social event or plenary, or changes to any item.</summary>
public sealed class ItemModel(AgendaDesk desk, AppDbContext db) : PageModel
{
    [BindProperty] public ItemForm Input { get; set; } = new();
    public AgendaDraft Draft { get; private set; } = null!;
    public AgendaItem? Item { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid? itemId, AgendaItemType? type, CancellationToken ct)
    {
        if (!await LoadAsync(id, itemId, ct)) return NotFound();
        if (Item is not null) Input = await ItemForm.FromAsync(Item, db, ct);
        else if (type is { } t && Enum.IsDefined(t)) Input = new ItemForm { Type = t, DurationMinutes = t is AgendaItemType.Break ? 30 : t is AgendaItemType.Lunch ? 60 : 45 };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid? itemId, CancellationToken ct)
    {
        if (!await LoadAsync(id, itemId, ct)) return NotFound();
        if (!ModelState.IsValid) return Page();
        var result = await desk.SaveItemAsync(id, itemId, Input, ct);
        if (result.Error is not null)
        {
            ModelState.AddModelError(FormFields.Key(result.Field), result.Error);
            return Page();
        }
        TempData[Flash.Key] = itemId is null ? Tr.T("“{0}” is added to the unscheduled list.", Input.Title.Trim()) : Tr.T("“{0}” is saved.", Input.Title.Trim());
        return Redirect($"/organise/workshops/{id}/agenda");
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, Guid itemId, CancellationToken ct)
    {
        if (!await LoadAsync(id, itemId, ct) || Item is null) return NotFound();
        await desk.RemoveItemAsync(id, itemId, ct);
        TempData[Flash.Key] = Tr.T("“{0}” is removed from the draft. The published agenda keeps it until you publish again.", Item.Title);
        return Redirect($"/organise/workshops/{id}/agenda");
    }

    private async Task<bool> LoadAsync(Guid id, Guid? itemId, CancellationToken ct)
    {
        var draft = await desk.LoadAsync(id, ct);
        if (draft is null) return false;
        Draft = draft;
        if (itemId is null) return true;
        Item = draft.Items.FirstOrDefault(i => i.Id == itemId);
        return Item is not null;
    }
}
