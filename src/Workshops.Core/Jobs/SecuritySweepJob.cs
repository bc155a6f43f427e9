using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Workshops.Core.Data;
using Workshops.Core.Security;

namespace Workshops.Core.Jobs;

/// <summary>Hourly: forgets security-log events past their retention, ended sessions and spent rate-limit counters.</summary>
public sealed class SecuritySweepJob(AppDbContext db, IOptions<SecurityOptions> options, TimeProvider clock)
{
    [AutomaticRetry(Attempts = 0)]
    public async Task Run(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var security = options.Value;
        var keepFrom = now.AddDays(-security.LogRetentionDays);
        await db.SecurityEvents.Where(e => e.At < keepFrom).ExecuteDeleteAsync(ct);
        var signedInBefore = now.AddDays(-security.SessionAbsoluteDays);
        await db.UserSessions.Where(s => s.ExpiresAt < now || s.SignedInAt < signedInBefore).ExecuteDeleteAsync(ct);
        await SiteRateLimits.SweepAsync(db, now, ct);
    }
}
