using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;
using Workshops.Core.Domain.Registrations;
using Workshops.Core.Domain.Workshops;
using Workshops.Web.Features.Registrations;

namespace Workshops.Web.Features.Organise.Registrations;

/// <summary>The door: an organiser types or scans a participant's code and sees who it is; a second check-in says so.</summary>
public sealed class CheckInModel(AppDbContext db, RegistrationDesk desk, TimeProvider clock) : PageModel
{
    public sealed record Outcome(bool Ok, string Headline, Registration? Registration, string? Detail);

    [BindProperty] public string? Code { get; set; }
    public Workshop Workshop { get; private set; } = null!;
    public Outcome? Result { get; private set; }
    public int CheckedIn { get; private set; }
    public int Expected { get; private set; }
    /// <summary>The code found an admitted participant, but the workshop is not on: the door asks before checking in.</summary>
    public bool AskAnyway { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, bool anyway, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var setup = await db.RegistrationSetups.AsNoTracking().FirstAsync(s => s.WorkshopId == id, ct);
        var code = CheckInCode.Normalize(Code ?? "");
        var holders = await db.Registrations.AsNoTracking()
            .Where(r => r.WorkshopId == id && (r.Status == RegistrationStatus.Admitted || r.Status == RegistrationStatus.CheckedIn))
            .ToListAsync(ct);
        var found = holders.FirstOrDefault(r => CheckInCode.For(setup, r.Id) == code);
        if (found is null)
        {
            Result = new Outcome(false, Tr.T("Not found"), null, Tr.T("No admitted participant of this workshop has the code “{0}”. Check it, or look them up in the registrations.", Code?.Trim()));
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        }
        else if (found.Status == RegistrationStatus.CheckedIn)
        {
            Result = new Outcome(false, Tr.T("Already checked in"), found, Tr.T("This code was checked in at {0}.", Local(found.CheckedInAt!.Value)));
            Response.StatusCode = StatusCodes.Status409Conflict;
        }
        else if (!anyway && !Workshop.IsCheckInTime(clock.GetUtcNow()))
        {
            // Months early is a mistake more often than not, and checking in sends the welcome email at once.
            Result = new Outcome(false, Tr.T("Not checked in yet"), found,
                Tr.T("{0} runs {1}, and today is not one of its days. Check in anyway only if they are at the door.", Workshop.Title, Formats.DateRange(Workshop.StartsLocal, Workshop.EndsLocal)));
            AskAnyway = true;
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
        else
        {
            var moved = await desk.MoveAsync(found.Id, RegistrationStatus.CheckedIn, User.Id(), ct);
            Result = moved.Error is null
                ? new Outcome(true, Tr.T("Welcome"), found, null)
                : new Outcome(false, Tr.T("Not checked in"), found, moved.Error);
            if (moved.Error is not null) Response.StatusCode = StatusCodes.Status409Conflict;
        }
        Code = null;
        await CountAsync(id, ct);
        return Page();
    }

    public string TrackName(Guid? trackId) => Workshop.Tracks.FirstOrDefault(t => t.Id == trackId)?.Name ?? "–";

    private string Local(DateTimeOffset at) => Formats.WeekdayAndTime(WorkshopTime.ToLocal(at, WorkshopTime.Zone(Workshop.TimeZoneId)));

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var workshop = await db.Workshops.AsNoTracking().FirstOrDefaultAsync(w => w.Id == id, ct);
        if (workshop is null || !await db.RegistrationSetups.AnyAsync(s => s.WorkshopId == id, ct)) return false;
        Workshop = workshop;
        await CountAsync(id, ct);
        return true;
    }

    private async Task CountAsync(Guid id, CancellationToken ct)
    {
        CheckedIn = await db.Registrations.CountAsync(r => r.WorkshopId == id && r.Status == RegistrationStatus.CheckedIn, ct);
        Expected = CheckedIn + await db.Registrations.CountAsync(r => r.WorkshopId == id && r.Status == RegistrationStatus.Admitted, ct);
    }
}
