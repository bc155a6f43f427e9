using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Workshops.Core.Security;

namespace Workshops.Web.Infrastructure;

/// <summary>
/// ASP.NET Core's rate limiter, with limits counted in the database (<see cref="SiteRateLimits"/>) so that every
/// instance behind the proxy shares them. Pages opt in with [EnableRateLimiting(RateLimitOptions.X)]; their GETs
/// pass free, their POSTs count per client address (after X-Forwarded-For from a trusted proxy) and, for a
/// signed-in person, per account too. Forms that name an account before anyone is signed in (sign-in, forgot
/// password) count that account in their handler through <see cref="SiteRateLimits"/> as well.
/// </summary>
public static class RateLimiting
{
    private static readonly string[] Policies =
    [
        RateLimitOptions.SignIn, RateLimitOptions.SignUp, RateLimitOptions.AccountEmail, RateLimitOptions.Reset, RateLimitOptions.Setup,
        RateLimitOptions.TwoFactor, RateLimitOptions.Register, RateLimitOptions.Propose, RateLimitOptions.LinkRequest, RateLimitOptions.ApiTokens, RateLimitOptions.ApiWrite,
    ];

    public static IServiceCollection AddSiteRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RateLimitOptions>().Bind(configuration.GetSection(RateLimitOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<SiteRateLimits>();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (context, _) =>
            {
                var retry = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromMinutes(1);
                Refuse(context.HttpContext, retry);
                return ValueTask.CompletedTask;
            };
            foreach (var policy in Policies)
                o.AddPolicy(policy, context => HttpMethods.IsPost(context.Request.Method) ? Partition(context, policy) : RateLimitPartition.GetNoLimiter(""));
            // Searching is a GET: only asking with words counts.
            o.AddPolicy(RateLimitOptions.Search, context => context.Request.Query.ContainsKey("q") ? Partition(context, RateLimitOptions.Search) : RateLimitPartition.GetNoLimiter(""));
        });
        return services;
    }

    /// <summary>429 with Retry-After; the status page explains it in words (see ErrorModel).</summary>
    public static void Refuse(HttpContext context, TimeSpan retryAfter)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        context.Items[RetryAfterItem] = seconds;
    }

    public const string RetryAfterItem = "workshops.retry-after";

    /// <summary>What a refused person or program reads: how long to wait, in words, and that nothing was kept.</summary>
    public static string TooMany(HttpContext context)
    {
        var seconds = context.Items[RetryAfterItem] as int? ?? 60;
        var wait = seconds < 90 ? Tr.N(seconds, "{0} second", "{0} seconds")
            : seconds < 5400 ? Tr.N((int)Math.Ceiling(seconds / 60.0), "{0} minute", "{0} minutes")
            : Tr.N((int)Math.Ceiling(seconds / 3600.0), "{0} hour", "{0} hours");
        return Tr.T("You have tried this too often in a short time. Wait {0} and try again; nothing you sent in this last attempt was saved.", wait);
    }

    public static string ClientAddress(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    /// <summary>
    /// Who a limit counts: the client's address, or for IPv6 its /64 network, since one line is usually given a whole
    /// /64 and could otherwise take a fresh address for every attempt.
    /// </summary>
    public static string CountedClient(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress;
        if (address is null) return "unknown";
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6) return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new System.Net.IPAddress(bytes) + "/64";
    }

    private static RateLimitPartition<string> Partition(HttpContext context, string policy)
    {
        var address = CountedClient(context);
        // Through the API a token is counted rather than its owner: each program its own allowance.
        var account = context.User.FindFirst(ApiTokenAuthentication.TokenClaim)?.Value ?? context.User.Id();
        var limits = context.RequestServices.GetRequiredService<SiteRateLimits>();
        return RateLimitPartition.Get($"{policy}|{address}|{account}", _ => new SiteWideLimiter(limits, policy, address, account));
    }

    /// <summary>One client's limiter; the counting is in the database, so this holds nothing but who it counts.</summary>
    private sealed class SiteWideLimiter(SiteRateLimits limits, string policy, string address, string? account) : RateLimiter
    {
        private long _lastUsed = Environment.TickCount64;

        public override TimeSpan? IdleDuration => TimeSpan.FromMilliseconds(Environment.TickCount64 - Interlocked.Read(ref _lastUsed));

        public override RateLimiterStatistics? GetStatistics() => null;

        // Counting needs the database, which is never asked synchronously: refusing here sends the middleware to AcquireAsync.
        protected override RateLimitLease AttemptAcquireCore(int permitCount) => Lease.NotNow;

        protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken ct)
        {
            Interlocked.Exchange(ref _lastUsed, Environment.TickCount64);
            var decision = await limits.HitAsync(account is null ? [(policy, address)] : [(policy, address), (RateLimitOptions.Account(policy), account)], ct);
            return decision.Allowed ? Lease.Granted : new Lease(false, decision.RetryAfter);
        }
    }

    private sealed class Lease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public static readonly Lease Granted = new(true, null);
        public static readonly Lease NotNow = new(false, null);

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = metadataName == MetadataName.RetryAfter.Name ? retryAfter : null;
            return metadata is not null;
        }
    }
}
