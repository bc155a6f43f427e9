using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Features.Organise.Installations;

public sealed class NewModel(InstallationDesk desk) : PageModel
{
    [BindProperty] public InstallationForm Input { get; set; } = new();

    public void OnGet() => Input = new InstallationForm { Language = Tr.Language }.WithSpareRows();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var result = await desk.CreateAsync(Input, ct);
            if (result.Id is { } id)
            {
                TempData[Flash.Key] = Tr.T("The installation is added.");
                return Redirect($"/organise/installations/{id}/edit");
            }
            ModelState.AddModelError(FormFields.Key(result.Field), result.Error!);
        }
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        Input.WithSpareRows(1, 1);
        return Page();
    }
}
