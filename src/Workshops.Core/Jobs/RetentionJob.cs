using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Workshops.Core.Data;
using Workshops.Core.Email;
using Workshops.Core.Privacy;

namespace Workshops.Core.Jobs;

/// <summary>What a retention run erased, kind by kind.</summary>
public sealed record RetentionResult(IReadOnlyDictionary<PersonalDataKind, int> Erased);

/// <summary>
/// Daily: erases what is past the periods admins set (nationalities and letters, answers, the texts of sent emails,
/// the security log), workshop by workshop, logging each count as the job's own erasure.
/// </summary>
public sealed class RetentionJob(AppDbContext db, WorkshopEraser eraser, PrivacySettingsStore settings, TimeProvider clock, ILogger<RetentionJob> log)
{
    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    public async Task<RetentionResult> Run(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var periods = await settings.GetAsync(ct);
        var erased = new Dictionary<PersonalDataKind, int>();
        foreach (var kind in new[] { PersonalDataKind.Nationalities, PersonalDataKind.Answers })
        {
            var endedBefore = now.AddDays(-periods.DaysFor(kind));
            var workshops = await db.Workshops.Where(w => w.EndsAt < endedBefore).Select(w => w.Id).ToListAsync(ct);
            foreach (var workshop in workshops)
                erased[kind] = erased.GetValueOrDefault(kind) + await eraser.EraseAsync(workshop, kind, null, ct);
        }

        var sentBefore = now.AddDays(-periods.EmailBodyDays);
        var bodies = await db.OutboxMessages
            .Where(m => (m.Status == OutboxStatus.Sent || m.Status == OutboxStatus.Failed) && m.CreatedAt < sentBefore && (m.HtmlBody != "" || m.TextBody != ""))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.HtmlBody, "").SetProperty(m => m.TextBody, "")
                .SetProperty(m => m.AttachmentText, (string?)null).SetProperty(m => m.UnsubscribeUrl, (string?)null), ct);
        erased[PersonalDataKind.EmailBodies] = bodies;

        var loggedBefore = now.AddDays(-periods.SecurityLogDays);
        erased[PersonalDataKind.SecurityLog] = await db.SecurityEvents.Where(e => e.At < loggedBefore).ExecuteDeleteAsync(ct);

        foreach (var kind in new[] { PersonalDataKind.EmailBodies, PersonalDataKind.SecurityLog }.Where(k => erased[k] > 0))
            db.ErasureRecords.Add(ErasureRecord.Of(null, kind, erased[kind], null, now));
        await db.SaveChangesAsync(ct);
        log.LogInformation("Retention: {Erased}", string.Join(", ", erased.Select(e => $"{e.Key} {e.Value}")));
        return new RetentionResult(erased);
    }
}
