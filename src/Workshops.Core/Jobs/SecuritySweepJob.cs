using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Workshops.Core.Data;
using Workshops.Core.Security;

namespace Workshops.Core.Jobs;

/// <summary>
/// Hourly: forgets ended sessions and spent rate-limit counters. The security log is kept as long as admins set it,
/// and trimmed by the daily <see cref="RetentionJob"/> with the other kinds of personal data.
/// </summary>
public sealed class SecuritySweepJob(AppDbContext db, IOptions<SecurityOptions> options, TimeProvider clock)
{
    [AutomaticRetry(Attempts = 0)]
    public async Task Run(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var security = options.Value;
        var signedInBefore = now.AddDays(-security.SessionAbsoluteDays);
        await db.UserSessions.Where(s => s.ExpiresAt < now || s.SignedInAt < signedInBefore).ExecuteDeleteAsync(ct);
        await SiteRateLimits.SweepAsync(db, now, ct);
    }
}
