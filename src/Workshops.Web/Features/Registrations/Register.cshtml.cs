using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Domain.Accounts;
using Workshops.Core.Data;
using Workshops.Core.Domain.Registrations;
using Workshops.Core.Domain.Workshops;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Features.Registrations;

/// <summary>Registering for a workshop, open between the registration window's dates, with an account.</summary>
[Authorize]
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Workshops.Core.Security.RateLimitOptions.Register)]
public sealed class RegisterModel(AppDbContext db, RegistrationDesk desk, UserManager<AppUser> users, RegistrationConsents consents, TimeProvider clock) : PageModel
{
    [BindProperty] public RegistrationForm Input { get; set; } = new();
    public Workshop Workshop { get; private set; } = null!;
    public RegistrationSetup Setup { get; private set; } = null!;
    public bool IsOpen { get; private set; }
    public DateTimeOffset Now { get; private set; }
    /// <summary>Who answers for the workshop's data, named beside the privacy notice.</summary>
    public string? Controller { get; private set; }
    /// <summary>The workshop takes applications for travel support now: the form offers to go on to one.</summary>
    public bool TravelOpen { get; private set; }
    [BindProperty] public bool ApplyForTravel { get; set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        if (!await LoadAsync(slug, ct)) return NotFound();
        if ((await desk.ExistingAsync(Workshop.Id, UserId, null, ct)).Mine is { } mine) return Redirect($"/registrations/{mine}");
        Input = RegistrationForm.For((await users.GetUserAsync(User))!);
        await ShowTravelAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken ct)
    {
        if (!await LoadAsync(slug, ct)) return NotFound();
        // A registration goes to the account's own confirmed address, never to one typed in the form: the receipt and
        // the private link must not reach someone else's inbox.
        var me = await users.GetUserAsync(User);
        if (me?.Email is null || !me.EmailConfirmed) return StatusCode(StatusCodes.Status403Forbidden);
        Input.Email = me.Email;
        ModelState.Remove($"{nameof(Input)}.{nameof(Input.Email)}");
        var (mine, emailTaken) = await desk.ExistingAsync(Workshop.Id, UserId, Input.Email, ct);
        if (mine is not null) return Redirect($"/registrations/{mine}");
        if (!ModelState.IsValid)
        {
            // The form's own checks found something: add the domain's (answers, the privacy notice) so every problem shows at once.
            foreach (var p in RegistrationDesk.ProblemsOf(Workshop, Setup, UserId, Input, Now))
                if (ModelState[RegistrationForm.Key(p.Field)] is not { Errors.Count: > 0 }) ModelState.AddModelError(RegistrationForm.Key(p.Field), p.Message);
            await ShowTravelAsync();
            return Page();
        }
        var result = await desk.RegisterAsync(Workshop, Setup, UserId, Input, emailTaken, ct);
        if (result.Error is null)
        {
            if (ApplyForTravel && await ShowTravelAsync())
            {
                TempData[Flash.Key] = Tr.T("You are registered, and we emailed you a receipt. Now tell us what your travel costs.");
                return Redirect($"/registrations/{result.Id}/travel");
            }
            TempData[Flash.Key] = Tr.T("You are registered. We emailed you a receipt with a link to this page.");
            return Redirect($"/registrations/{result.Id}");
        }
        result.ShowIn(ModelState, RegistrationForm.Key);
        // The window closed while the form was open: the rule said no, not the form.
        if (result.Field is null) Response.StatusCode = StatusCodes.Status409Conflict;
        await ShowTravelAsync();
        return Page();
    }

    private string UserId => User.Id()!;

    // Compiled once: these two reads run with every registration attempt, and registration opening is a rush.
    private static readonly Func<AppDbContext, string, Task<Workshop?>> PublishedBySlug = EF.CompileAsyncQuery(
        (AppDbContext db, string slug) => db.Workshops.AsNoTracking().FirstOrDefault(w => w.Slug == slug && w.Status == WorkshopStatus.Published));

    private static readonly Func<AppDbContext, Guid, Task<RegistrationSetup?>> SetupOf = EF.CompileAsyncQuery(
        (AppDbContext db, Guid workshopId) => db.RegistrationSetups.AsNoTracking().FirstOrDefault(s => s.WorkshopId == workshopId));

    private static readonly Func<AppDbContext, Guid, Task<TravelWindow?>> TravelWindowOf = EF.CompileAsyncQuery(
        (AppDbContext db, Guid workshopId) => db.TravelFunds.Where(f => f.WorkshopId == workshopId)
            .Select(f => new TravelWindow(f.Offered, f.OpensAt, f.ClosesAt)).FirstOrDefault());

    public sealed record TravelWindow(bool Offered, DateTimeOffset OpensAt, DateTimeOffset ClosesAt);

    /// <summary>
    /// Whether travel support takes applications now: read for the form and for one who asked, never for every
    /// registration of the rush when registration opens.
    /// </summary>
    private async Task<bool> ShowTravelAsync()
    {
        var fund = await TravelWindowOf(db, Workshop.Id);
        return TravelOpen = fund is { Offered: true } && fund.OpensAt <= Now && Now < fund.ClosesAt;
    }

    private async Task<bool> LoadAsync(string slug, CancellationToken ct)
    {
        var workshop = await PublishedBySlug(db, slug);
        if (workshop is null) return false;
        var setup = await SetupOf(db, workshop.Id);
        if (setup is null) return false;
        (Workshop, Setup, Now) = (workshop, setup, clock.GetUtcNow());
        Controller = await consents.ControllerAsync(setup, CancellationToken.None);
        IsOpen = setup.IsOpen(Now);
        return true;
    }
}
