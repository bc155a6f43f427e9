using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;
using Workshops.Core.Email;

namespace Workshops.Core.Privacy;

/// <summary>
/// Erases one kind of a workshop's personal data, for an organiser on the workshop's Data page or for the daily
/// retention job, and logs it. What the statistics count (registrations by status, track and country) stays.
/// </summary>
public sealed class WorkshopEraser(AppDbContext db, TimeProvider clock)
{
    /// <summary>How much of each kind the workshop holds now: what erasing it would remove.</summary>
    public async Task<IReadOnlyDictionary<PersonalDataKind, int>> HeldAsync(Guid workshopId, CancellationToken ct)
    {
        var registrations = await db.Registrations.AsNoTracking().Where(r => r.WorkshopId == workshopId).ToListAsync(ct);
        return new Dictionary<PersonalDataKind, int>
        {
            [PersonalDataKind.Answers] = registrations.Sum(r => r.Answers.Count),
            [PersonalDataKind.Nationalities] = registrations.Count(r => r.PassportNationality is not null || r.WantsLetter),
            [PersonalDataKind.CheckIns] = registrations.Count(r => r.CheckedInAt is not null),
            [PersonalDataKind.EmailLogs] = (await EmailLogAsync(workshopId, registrations.Select(r => r.Id), ct)).Count,
            [PersonalDataKind.ParticipantList] = registrations.Count(r => !r.IsErased),
        };
    }

    /// <summary>Erases the kind and logs it; answers how many were erased (0 logs nothing).</summary>
    public async Task<int> EraseAsync(Guid workshopId, PersonalDataKind kind, string? byUserId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var registrations = await db.Registrations.Where(r => r.WorkshopId == workshopId).ToListAsync(ct);
        var ids = registrations.Select(r => r.Id).ToList();
        var count = 0;
        switch (kind)
        {
            case PersonalDataKind.Answers:
                count = registrations.Sum(r => r.ForgetAnswers(now));
                break;
            case PersonalDataKind.Nationalities:
                var forgotten = registrations.Where(r => r.ForgetNationality(now)).Select(r => r.Id).ToList();
                count = forgotten.Count;
                // The letters are printed in the packs.
                await db.AttendeePacks.Where(p => forgotten.Contains(p.RegistrationId)).ExecuteDeleteAsync(ct);
                break;
            case PersonalDataKind.CheckIns:
                count = registrations.Count(r => r.ForgetCheckInTime(now));
                break;
            case PersonalDataKind.EmailLogs:
                var log = await EmailLogAsync(workshopId, ids, ct);
                count = await db.OutboxMessages.Where(m => log.Contains(m.Id)).ExecuteDeleteAsync(ct);
                break;
            case PersonalDataKind.ParticipantList:
                var people = registrations.Where(r => !r.IsErased).ToList();
                foreach (var registration in people) registration.Erase(now);
                count = people.Count;
                await db.AttendeePacks.Where(p => ids.Contains(p.RegistrationId)).ExecuteDeleteAsync(ct);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a kind of a workshop's data.");
        }
        if (count > 0) db.ErasureRecords.Add(ErasureRecord.Of(workshopId, kind, count, byUserId, now));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return count;
    }

    /// <summary>
    /// The emails sent or failed about the workshop: to its registrations (their reference starts with the
    /// registration's id) and its announcements. Waiting ones are left to go.
    /// </summary>
    private async Task<List<Guid>> EmailLogAsync(Guid workshopId, IEnumerable<Guid> registrationIds, CancellationToken ct)
    {
        var registrations = registrationIds.Select(id => id.ToString()).ToHashSet();
        var campaigns = await db.Announcements.Where(a => a.WorkshopId == workshopId).Select(a => (Guid?)a.Id).ToListAsync(ct);
        var done = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.Status == OutboxStatus.Sent || m.Status == OutboxStatus.Failed)
            .Select(m => new { m.Id, m.Reference, m.CampaignId }).ToListAsync(ct);
        return done.Where(m => m.Reference.Length >= 36 && registrations.Contains(m.Reference[..36]) || campaigns.Contains(m.CampaignId))
            .Select(m => m.Id).ToList();
    }
}
