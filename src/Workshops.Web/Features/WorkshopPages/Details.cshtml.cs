using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Workshops.Web.Infrastructure;
using Workshops.Core.Domain.Workshops;

namespace Workshops.Web.Features.WorkshopPages;

[OutputCache(PolicyName = PublicPageCache.Policy)]
public sealed class DetailsModel(WorkshopQueries queries, Core.Data.AppDbContext db, Shared.YourStatus your, TimeProvider clock) : PageModel
{
    /// <summary>The signed-in person's registration, shown instead of the Register button.</summary>
    public Shared.YourRegistration? Yours { get; private set; }

    public Workshop Workshop { get; private set; } = null!;
    public bool IsPast { get; private set; }
    public Core.Domain.Registrations.RegistrationSetup? Registration { get; private set; }
    /// <summary>Travel support the workshop offers, when it does.</summary>
    public Core.Domain.Travel.TravelFund? Travel { get; private set; }
    public DateTimeOffset Now { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var workshop = await queries.FindPublicAsync(slug, ct);
        if (workshop is null) return NotFound();
        Workshop = workshop;
        Now = clock.GetUtcNow();
        IsPast = workshop.EndsAt < Now;
        Registration = await db.RegistrationSetups.AsNoTracking().FirstOrDefaultAsync(s => s.WorkshopId == workshop.Id, ct);
        Travel = await db.TravelFunds.AsNoTracking().FirstOrDefaultAsync(f => f.WorkshopId == workshop.Id && f.Offered, ct);
        Yours = await your.RegistrationAsync(User.Id(), workshop.Id, ct);
        return Page();
    }
}
