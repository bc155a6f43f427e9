using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Workshops.Core.Data;

namespace Workshops.Core.Security;

public readonly record struct RateDecision(bool Allowed, TimeSpan RetryAfter)
{
    public static readonly RateDecision Yes = new(true, TimeSpan.Zero);
}

/// <summary>
/// Counts requests per rule and client in fixed windows, in the database, with one statement per request: every
/// instance sees the same counts. The client (an address or an email) is stored only as a hash.
/// </summary>
public sealed class SiteRateLimits(IServiceScopeFactory scopes, IOptions<RateLimitOptions> options, TimeProvider clock)
{
    private const string Upsert = """
        INSERT INTO "RateLimitCounters" ("Key", "WindowStart", "Count") VALUES (@key, @start, 1)
        ON CONFLICT ("Key") DO UPDATE SET
            "Count" = CASE WHEN "RateLimitCounters"."WindowStart" = excluded."WindowStart" THEN "RateLimitCounters"."Count" + 1 ELSE 1 END,
            "WindowStart" = excluded."WindowStart"
        RETURNING "Count"
        """;

    private static readonly DateTimeOffsetToBinaryConverter SqliteInstant = new();

    public async Task<RateDecision> HitAsync(string rule, string client, CancellationToken ct)
    {
        var settings = options.Value;
        if (!settings.Enabled || !settings.Rules.TryGetValue(rule, out var limit)) return RateDecision.Yes;
        var now = clock.GetUtcNow();
        var window = TimeSpan.FromSeconds(limit.WindowSeconds);
        var start = new DateTimeOffset(now.UtcTicks - now.UtcTicks % window.Ticks, TimeSpan.Zero);
        var count = await CountAsync(rule + ":" + Hash(client), start, ct);
        return count <= limit.Permits ? RateDecision.Yes : new RateDecision(false, start + window - now);
    }

    private async Task<int> CountAsync(string key, DateTimeOffset start, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Upsert;
            Add(command, "@key", key);
            Add(command, "@start", db.Database.IsSqlite() ? SqliteInstant.ConvertToProvider(start)! : start);
            return Convert.ToInt32(await command.ExecuteScalarAsync(ct));
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
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
