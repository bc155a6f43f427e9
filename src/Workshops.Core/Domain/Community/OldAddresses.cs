using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Workshops.Core.Data;

namespace Workshops.Core.Domain.Community;

/// <summary>
/// The previous website's addresses, answered with a permanent redirect to their new home. Read once and kept in memory
/// for a minute (an import on another node shows within it), or until an import here forgets them.
/// </summary>
public sealed class OldAddresses(IServiceScopeFactory scopes, IMemoryCache cache)
{
    private const string Key = "old-addresses";

    public async Task<string?> TargetAsync(string path)
    {
        if (!cache.TryGetValue(Key, out IReadOnlyDictionary<string, string>? map) || map is null)
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            try
            {
                map = await db.OldAddresses.AsNoTracking().ToDictionaryAsync(a => a.Path, a => a.Target, StringComparer.Ordinal);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Asked from the page-not-found page: with the database down, that page still shows (and nothing is kept).
                scope.ServiceProvider.GetRequiredService<ILogger<OldAddresses>>().LogWarning(e, "The old addresses could not be read");
                return null;
            }
            cache.Set(Key, map, TimeSpan.FromMinutes(1));
        }
        return map.Count == 0 ? null : map.GetValueOrDefault(OldAddress.Normalise(path));
    }

    public void Forget() => cache.Remove(Key);
}
