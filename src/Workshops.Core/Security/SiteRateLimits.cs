using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Workshops.Core.Data;

namespace Workshops.Core.Security;

public readonly record struct RateDecision(bool Allowed, TimeSpan RetryAfter)
{
    public static readonly RateDecision Yes = new(true, TimeSpan.Zero);
}

/// <summary>
/// Counts requests per rule and client in fixed windows, site-wide. On PostgreSQL, which several instances share,
/// the counters are rows, one statement a request, so every instance sees the same counts. On SQLite the site is one
/// process (the database file has one writer), so counting in memory is counting site-wide, and spares every limited
/// request a write that would queue behind registrations. The client (an address or an email) is kept only as a hash.
/// </summary>
public sealed class SiteRateLimits(IServiceScopeFactory scopes, IOptions<RateLimitOptions> options, IOptions<DatabaseOptions> database, TimeProvider clock)
{
    public Task<RateDecision> HitAsync(string rule, string client, CancellationToken ct) => HitAsync([(rule, client)], ct);

    /// <summary>
    /// Counts one request against each (rule, client) in one statement, and refuses it when any is past its limit:
    /// a form limited per address and per account costs one round trip, not two.
    /// </summary>
    public async Task<RateDecision> HitAsync(IReadOnlyList<(string Rule, string Client)> hits, CancellationToken ct)
    {
        var settings = options.Value;
        if (!settings.Enabled) return RateDecision.Yes;
        var now = clock.GetUtcNow();
        var counted = new List<(string Key, DateTimeOffset Start, RateLimitRule Limit)>();
        foreach (var (rule, client) in hits)
        {
            if (!settings.Rules.TryGetValue(rule, out var limit)) continue;
            var window = TimeSpan.FromSeconds(limit.WindowSeconds);
            var start = new DateTimeOffset(now.UtcTicks - now.UtcTicks % window.Ticks, TimeSpan.Zero);
            counted.Add((rule + ":" + Hash(client), start, limit));
        }
        if (counted.Count == 0) return RateDecision.Yes;
        var counts = await CountAsync(counted.Select(c => (c.Key, c.Start)).ToList(), ct);
        var refused = counted.Where(c => counts.GetValueOrDefault(c.Key) > c.Limit.Permits).ToList();
        if (refused.Count == 0) return RateDecision.Yes;
        return new RateDecision(false, refused.Max(c => c.Start + TimeSpan.FromSeconds(c.Limit.WindowSeconds) - now));
    }

    /// <summary>
    /// Whether the client has used up its permits in the current window, without counting this look: for limits that
    /// count only failures (wrong passwords), checked before the attempt.
    /// </summary>
    public async Task<RateDecision> PeekAsync(string rule, string client, CancellationToken ct)
    {
        var settings = options.Value;
        if (!settings.Enabled || !settings.Rules.TryGetValue(rule, out var limit)) return RateDecision.Yes;
        var now = clock.GetUtcNow();
        var window = TimeSpan.FromSeconds(limit.WindowSeconds);
        var start = new DateTimeOffset(now.UtcTicks - now.UtcTicks % window.Ticks, TimeSpan.Zero);
        var key = rule + ":" + Hash(client);
        int count;
        if (InMemory) count = _inMemory.TryGetValue(key, out var held) && held.Start == start ? held.Count : 0;
        else
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            count = await db.RateLimitCounters.AsNoTracking().Where(c => c.Key == key && c.WindowStart == start).Select(c => c.Count).FirstOrDefaultAsync(ct);
        }
        return count < limit.Permits ? RateDecision.Yes : new RateDecision(false, start + window - now);
    }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (DateTimeOffset Start, int Count)> _inMemory = new();
    private int _hitsSinceSweep;
    private bool InMemory => database.Value.Provider == DatabaseProvider.Sqlite;

    private async Task<Dictionary<string, int>> CountAsync(List<(string Key, DateTimeOffset Start)> rows, CancellationToken ct)
    {
        if (InMemory) return CountInMemory(rows);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var values = string.Join(", ", rows.Select((_, i) => $"(@k{i}, @s{i}, 1)"));
        var counts = await db.ListAsync($"""
            INSERT INTO "RateLimitCounters" ("Key", "WindowStart", "Count") VALUES {values}
            ON CONFLICT ("Key") DO UPDATE SET
                "Count" = CASE WHEN "RateLimitCounters"."WindowStart" = excluded."WindowStart" THEN "RateLimitCounters"."Count" + 1 ELSE 1 END,
                "WindowStart" = excluded."WindowStart"
            RETURNING "Key", "Count"
            """, r => (Key: r.GetString(0), Count: Convert.ToInt32(r.GetValue(1))), ct, command =>
        {
            for (var i = 0; i < rows.Count; i++)
            {
                Add(command, $"@k{i}", rows[i].Key);
                Add(command, $"@s{i}", rows[i].Start);
            }
        });
        return counts.ToDictionary(c => c.Key, c => c.Count);
    }

    private Dictionary<string, int> CountInMemory(List<(string Key, DateTimeOffset Start)> rows)
    {
        var counts = new Dictionary<string, int>();
        foreach (var (key, start) in rows)
            counts[key] = _inMemory.AddOrUpdate(key, (start, 1), (_, old) => old.Start == start ? (start, old.Count + 1) : (start, 1)).Count;
        // Now and then, forget clients whose window ended a day ago, as the sweep does for the rows.
        if (Interlocked.Increment(ref _hitsSinceSweep) % 10_000 == 0)
        {
            var before = clock.GetUtcNow().AddDays(-1);
            foreach (var (key, value) in _inMemory)
                if (value.Start < before) _inMemory.TryRemove(key, out _);
        }
        return counts;
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private static string Hash(string client) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(client.Trim().ToUpperInvariant())), 0, 16);

    /// <summary>Counters whose window ended a day ago count nothing any more.</summary>
    public static Task<int> SweepAsync(AppDbContext db, DateTimeOffset now, CancellationToken ct)
    {
        var before = now.AddDays(-1);
        return db.RateLimitCounters.Where(c => c.WindowStart < before).ExecuteDeleteAsync(ct);
    }
}
