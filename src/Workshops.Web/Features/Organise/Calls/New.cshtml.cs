using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Features.Organise.Calls;

public sealed class NewModel(CallEditor editor, TimeProvider clock) : PageModel
{
    [BindProperty] public CallForm Input { get; set; } = new();

    public void OnGet()
    {
        var today = clock.GetUtcNow().UtcDateTime;
        Input = CallForm.ForYear(today.Year + 1, today).WithSpareRows();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var result = await editor.CreateAsync(Input, ct);
            if (result.Id is not null)
            {
                TempData[Flash.Key] = "The call is saved. Members can propose while it is open.";
                return Redirect($"/organise/calls/{result.Id}");
            }
            ModelState.AddModelError(FormFields.Key(result.Field), result.Error!);
        }
        Input.WithSpareRows(1);
        return Page();
    }
}
