using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;
using Workshops.Core.Domain.Workshops;
using Workshops.Core.Privacy;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Features.Organise.Data;

/// <summary>Says what erasing one kind of a workshop's data removes and what stays, then erases it when asked again.</summary>
public sealed class EraseModel(AppDbContext db, WorkshopEraser eraser, TimeProvider clock) : PageModel
{
    public Workshop Workshop { get; private set; } = null!;
    public PersonalDataKind Kind { get; private set; }
    public int Held { get; private set; }

    /// <summary>People still need it until the workshop is over (see <see cref="WorkshopEraser.MayErase"/>).</summary>
    public bool TooEarly => !WorkshopEraser.MayErase(Kind, Workshop.EndsAt, clock.GetUtcNow());

    public async Task<IActionResult> OnGetAsync(Guid id, string kind, CancellationToken ct) =>
        await LoadAsync(id, kind, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, string kind, CancellationToken ct)
    {
        if (!await LoadAsync(id, kind, ct)) return NotFound();
        if (TooEarly)
        {
            ModelState.AddModelError("", TooEarlyMessage);
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
        var erased = await eraser.EraseAsync(id, Kind, User.Id(), ct);
        TempData[Flash.Key] = Tr.N(erased, "{1}: {0} item erased.", "{1}: {0} items erased.", erased, Kind.Label());
        return Redirect($"/organise/workshops/{id}/data");
    }

    public static string TooEarlyMessage => Tr.T("This can be erased once the workshop is over: until then people need it for their visa, at the door and on the list.");

    private async Task<bool> LoadAsync(Guid id, string kind, CancellationToken ct)
    {
        if (!Enum.TryParse<PersonalDataKind>(kind, ignoreCase: true, out var parsed) || !PersonalDataKinds.OfWorkshop.Contains(parsed)) return false;
        var workshop = await db.Workshops.AsNoTracking().Include(w => w.Tracks).FirstOrDefaultAsync(w => w.Id == id, ct);
        if (workshop is null) return false;
        (Workshop, Kind) = (workshop, parsed);
        Held = (await eraser.HeldAsync(id, ct))[parsed];
        return true;
    }
}
