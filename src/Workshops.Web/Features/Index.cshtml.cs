using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.OutputCaching;
using Workshops.Web.Infrastructure;
using Workshops.Core.Domain.Workshops;
using Workshops.Web.Features.WorkshopPages;

namespace Workshops.Web.Features;

[OutputCache(PolicyName = PublicPageCache.Policy)]
public sealed class IndexModel(WorkshopQueries queries, Core.Data.AppDbContext db, Shared.YourStatus your, TimeProvider clock) : PageModel
{
    public IReadOnlyList<Workshop> Upcoming { get; private set; } = [];
    public IReadOnlyList<Workshop> Past { get; private set; } = [];
    /// <summary>The upcoming workshops' registration settings, to say whether registration is open.</summary>
    public IReadOnlyDictionary<Guid, Core.Domain.Registrations.RegistrationSetup> Registration { get; private set; } =
        new Dictionary<Guid, Core.Domain.Registrations.RegistrationSetup>();
    /// <summary>The signed-in person's registrations for them.</summary>
    public IReadOnlyDictionary<Guid, Shared.YourRegistration> Yours { get; private set; } = new Dictionary<Guid, Shared.YourRegistration>();
    public DateTimeOffset Now { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Now = clock.GetUtcNow();
        (Upcoming, Past) = await queries.HomeAsync(ct);
        var ids = Upcoming.Select(w => w.Id).ToList();
        Registration = await db.RegistrationSetups.AsNoTracking().Where(s => ids.Contains(s.WorkshopId)).ToDictionaryAsync(s => s.WorkshopId, ct);
        Yours = await your.RegistrationsAsync(User.Id(), ids, ct);
    }
}
