using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Workshops.Core.Data;
using Workshops.Core.Domain.Community;

namespace Workshops.Web.Infrastructure;

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
            map = await db.OldAddresses.AsNoTracking().ToDictionaryAsync(a => a.Path, a => a.Target, StringComparer.Ordinal);
            cache.Set(Key, map, TimeSpan.FromMinutes(1));
        }
        return map.Count == 0 ? null : map.GetValueOrDefault(OldAddress.Normalise(path));
    }

    public void Forget() => cache.Remove(Key);
}

public static class OldAddressRedirects
{
    /// <summary>Before routing: an old address never reaches a page of this site that happens to share its path.</summary>
    public static IApplicationBuilder UseOldAddressRedirects(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        if ((HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) && request.Path.HasValue
            && await context.RequestServices.GetRequiredService<OldAddresses>().TargetAsync(request.Path.Value!) is { } target
            && !string.Equals(target, request.Path.Value, StringComparison.Ordinal))
        {
            context.Response.StatusCode = StatusCodes.Status301MovedPermanently;
            context.Response.Headers.Location = target;
            return;
        }
        await next();
    });
}
