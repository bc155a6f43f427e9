using Npgsql;

namespace Workshops.Tests.Shared;

/// <summary>
/// The suite runs once per provider: WORKSHOPS_TEST_DB=Sqlite (default) or Postgres, with the server named by
/// WORKSHOPS_TEST_POSTGRES. Each test host gets a database of its own, dropped afterwards.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public string Provider { get; }
    public string ConnectionString { get; }
    private readonly string? _pgName;
    private readonly string? _sqliteFile;

    private TestDatabase(string provider, string connectionString, string? pgName, string? sqliteFile)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _pgName = pgName;
        _sqliteFile = sqliteFile;
    }

    public static bool IsPostgres => string.Equals(Environment.GetEnvironmentVariable("WORKSHOPS_TEST_DB"), "Postgres", StringComparison.OrdinalIgnoreCase);

    public static async Task<TestDatabase> CreateAsync(string dataDirectory)
    {
        if (!IsPostgres)
        {
            Directory.CreateDirectory(dataDirectory);
            var file = Path.Combine(dataDirectory, "test.db");
            return new TestDatabase("Sqlite", $"Data Source={file};Pooling=False", null, file);
        }
        var server = Environment.GetEnvironmentVariable("WORKSHOPS_TEST_POSTGRES")
            ?? "Host=127.0.0.1;Port=5432;Username=workshops_test;Password=workshops_test";
        var name = "ws_test_" + Guid.NewGuid().ToString("N")[..16];
        await using (var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres" }.ToString()))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
            await create.ExecuteNonQueryAsync();
        }
        // Each host keeps to a share of the server's 100 connections, as a production pool size would: a burst of
        // hundreds of requests then queues for a connection instead of being refused by the server.
        var cs = new NpgsqlConnectionStringBuilder(server) { Database = name, MaxPoolSize = 30 }.ToString();
        return new TestDatabase("Postgres", cs, name, null);
    }

    public async ValueTask DisposeAsync()
    {
        if (_pgName is null) return;
        await using (var own = new NpgsqlConnection(ConnectionString)) NpgsqlConnection.ClearPool(own); // only this database's pool: other hosts keep theirs
        var server = new NpgsqlConnectionStringBuilder(ConnectionString) { Database = "postgres" }.ToString();
        // Dropping races other hosts creating and dropping their own databases on the same server
        // (catalog locks, "being accessed by other users"); a few tries settle it, and a database left
        // behind is tidied by the next run's sweep rather than failing a suite whose tests all passed.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var admin = new NpgsqlConnection(server);
                await admin.OpenAsync();
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_pgName}\" WITH (FORCE)", admin);
                await drop.ExecuteNonQueryAsync();
                return;
            }
            catch (PostgresException e) when (attempt < 5)
            {
                Console.Error.WriteLine($"Dropping {_pgName} failed ({e.SqlState} {e.MessageText}); retrying.");
                await Task.Delay(200 * attempt);
            }
            catch (PostgresException e)
            {
                Console.Error.WriteLine($"Left test database {_pgName} behind: {e.SqlState} {e.MessageText}");
                return;
            }
        }
    }
}
