using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Workshops.Core.Data;
using Workshops.Core.Domain.Common;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Features.Organise.CountryChoices;

/// <summary>Countries typed as text before the picker that name no single country: the organiser chooses one for each.</summary>
public sealed class IndexModel(CountryCodes codes) : PageModel
{
    public IReadOnlyList<UnmappedCountry> Unmapped { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Unmapped = await codes.UnmappedAsync(ct);

    public async Task<IActionResult> OnPostAsync(string? value, string? code, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(value)) return BadRequest(Tr.T("Say which text to replace."));
        if (!Core.Domain.Common.Countries.IsCode(code))
        {
            Unmapped = await codes.UnmappedAsync(ct);
            ModelState.AddModelError("", Tr.T("Choose the country that “{0}” means.", value));
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        var changed = await codes.FixAsync(value, code!, ct);
        TempData[Flash.Key] = Tr.N(changed, "“{1}” is now {2} in {0} place.", "“{1}” is now {2} in {0} places.", value, Core.Domain.Common.Countries.Name(code));
        return RedirectToPage();
    }
}
