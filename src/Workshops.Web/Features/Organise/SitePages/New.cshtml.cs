using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Features.Organise.SitePages;

public sealed class NewModel(PageDesk desk) : PageModel
{
    [BindProperty] public PageForm Input { get; set; } = new();

    public void OnGet() => Input = new PageForm { Language = Tr.Language };

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var result = await desk.CreateAsync(Input, ct);
            if (result.Id is { } id)
            {
                TempData[Flash.Key] = Tr.T("The page is published at /{0}.", Input.Slug!.Trim());
                return Redirect($"/organise/pages/{id}/edit");
            }
            result.ShowIn(ModelState, FormFields.Key);
        }
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }
}
