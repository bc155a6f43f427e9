using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Workshops.Core.Data;
using Workshops.Core.Storage;
using Workshops.Web.Features.Organise;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Features.Materials;

/// <summary>Adds a material (a file or a link) to a session, a workshop or an archived event.</summary>
[Authorize]
[LargeUpload]
public sealed class NewModel(AppDbContext db, MaterialViewers viewers, MaterialDesk desk, Microsoft.Extensions.Options.IOptions<StorageOptions> storage) : PageModel
{
    [BindProperty] public MaterialForm Input { get; set; } = new();
    [BindProperty] public IFormFile? Upload { get; set; }
    public MaterialTarget Target { get; private set; } = null!;
    private MaterialViewer _viewer = MaterialViewer.Anonymous;

    public string UploadHint => Tr.T("{0}; up to {1} MB.", FileKinds.Accepted, storage.Value.MaxUploadMegabytes);

    public async Task<IActionResult> OnGetAsync(Guid? workshop, Guid? session, Guid? @event, CancellationToken ct)
    {
        if (await CheckAsync(workshop, session, @event, ct) is { } refused) return refused;
        if (Target.Session is { } s) Input.Speakers = string.Join(", ", s.Speakers.OrderBy(x => x.Position).Select(x => x.Name));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? workshop, Guid? session, Guid? @event, CancellationToken ct)
    {
        if (await CheckAsync(workshop, session, @event, ct) is { } refused) return refused;
        if (!ModelState.IsValid) return Page();
        var result = await desk.CreateAsync(Target, Input.ToDetails(), Upload, _viewer.UserId, ct);
        if (result.Error is not null)
        {
            ModelState.AddModelError(result.Field == "File" ? "Upload" : FormFields.Key(result.Field), result.Error);
            Response.StatusCode = result.RefusedStatus;
            return Page();
        }
        TempData[Flash.Key] = Tr.T("“{0}” is added.", result.Value!.Title);
        return Redirect(Target.ListUrl + "#material-" + result.Value.Id);
    }

    private async Task<IActionResult?> CheckAsync(Guid? workshop, Guid? session, Guid? @event, CancellationToken ct)
    {
        var target = await MaterialTarget.FindAsync(db, workshop, session, @event, ct);
        if (target is null) return NotFound();
        Target = target;
        _viewer = await viewers.ForAsync(User, ct);
        return await target.CanManageAsync(db, _viewer, ct) ? null : Forbid();
    }
}
