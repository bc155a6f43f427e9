using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Workshops.Core.Data;
using Workshops.Core.Domain.Materials;
using Workshops.Core.Storage;
using Workshops.Web.Features.Organise;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Features.Materials;

/// <summary>A material's details, a new version of its file, its earlier versions, and removing it.</summary>
[Authorize]
[LargeUpload]
public sealed class EditModel(AppDbContext db, MaterialViewers viewers, MaterialDesk desk, IOptions<StorageOptions> storage) : PageModel
{
    [BindProperty] public MaterialForm Input { get; set; } = new();
    [BindProperty] public IFormFile? Upload { get; set; }
    public Material Material { get; private set; } = null!;
    public MaterialTarget Target { get; private set; } = null!;
    public MaterialViewer Viewer { get; private set; } = null!;
    public IReadOnlyList<MaterialFile> Versions { get; private set; } = [];

    public string UploadHint => Tr.T("{0}; up to {1} MB. The current file stays as an earlier version.", FileKinds.Accepted, storage.Value.MaxUploadMegabytes);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        Input = MaterialForm.From(Material);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        if (!ModelState.IsValid) return Page();
        var details = Input.ToDetails();
        // The form has no link field for a file: keep it a file whatever was posted.
        if (!Material.IsLink) details = details with { Link = null };
        return Done(await desk.EditAsync(Material, details, Input.Version, ct), Tr.Key("“{0}” is saved."));
    }

    public async Task<IActionResult> OnPostReplaceAsync(Guid id, CancellationToken ct)
    {
        ModelState.Clear(); // only the file is posted here
        if (await LoadAsync(id, ct) is { } refused) return refused;
        Input = MaterialForm.From(Material);
        if (Upload is null)
        {
            ModelState.AddModelError("Upload", Tr.T("Choose the new file."));
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        return Done(await desk.ReplaceFileAsync(Material, Upload, Viewer.UserId, ct), Tr.Key("“{0}” has a new file."));
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken ct)
    {
        ModelState.Clear();
        if (await LoadAsync(id, ct) is { } refused) return refused;
        await desk.DeleteAsync(Material, ct);
        TempData[Flash.Key] = Tr.T("“{0}” is removed.", Material.Title);
        return Redirect(Target.ListUrl);
    }

    /// <param name="done">The flash, with {0} for the material's title (a Tr.Key text, translated here).</param>
    private IActionResult Done(EditResult result, string done)
    {
        if (result.Error is not null)
        {
            ModelState.AddModelError(result.Field == "File" ? "Upload" : FormFields.Key(result.Field), result.Error);
            Response.StatusCode = result.RefusedStatus;
            // After a conflict their input stays; saving again now knowingly replaces the other person's version.
            if (result.Stale) Input.Version = Workshops.Core.Data.Versions.Of(db.Materials.AsNoTracking().Where(m => m.Id == Material.Id).Select(m => m.UpdatedAt).First());
            return Page();
        }
        TempData[Flash.Key] = Tr.T(done, Material.Title);
        return Redirect(Target.ListUrl + "#material-" + Material.Id);
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var material = await db.Materials.FirstOrDefaultAsync(m => m.Id == id, ct);
        if (material is null) return NotFound();
        var target = await MaterialTarget.OfAsync(db, material, ct);
        if (target is null) return NotFound();
        (Material, Target) = (material, target);
        Viewer = await viewers.ForAsync(User, ct);
        if (!await target.CanManageAsync(db, Viewer, ct)) return Forbid();
        // A speaker manages their session's materials, but not one the organisers keep to themselves.
        if (!Viewer.CanSee(material.Visibility, material.WorkshopId) && material.CreatedById != Viewer.UserId) return Forbid();
        Versions = await db.MaterialFiles.AsNoTracking().Where(f => f.MaterialId == id).OrderByDescending(f => f.Number).ToListAsync(ct);
        return null;
    }
}
