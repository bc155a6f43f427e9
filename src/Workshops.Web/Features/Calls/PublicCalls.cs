using Workshops.Core.Data;
using Workshops.Core.Domain.Proposals;
using Workshops.Core.Domain.Workshops;

namespace Workshops.Web.Features.Calls;

/// <summary>
/// The calls anyone may see: calls for workshops, and calls for sessions of a workshop the public can see. A call
/// of a workshop still in draft names it and its tracks, so it stays hidden until the workshop is published.
/// </summary>
public static class PublicCalls
{
    public static IQueryable<Call> Of(AppDbContext db) =>
        db.Calls.Where(c => c.WorkshopId == null
            || db.Workshops.Any(w => w.Id == c.WorkshopId && WorkshopStatuses.Public.Contains(w.Status)));
}
