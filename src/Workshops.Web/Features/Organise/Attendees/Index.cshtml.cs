using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;
using Workshops.Core.Domain.Archive;
using Workshops.Core.Domain.Community.Attendees;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Features.Organise.Attendees;

/// <summary>A past event's attendee list as organisers keep it: upload a spreadsheet (CSV), make the names public or not, or take the list away.</summary>
public sealed class IndexModel(AppDbContext db, AttendeeDesk desk) : PageModel
{
    public ArchivedEvent Event { get; private set; } = null!;
    public AttendeeList? List { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct) => await LoadAsync(slug, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostUploadAsync(string slug, IFormFile? file, long? version, CancellationToken ct)
    {
        if (!await LoadAsync(slug, ct)) return NotFound();
        if (file is null || file.Length == 0) return await RefuseAsync(slug, Tr.T("Choose a CSV file with the columns name, organisation and country."), 422, ct);
        if (file.Length > AttendeeCsv.MaxBytes) return await RefuseAsync(slug, Tr.T("The file is larger than {0} MB; a list this long is not an attendee list.", AttendeeCsv.MaxBytes / 1024 / 1024), 413, ct);
        string text;
        using (var reader = new StreamReader(file.OpenReadStream(), Encoding.UTF8, detectEncodingFromByteOrderMarks: true)) text = await reader.ReadToEndAsync(ct);
        var result = await desk.UploadAsync(Event.Id, text, version, ct);
        if (!result.Succeeded) return await RefuseAsync(slug, result.Error!, result.RefusedStatus, ct);
        var unknown = result.Value!;
        TempData[Flash.Key] = unknown.Count == 0 ? Tr.T("The attendee list is saved.")
            : Tr.T("The attendee list is saved. These countries could not be read and are left blank: {0}.", string.Join(", ", unknown));
        return Redirect($"/organise/archive/{slug}/attendees");
    }

    public async Task<IActionResult> OnPostPublishAsync(string slug, bool isPublic, long? version, CancellationToken ct)
    {
        if (!await LoadAsync(slug, ct)) return NotFound();
        var result = await desk.PublishAsync(Event.Id, isPublic, version, ct);
        if (!result.Succeeded) return await RefuseAsync(slug, result.Error!, result.RefusedStatus, ct);
        TempData[Flash.Key] = isPublic ? Tr.T("Visitors now see the names on the event's page.") : Tr.T("The names are now seen by organisers only.");
        return Redirect($"/organise/archive/{slug}/attendees");
    }

    private async Task<IActionResult> RefuseAsync(string slug, string message, int status, CancellationToken ct)
    {
        ModelState.AddModelError("file", message);
        await LoadAsync(slug, ct);
        Response.StatusCode = status;
        return Page();
    }

    private async Task<bool> LoadAsync(string slug, CancellationToken ct)
    {
        var e = await db.ArchivedEvents.AsNoTracking().FirstOrDefaultAsync(x => x.Slug == slug, ct);
        if (e is null) return false;
        Event = e;
        List = await db.AttendeeLists.AsNoTracking().FirstOrDefaultAsync(l => l.ArchivedEventId == e.Id, ct);
        return true;
    }
}
