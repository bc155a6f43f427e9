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
        var erased = Enum.GetValues<PersonalDataKind>().ToDictionary(k => k, _ => 0);
        // Each step on its own: one that fails is logged and tried again tomorrow, and the others still run.
        await StepAsync(PersonalDataKind.Nationalities, async () =>
        {
            var endedBefore = now.AddDays(-periods.NationalityDays);
            // Only the workshops that still hold some: the others were done on an earlier night.
            var workshops = await db.Registrations.Where(r => (r.PassportNationality != null || r.WantsLetter)
                    && db.Workshops.Any(w => w.Id == r.WorkshopId && w.EndsAt < endedBefore))
                .Select(r => r.WorkshopId).Distinct().ToListAsync(ct);
            foreach (var workshop in workshops) erased[PersonalDataKind.Nationalities] += await eraser.EraseAsync(workshop, PersonalDataKind.Nationalities, null, ct);
        });
        await StepAsync(PersonalDataKind.Answers, async () =>
        {
            var endedBefore = now.AddDays(-periods.AnswersDays);
            var workshops = await db.Registrations.Where(r => r.Answers.Any() && db.Workshops.Any(w => w.Id == r.WorkshopId && w.EndsAt < endedBefore))
                .Select(r => r.WorkshopId).Distinct().ToListAsync(ct);
            foreach (var workshop in workshops) erased[PersonalDataKind.Answers] += await eraser.EraseAsync(workshop, PersonalDataKind.Answers, null, ct);
        });
        await StepAsync(PersonalDataKind.EmailBodies, async () =>
        {
            var sentBefore = now.AddDays(-periods.EmailBodyDays);
            erased[PersonalDataKind.EmailBodies] = await db.OutboxMessages
                // Sent, or failed for good; a failed announcement's email may still be resent, so it keeps its text.
                .Where(m => (m.Status == OutboxStatus.Sent || m.Status == OutboxStatus.Failed && m.CampaignId == null) && m.CreatedAt < sentBefore
                    && (m.HtmlBody != "" || m.TextBody != ""))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.HtmlBody, "").SetProperty(m => m.TextBody, "")
                    .SetProperty(m => m.AttachmentText, (string?)null).SetProperty(m => m.UnsubscribeUrl, (string?)null), ct);
        });
        await StepAsync(PersonalDataKind.SecurityLog, async () =>
        {
            var loggedBefore = now.AddDays(-periods.SecurityLogDays);
            erased[PersonalDataKind.SecurityLog] = await db.SecurityEvents.Where(e => e.At < loggedBefore).ExecuteDeleteAsync(ct);
        });

        foreach (var kind in new[] { PersonalDataKind.EmailBodies, PersonalDataKind.SecurityLog }.Where(k => erased[k] > 0))
            db.ErasureRecords.Add(ErasureRecord.Of(null, kind, erased[kind], null, now));
        await db.SaveChangesAsync(ct);
        log.LogInformation("Retention: {Erased}", string.Join(", ", erased.Where(e => e.Value > 0).Select(e => $"{e.Key} {e.Value}")));
        return new RetentionResult(erased);
    }

    private async Task StepAsync(PersonalDataKind kind, Func<Task> step)
    {
        try { await step(); }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            db.ChangeTracker.Clear();
            log.LogError(e, "Retention: {Kind} was not erased tonight; tomorrow's run tries again", kind);
        }
    }
}
