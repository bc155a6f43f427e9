using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;
using Workshops.Core.Domain.Common;
using Workshops.Core.Domain.Proposals;

namespace Workshops.Web.Features.Organise.Calls;

/// <summary>Organisers open and change calls here, one save per change.</summary>
public sealed class CallEditor(AppDbContext db, TimeProvider clock)
{
    public async Task<EditResult> CreateAsync(CallForm form, CancellationToken ct)
    {
        try
        {
            var call = Call.ForWorkshops(form.ToDetails(), form.ToQuestions(), form.ToCriteria(), clock.GetUtcNow());
            db.Calls.Add(call);
            await db.SaveChangesAsync(ct);
            return new EditResult(call.Id);
        }
        catch (DomainException e)
        {
            return EditResult.Fail(e.Field, e.Message);
        }
    }

    public async Task<EditResult> UpdateAsync(Guid id, CallForm form, CancellationToken ct)
    {
        var call = await db.Calls.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (call is null) return EditResult.Fail(null, "This call no longer exists.");
        try
        {
            call.Update(form.ToDetails(), form.ToQuestions(), form.ToCriteria(), clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
            return new EditResult(call.Id);
        }
        catch (DomainException e)
        {
            return EditResult.Fail(e.Field, e.Message);
        }
    }
}
