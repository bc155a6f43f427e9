using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;
using Workshops.Core.Domain.Registrations;
using Workshops.Core.Domain.Workshops;

namespace Workshops.Web.Features.Organise;

/// <summary>Every workshop, newest first, each leading to its own dashboard.</summary>
public sealed class IndexModel(AppDbContext db) : PageModel
{
    public sealed record Row(Workshop Workshop, SeatPlan Seats, bool HasRegistration);

    public IReadOnlyList<Row> Workshops { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var workshops = await db.Workshops.AsNoTracking().OrderByDescending(w => w.StartsAt).ToListAsync(ct);
        var totals = await db.RegistrationSetups.AsNoTracking().Select(s => new { s.WorkshopId, s.TotalSeats }).ToDictionaryAsync(s => s.WorkshopId, s => s.TotalSeats, ct);
        Workshops = workshops.Select(w => new Row(w, SeatPlan.For(w, totals.GetValueOrDefault(w.Id)), totals.ContainsKey(w.Id))).ToList();
    }
}
