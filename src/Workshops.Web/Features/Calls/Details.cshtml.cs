using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;
using Workshops.Core.Domain.Proposals;

namespace Workshops.Web.Features.Calls;

public sealed class DetailsModel(AppDbContext db, Shared.YourStatus your, TimeProvider clock) : PageModel
{
    public IReadOnlyList<Shared.YourProposal> Yours { get; private set; } = [];

    public Call Call { get; private set; } = null!;
    public DateTimeOffset Now { get; private set; }
    public Core.Domain.Workshops.Workshop? Workshop { get; private set; }
    public IReadOnlyDictionary<Guid, string> TrackNames { get; private set; } = new Dictionary<Guid, string>();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var call = await PublicCalls.Of(db).AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (call is null) return NotFound();
        Call = call;
        Now = clock.GetUtcNow();
        if (call.WorkshopId is { } workshopId)
            Workshop = await db.Workshops.AsNoTracking().FirstOrDefaultAsync(w => w.Id == workshopId, ct);
        TrackNames = await Proposals.SessionTracks.NamesAsync(db, call, ct);
        Yours = await your.ProposalsAsync(User.Id(), id, ct);
        return Page();
    }
}
