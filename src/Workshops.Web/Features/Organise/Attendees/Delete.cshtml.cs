using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;
using Workshops.Core.Domain.Archive;
using Workshops.Core.Domain.Community.Attendees;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Features.Organise.Attendees;

/// <summary>A step of its own before an event's attendee list goes: every name on it goes with it.</summary>
public sealed class DeleteModel(AppDbContext db, AttendeeDesk desk) : PageModel
{
    public ArchivedEvent Event { get; private set; } = null!;
    public AttendeeList List { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct) => await LoadAsync(slug, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string slug, long? version, CancellationToken ct)
    {
        if (!await LoadAsync(slug, ct)) return NotFound();
        var result = await desk.DeleteAsync(Event.Id, version, ct);
        if (!result.Succeeded)
        {
            ModelState.AddModelError("", result.Error!);
            Response.StatusCode = result.RefusedStatus;
            return Page();
        }
        TempData[Flash.Key] = Tr.T("The attendee list is deleted.");
        return Redirect($"/organise/archive/{slug}/attendees");
    }

    private async Task<bool> LoadAsync(string slug, CancellationToken ct)
    {
        var e = await db.ArchivedEvents.AsNoTracking().FirstOrDefaultAsync(x => x.Slug == slug, ct);
        var list = e is null ? null : await db.AttendeeLists.AsNoTracking().FirstOrDefaultAsync(l => l.ArchivedEventId == e.Id, ct);
        if (e is null || list is null) return false;
        (Event, List) = (e, list);
        return true;
    }
}
