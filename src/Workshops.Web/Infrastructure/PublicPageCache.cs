using Microsoft.AspNetCore.OutputCaching;

namespace Workshops.Web.Infrastructure;

/// <summary>
/// Visitors' pages (home, workshop) rendered once and served from memory: they are the same for everyone who is
/// not signed in. Any change to a workshop evicts them at once; the expiry bounds how stale a page can be on another
/// instance, or when time alone changes it (a workshop that has just ended).
/// </summary>
public static class PublicPageCache
{
    public const string Policy = "public-page";
    public const string Tag = "public-pages";

    public static IServiceCollection AddPublicPageCache(this IServiceCollection services) =>
        services.AddOutputCache(o => o.AddPolicy(Policy, b => b
            .AddPolicy<SkipWhenAFlashMessageWaits>()
            .Expire(TimeSpan.FromSeconds(60))
            // One copy per language: a visitor never gets a page cached for someone reading another.
            .VaryByValue(_ => new KeyValuePair<string, string>("lang", System.Globalization.CultureInfo.CurrentUICulture.Name))
            .Tag(Tag)));

    private static long _generation;

    /// <summary>Counts evictions in this process: data kept briefly for public pages is keyed by it, so it goes with them.</summary>
    public static long Generation => Interlocked.Read(ref _generation);

    public static Task EvictAsync(this IOutputCacheStore store, CancellationToken ct)
    {
        Bump();
        return store.EvictByTagAsync(Tag, ct).AsTask();
    }

    /// <summary>Forgets the data kept for public pages; also when another node evicted them (<see cref="SiteWideCache"/>).</summary>
    public static void Bump() => Interlocked.Increment(ref _generation);

    /// <summary>
    /// The built-in rules already skip signed-in people and responses that set cookies; a visitor carrying a
    /// one-time message (TempData) must get a fresh page so the message shows and is not kept for others.
    /// </summary>
    private sealed class SkipWhenAFlashMessageWaits : IOutputCachePolicy
    {
        public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken ct)
        {
            if (context.HttpContext.Request.Cookies.ContainsKey(Flash.CookieName))
            {
                context.AllowCacheLookup = false;
                context.AllowCacheStorage = false;
            }
            return ValueTask.CompletedTask;
        }

        public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken ct) => ValueTask.CompletedTask;

        public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken ct) => ValueTask.CompletedTask;
    }
}
