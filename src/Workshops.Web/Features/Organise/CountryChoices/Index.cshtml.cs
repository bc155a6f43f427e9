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
        if (string.IsNullOrEmpty(value)) return BadRequest("Say which text to replace.");
        if (!Core.Domain.Common.Countries.IsCode(code))
        {
            Unmapped = await codes.UnmappedAsync(ct);
            ModelState.AddModelError("", $"Choose the country that “{value}” means.");
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        var changed = await codes.FixAsync(value, code!, ct);
        TempData[Flash.Key] = $"“{value}” is now {Core.Domain.Common.Countries.Name(code)} in {changed} {(changed == 1 ? "place" : "places")}.";
        return RedirectToPage();
    }
}
