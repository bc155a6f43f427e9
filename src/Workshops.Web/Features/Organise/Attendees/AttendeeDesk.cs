using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;
using Workshops.Core.Domain.Common;
using Workshops.Core.Domain.Community.Attendees;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Features.Organise.Attendees;

/// <summary>Every change to a past event's attendee list goes through here: a new file, making it public or private, taking it away.</summary>
public sealed class AttendeeDesk(AppDbContext db, TimeProvider clock, IOutputCacheStore pages)
{
    /// <summary>Puts the file's people in place of the list's, creating the list the first time. Answers the countries it could not read.</summary>
    public async Task<EditResult<IReadOnlyList<string>>> UploadAsync(Guid eventId, string text, long? version, CancellationToken ct)
    {
        try
        {
            var rows = AttendeeCsv.Read(text);
            if (rows.Count == 0) return EditResult<IReadOnlyList<string>>.Fail("File", Tr.T("The file has a header but nobody in it."));
            var list = await db.AttendeeLists.FirstOrDefaultAsync(l => l.ArchivedEventId == eventId, ct);
            if (list is null)
            {
                list = AttendeeList.For(eventId, clock.GetUtcNow());
                db.AttendeeLists.Add(list);
            }
            else db.Expect(list, version);
            list.Replace(rows, clock.GetUtcNow());
            list.KeepFromImports();
            var saved = await SaveAsync(ct);
            return saved.Succeeded ? EditResult<IReadOnlyList<string>>.Ok(AttendeeCsv.UnknownCountries(rows), list.Id) : EditResult<IReadOnlyList<string>>.From(saved);
        }
        catch (DomainException e)
        {
            return EditResult<IReadOnlyList<string>>.Refused(e);
        }
    }

    public async Task<EditResult> PublishAsync(Guid eventId, bool isPublic, long? version, CancellationToken ct)
    {
        var list = await db.AttendeeLists.FirstOrDefaultAsync(l => l.ArchivedEventId == eventId, ct);
        if (list is null) return EditResult.Fail(null, Tr.T("This event has no attendee list yet."));
        db.Expect(list, version);
        list.Publish(isPublic, clock.GetUtcNow());
        return await SaveAsync(ct);
    }

    public async Task<EditResult> DeleteAsync(Guid eventId, long? version, CancellationToken ct)
    {
        var list = await db.AttendeeLists.FirstOrDefaultAsync(l => l.ArchivedEventId == eventId, ct);
        if (list is null) return EditResult.Ok();
        db.Expect(list, version);
        db.AttendeeLists.Remove(list);
        return await SaveAsync(ct);
    }

    private async Task<EditResult> SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            await pages.EvictAsync(ct);
            return EditResult.Ok();
        }
        catch (DbUpdateException)
        {
            // Another organiser changed the list, or created it at the same moment: nothing of this save is kept.
            db.ChangeTracker.Clear();
            return EditResult.Conflict(Tr.T("this attendee list"));
        }
    }
}
