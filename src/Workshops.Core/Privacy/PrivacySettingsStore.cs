using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Workshops.Core.Data;
using Workshops.Core.Security;

namespace Workshops.Core.Privacy;

/// <summary>
/// Reads the site's privacy settings; until an admin saves them, the defaults (the security log's from
/// Security:LogRetentionDays). Kept in memory for a minute: every registration form names the controller.
/// </summary>
public sealed class PrivacySettingsStore(AppDbContext db, IOptions<SecurityOptions> security, IMemoryCache cache)
{
    private const string Key = "privacy-settings";

    public async Task<PrivacySettings> GetAsync(CancellationToken ct) =>
        (await cache.GetOrCreateAsync(Key, async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(1);
            return await db.PrivacySettings.AsNoTracking().FirstOrDefaultAsync(ct) ?? PrivacySettings.Default(security.Value.LogRetentionDays);
        }))!;

    /// <summary>The row to change, made on first save; <see cref="Forget"/> once it is saved.</summary>
    public async Task<PrivacySettings> ForChangeAsync(CancellationToken ct)
    {
        var row = await db.PrivacySettings.FirstOrDefaultAsync(ct);
        if (row is not null) return row;
        row = PrivacySettings.Default(security.Value.LogRetentionDays);
        db.PrivacySettings.Add(row);
        return row;
    }

    public void Forget() => cache.Remove(Key);
}
