using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Workshops.Core;
using Workshops.Core.Data;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Features.Organise.Announcements;

public sealed class NewModel(AppDbContext db, AnnouncementDesk desk, SiteAddress address) : PageModel
{
    [BindProperty] public AnnouncementForm Input { get; set; } = new();
    public ComposeView View { get; private set; } = null!;

    private string Origin => address.Origin;

    public async Task OnGetAsync(Guid? workshopId, CancellationToken ct)
    {
        // Nobody is ticked: an audience is chosen, never assumed (a note for one workshop's participants must not reach the community).
        // Written in the workshop's language when it is about one, else in the organiser's.
        var language = workshopId is { } w ? (await desk.WorkshopAsync(w, ct))?.Language : null;
        Input = new AnnouncementForm { WorkshopId = workshopId, Language = language ?? Tr.Language };
        View = await ComposeView.LoadAsync(db, Input, Origin, ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var result = await desk.CreateAsync(Input, User.Id()!, Origin, ct);
            if (result.Id is { } id)
            {
                TempData[Flash.Key] = Tr.T("The draft is saved. Check who receives it and the preview below, then send it or schedule it.");
                return Redirect($"/organise/announcements/{id}");
            }
            result.ShowIn(ModelState, FormFields.Key);
        }
        View = await ComposeView.LoadAsync(db, Input, Origin, ct);
        return Page();
    }
}
