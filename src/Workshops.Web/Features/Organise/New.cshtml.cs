using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Features.Organise;

public sealed class NewModel(WorkshopDesk workshops, TimeProvider clock) : PageModel
{
    [BindProperty] public WorkshopForm Input { get; set; } = new();

    public void OnGet()
    {
        var year = clock.GetUtcNow().Year + 1;
        Input = new WorkshopForm
        {
            Year = year,
            StartsLocal = new DateTime(year, 10, 5, 9, 0, 0),
            EndsLocal = new DateTime(year, 10, 9, 17, 0, 0),
            TimeZoneId = "Europe/Madrid",
        };
        Input.Tracks.Add(new TrackForm { Name = Tr.T("Developers"), Capacity = 25 });
        Input.Tracks.Add(new TrackForm { Name = Tr.T("Managers"), Capacity = 25 });
        Input.WithSpareRows(1);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var result = await workshops.CreateAsync(Input, ct);
            if (result.Id is { } id)
            {
                TempData[Flash.Key] = Tr.T("The workshop is saved as a draft. Publish it when visitors may see it.");
                return Redirect($"/organise/workshops/{id}/edit");
            }
            ModelState.AddModelError(FormFields.Key(result.Field), result.Error!);
        }
        Input.WithSpareRows(1);
        return Page();
    }
}
