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
    /// <summary>
    /// Answers may go at any time. The rest is still needed until the workshop is over: letters for visas, check-in
    /// at the door, the emails reminders are counted by, and people's registrations.
    /// </summary>
    public static bool MayErase(PersonalDataKind kind, DateTimeOffset workshopEndsAt, DateTimeOffset now) =>
        kind == PersonalDataKind.Answers || workshopEndsAt <= now;

    /// <summary>How much of each kind the workshop holds now: what erasing it would remove.</summary>
    public async Task<IReadOnlyDictionary<PersonalDataKind, int>> HeldAsync(Guid workshopId, CancellationToken ct)
    {
        var registrations = await db.Registrations.AsNoTracking().Where(r => r.WorkshopId == workshopId).ToListAsync(ct);
        var applications = await db.TravelApplications.AsNoTracking().Where(a => a.WorkshopId == workshopId).ToListAsync(ct);
        return new Dictionary<PersonalDataKind, int>
        {
            [PersonalDataKind.Answers] = registrations.Sum(r => r.Answers.Count) + applications.Where(Decided).Sum(a => a.Answers.Count),
            [PersonalDataKind.Nationalities] = registrations.Count(r => r.PassportNationality is not null || r.WantsLetter),
            [PersonalDataKind.CheckIns] = registrations.Count(r => r.CheckedInAt is not null),
            [PersonalDataKind.EmailLogs] = await (await EmailLogAsync(workshopId, registrations.Select(r => r.Id), ct)).CountAsync(ct),
            [PersonalDataKind.ParticipantList] = registrations.Count(r => !r.IsErased),
        };
    }

    /// <summary>Erases the kind and logs it; answers how many were erased (0 logs nothing).</summary>
    public async Task<int> EraseAsync(Guid workshopId, PersonalDataKind kind, string? byUserId, CancellationToken ct)
    {
        // A registration saved at the same moment (a participant's edit, an organiser's decision) fails the save;
        // reading again finds it as it is now.
        for (var attempt = 1; ; attempt++)
        {
            try { return await TryEraseAsync(workshopId, kind, byUserId, ct); }
            catch (DbUpdateConcurrencyException) when (attempt < 3) { db.ChangeTracker.Clear(); }
            finally { db.ChangeTracker.Clear(); }
        }
    }

    /// <summary>
    /// A travel support application whose decision is made (or that was withdrawn): its answers no longer serve the
    /// reviewers. One still being decided keeps them.
    /// </summary>
    private static bool Decided(Domain.Travel.TravelApplication a) =>
        a.Status is not (Domain.Travel.TravelStatus.Draft or Domain.Travel.TravelStatus.Submitted or Domain.Travel.TravelStatus.Reserve);

    private async Task<int> TryEraseAsync(Guid workshopId, PersonalDataKind kind, string? byUserId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var registrations = await db.Registrations.Where(r => r.WorkshopId == workshopId).ToListAsync(ct);
        var applications = kind is PersonalDataKind.Answers or PersonalDataKind.ParticipantList
            ? await db.TravelApplications.Where(a => a.WorkshopId == workshopId).ToListAsync(ct)
            : [];
        var ids = registrations.Select(r => r.Id).ToList();
        List<Guid> packs = [];
        var emails = false;
        var count = 0;
        switch (kind)
        {
            case PersonalDataKind.Answers:
                count = registrations.Sum(r => r.ForgetAnswers(now)) + applications.Where(Decided).Sum(a => a.ForgetAnswers(now));
                break;
            case PersonalDataKind.Nationalities:
                // The letters were printed in the packs, which go with them; a pack made again has no letter.
                packs = registrations.Where(r => r.ForgetNationality(now)).Select(r => r.Id).ToList();
                count = packs.Count;
                break;
            case PersonalDataKind.CheckIns:
                count = registrations.Count(r => r.ForgetCheckInTime(now));
                break;
            case PersonalDataKind.EmailLogs:
                emails = true;
                break;
            case PersonalDataKind.ParticipantList:
                var people = registrations.Where(r => !r.IsErased).ToList();
                foreach (var registration in people) registration.Erase(now);
                // Travel support keeps its amounts and statuses for the fund's accounts, without who it was.
                foreach (var application in applications.Where(a => !a.IsErased)) application.Erase(now);
                // Receipts stay as the fund's evidence; their names (often the person's) go.
                var applicationIds = applications.Select(a => a.Id).ToList();
                foreach (var receipt in await db.TravelReceipts.Where(r => applicationIds.Contains(r.ApplicationId)).ToListAsync(ct)) receipt.Anonymise();
                count = people.Count;
                packs = ids;
                emails = true;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a kind of a workshop's data.");
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (packs.Count > 0) await db.AttendeePacks.Where(p => packs.Contains(p.RegistrationId)).ExecuteDeleteAsync(ct);
        if (emails)
        {
            var deleted = await (await EmailLogAsync(workshopId, ids, ct)).ExecuteDeleteAsync(ct);
            if (kind == PersonalDataKind.EmailLogs) count = deleted;
        }
        if (kind == PersonalDataKind.ParticipantList)
            // Their choices about a list that no longer names them end with it.
            await db.Consents.Where(c => c.RegistrationId != null && ids.Contains(c.RegistrationId.Value) && c.WithdrawnAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.WithdrawnAt, now), ct);
        if (count > 0) db.ErasureRecords.Add(ErasureRecord.Of(workshopId, kind, count, byUserId, now));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return count;
    }

    /// <summary>
    /// The emails sent, or failed, about the workshop: to its registrations (their reference starts with the
    /// registration's id), its announcements, its reminders (their reference names the workshop) and its published
    /// agendas. Waiting ones are left to go.
    /// </summary>
    private async Task<IQueryable<OutboxMessage>> EmailLogAsync(Guid workshopId, IEnumerable<Guid> registrationIds, CancellationToken ct)
    {
        // References are written by .NET (lower-case ids); the ids are turned into text here, never by the database.
        var registrations = registrationIds.Select(id => id.ToString()).ToList();
        var workshop = workshopId.ToString("N");
        var campaigns = await db.Announcements.Where(a => a.WorkshopId == workshopId).Select(a => (Guid?)a.Id).ToListAsync(ct);
        var versions = (await db.AgendaVersions.Where(v => v.WorkshopId == workshopId).Select(v => v.Id).ToListAsync(ct)).Select(id => id.ToString()).ToList();
        return db.OutboxMessages.Where(m => (m.Status == OutboxStatus.Sent || m.Status == OutboxStatus.Failed)
            && (campaigns.Contains(m.CampaignId) || m.Reference.Length >= 36 && registrations.Contains(m.Reference.Substring(0, 36))
                || m.Reference.Contains(workshop) || versions.Contains(m.Reference)));
    }
}
