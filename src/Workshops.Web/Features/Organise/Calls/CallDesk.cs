using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;
using Workshops.Core.Domain.Common;
using Workshops.Core.Domain.Proposals;

namespace Workshops.Web.Features.Organise.Calls;

/// <summary>Organisers open and change calls here, one save per change.</summary>
public sealed class CallDesk(AppDbContext db, TimeProvider clock)
{
    public async Task<EditResult> CreateAsync(CallForm form, CancellationToken ct)
    {
        try
        {
            Call call;
            if (form.WorkshopId is { } workshopId)
            {
                var workshop = await db.Workshops.FirstOrDefaultAsync(w => w.Id == workshopId, ct);
                if (workshop is null) return EditResult.Fail(null, Tr.T("This workshop no longer exists."));
                call = Call.ForSessions(workshop, form.ToDetails(), form.ToQuestions(), form.ToCriteria(), form.ToSessionSetup(), clock.GetUtcNow());
            }
            else
                call = Call.ForWorkshops(form.ToDetails(), form.ToQuestions(), form.ToCriteria(), clock.GetUtcNow());
            db.Calls.Add(call);
            await db.SaveChangesAsync(ct);
            return EditResult.Ok(call.Id);
        }
        catch (DomainException e)
        {
            return EditResult.Refused(e);
        }
    }

    public async Task<EditResult> UpdateAsync(Guid id, CallForm form, CancellationToken ct)
    {
        var call = await db.Calls.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (call is null) return EditResult.Fail(null, Tr.T("This call no longer exists."));
        db.Expect(call, form.Version);
        try
        {
            if (call.Kind == CallKind.Sessions)
            {
                // The workshop is the call's own, whatever the form says.
                var workshop = await db.Workshops.FirstAsync(w => w.Id == call.WorkshopId, ct);
                call.Update(form.ToDetails() with { Year = workshop.Year }, form.ToQuestions(), form.ToCriteria(), clock.GetUtcNow(), form.ToSessionSetup(), workshop);
            }
            else
                call.Update(form.ToDetails(), form.ToQuestions(), form.ToCriteria(), clock.GetUtcNow());
            return await db.TrySaveAsync(ct) ? EditResult.Ok(call.Id) : EditResult.Conflict(Tr.T("this call"));
        }
        catch (DomainException e)
        {
            return EditResult.Refused(e);
        }
    }
}
