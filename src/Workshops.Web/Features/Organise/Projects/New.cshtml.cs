using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Workshops.Web.Features.Projects;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Features.Organise.Projects;

public sealed class NewModel(ProjectDesk desk, ProjectQueries queries) : PageModel
{
    [BindProperty] public ProjectForm Input { get; set; } = new();
    public ProjectFormView View { get; private set; } = null!;

    public async Task OnGetAsync(Guid? workshop, CancellationToken ct)
    {
        Input = new ProjectForm { Language = Tr.Language }.WithSpareRows();
        if (workshop is { } w) Input.WorkshopIds.Add(w);
        await ViewAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var result = await desk.CreateAsync(Input, ct);
            if (result.Id is { } id)
            {
                TempData[Flash.Key] = Tr.T("The project is added.");
                return Redirect($"/organise/projects/{id}/edit");
            }
            result.ShowIn(ModelState, FormFields.Key);
        }
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        Input.WithSpareRows(1);
        await ViewAsync(ct);
        return Page();
    }

    private async Task ViewAsync(CancellationToken ct)
    {
        var (workshops, events) = await queries.ChoicesAsync(ct);
        View = new ProjectFormView(Input, workshops, events);
    }
}
