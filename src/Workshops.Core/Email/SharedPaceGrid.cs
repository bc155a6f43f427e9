using Npgsql;

namespace Workshops.Core.Email;

/// <summary>
/// The sending grid as one row that every node moves forward in one statement: the row lock orders the nodes, so
/// two never get the same slot. The row sits among the rate-limit counters (key <c>pace:email</c>, its window start
/// holding the next free slot), which are the site's other shared counters; their sweep forgets it after a quiet day.
/// </summary>
public sealed class SharedPaceGrid(string connectionString) : IPaceGrid
{
    public const string Key = "pace:email";

    public async Task<DateTimeOffset> NextSlotAsync(DateTimeOffset now, TimeSpan interval, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand("""
            INSERT INTO "RateLimitCounters" ("Key", "WindowStart", "Count") VALUES ($1, $2 + $3, 0)
            ON CONFLICT ("Key") DO UPDATE SET "WindowStart" = GREATEST("RateLimitCounters"."WindowStart", $2) + $3
            RETURNING "WindowStart" - $3
            """, connection);
        command.Parameters.AddWithValue(Key);
        command.Parameters.AddWithValue(now.ToUniversalTime());
        command.Parameters.AddWithValue(interval);
        var slot = await command.ExecuteScalarAsync(ct);
        return slot switch
        {
            DateTime utc => new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)),
            DateTimeOffset offset => offset,
            _ => now,
        };
    }
}
