using Npgsql;
using Workshops.Core.Data;

namespace Workshops.Benchmarks;

/// <summary>A database of its own for one benchmark: a SQLite file in its data folder, or a new PostgreSQL database dropped afterwards.</summary>
public static class BenchDatabase
{
    /// <param name="name">A PostgreSQL database's own name (a new one each time when null).</param>
    /// <param name="existing">The database named is there already and is used as it is.</param>
    public static async Task<(DatabaseOptions Options, Dictionary<string, string> Environment, Func<Task>? Drop)> CreateAsync(string provider, string? postgresServer,
        string dataDirectory, string? name = null, bool existing = false)
    {
        var env = new Dictionary<string, string>
        {
            ["Storage__DataDirectory"] = dataDirectory,
            ["Logging__LogLevel__Default"] = "Warning",
            ["Database__Provider"] = provider,
        };
        // The rate limiter stays on and counts every limited request in the database as in production; only its
        // limits are raised, since every client of a benchmark comes from the one loopback address.
        foreach (var rule in new Workshops.Core.Security.RateLimitOptions().Rules.Keys)
            env[$"RateLimits__Rules__{rule}__Permits"] = "1000000";
        if (provider != "Postgres") return (new DatabaseOptions { Provider = DatabaseProvider.Sqlite }, env, null);
        name ??= "ws_bench_" + Guid.NewGuid().ToString("N")[..12];
        if (!existing)
        {
            await RegistrationRush.ExecuteAsync(postgresServer!, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
            await RegistrationRush.ExecuteAsync(postgresServer!, $"CREATE DATABASE \"{name}\"");
        }
        var cs = new NpgsqlConnectionStringBuilder(postgresServer) { Database = name }.ToString();
        env["Database__ConnectionString"] = cs;
        return (new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = cs }, env, async () =>
        {
            NpgsqlConnection.ClearAllPools();
            await RegistrationRush.ExecuteAsync(postgresServer!, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        });
    }
}
