using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Features.Shared;

/// <summary>
/// The step of its own before something organisers keep is deleted (a page, a project, an installation): the page says
/// what goes, the post deletes it from the version the page showed, and a stale or refused delete is said on the page.
/// </summary>
public abstract class ConfirmDeletePage<T> : PageModel where T : class
{
    public T Item { get; private set; } = null!;

    protected abstract Task<T?> FindAsync(Guid id, CancellationToken ct);
    protected abstract Task<EditResult> DeleteAsync(Guid id, long? version, CancellationToken ct);
    /// <summary>What the flash says once it is gone, and where the organiser goes next.</summary>
    protected abstract (string Done, string Next) After(T item);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, long? version, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var result = await DeleteAsync(id, version, ct);
        if (!result.Succeeded)
        {
            result.ShowIn(ModelState, FormFields.Key);
            Response.StatusCode = result.RefusedStatus;
            return Page();
        }
        var (done, next) = After(Item);
        TempData[Flash.Key] = done;
        return Redirect(next);
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } item) return false;
        Item = item;
        return true;
    }
}
