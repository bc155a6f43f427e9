using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Features.Organise.Calls;

public sealed class EditModel(AppDbContext db, CallEditor editor) : PageModel
{
    [BindProperty] public CallForm Input { get; set; } = new();
    public Guid Id { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var call = await db.Calls.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (call is null) return NotFound();
        Id = id;
        Input = CallForm.From(call).WithSpareRows();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!await db.Calls.AnyAsync(c => c.Id == id, ct)) return NotFound();
        Id = id;
        if (ModelState.IsValid)
        {
            var result = await editor.UpdateAsync(id, Input, ct);
            if (result.Id is not null)
            {
                TempData[Flash.Key] = "Your changes to the call are saved.";
                return Redirect($"/organise/calls/{id}");
            }
            ModelState.AddModelError(FormFields.Key(result.Field), result.Error!);
        }
        Input.WithSpareRows(1);
        return Page();
    }
}
