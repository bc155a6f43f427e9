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

    /// <param name="empty">
    /// A database with nothing in it, for a test of what happens on an empty one (a first start, a restore). Otherwise
    /// the database is a copy of one migrated once per test process, so each test host skips running every migration.
    /// </param>
    public static async Task<TestDatabase> CreateAsync(string dataDirectory, bool empty = false)
    {
        if (!IsPostgres)
        {
            Directory.CreateDirectory(dataDirectory);
            var file = Path.Combine(dataDirectory, "test.db");
            if (!empty) File.Copy(await SqliteTemplateAsync(), file, overwrite: true);
            return new TestDatabase("Sqlite", $"Data Source={file};Pooling=False", null, file);
        }
        var server = Environment.GetEnvironmentVariable("WORKSHOPS_TEST_POSTGRES")
            ?? "Host=127.0.0.1;Port=5432;Username=workshops_test;Password=workshops_test";
        var name = "ws_test_" + Guid.NewGuid().ToString("N")[..16];
        var template = empty ? null : await PostgresTemplateAsync(server);
        await using (var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres" }.ToString()))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"" + (template is null ? "" : $" TEMPLATE \"{template}\""), admin);
            await create.ExecuteNonQueryAsync();
        }
        // Each host keeps to a share of the server's 100 connections, as a production pool size would: a burst of
        // hundreds of requests then queues for a connection instead of being refused by the server.
        var cs = new NpgsqlConnectionStringBuilder(server) { Database = name, MaxPoolSize = 30 }.ToString();
        return new TestDatabase("Postgres", cs, name, null);
    }

    private static readonly SemaphoreSlim TemplateGate = new(1, 1);
    private static string? _postgresTemplate;
    private static string? _sqliteTemplate;

    /// <summary>
    /// A database migrated once, with Hangfire's schema, that each test database is copied from (CREATE DATABASE …
    /// TEMPLATE copies files, far quicker than running every migration again). Named like the test databases, so a run
    /// that was killed leaves it for the test command's sweep.
    /// </summary>
    private static async Task<string> PostgresTemplateAsync(string server)
    {
        await TemplateGate.WaitAsync();
        try
        {
            if (_postgresTemplate is not null) return _postgresTemplate;
            var name = "ws_test_template_" + Guid.NewGuid().ToString("N")[..8];
            await using (var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres" }.ToString()))
            {
                await admin.OpenAsync();
                await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
                await create.ExecuteNonQueryAsync();
            }
            var cs = new NpgsqlConnectionStringBuilder(server) { Database = name, Pooling = false }.ToString();
            await MigrateAsync(new Workshops.Core.Data.DatabaseOptions { Provider = Workshops.Core.Data.DatabaseProvider.Postgres, ConnectionString = cs });
            var hangfire = new Hangfire.PostgreSql.PostgreSqlStorageOptions { SchemaName = "hangfire", PrepareSchemaIfNecessary = true };
            _ = new Hangfire.PostgreSql.PostgreSqlStorage(new Hangfire.PostgreSql.Factories.NpgsqlConnectionFactory(cs, hangfire), hangfire);
            AppDomain.CurrentDomain.ProcessExit += (_, _) => DropQuietly(server, name);
            return _postgresTemplate = name;
        }
        finally
        {
            TemplateGate.Release();
        }
    }

    /// <summary>The same for SQLite: a file migrated once, copied for each test.</summary>
    private static async Task<string> SqliteTemplateAsync()
    {
        await TemplateGate.WaitAsync();
        try
        {
            if (_sqliteTemplate is not null) return _sqliteTemplate;
            var folder = Path.Combine(Path.GetTempPath(), "workshops-tests", "template-" + Guid.NewGuid().ToString("N")[..8]);
            Directory.CreateDirectory(folder);
            var file = Path.Combine(folder, "template.db");
            await MigrateAsync(new Workshops.Core.Data.DatabaseOptions { ConnectionString = $"Data Source={file};Pooling=False" });
            AppDomain.CurrentDomain.ProcessExit += (_, _) => { try { Directory.Delete(folder, recursive: true); } catch (IOException) { } };
            return _sqliteTemplate = file;
        }
        finally
        {
            TemplateGate.Release();
        }
    }

    private static async Task MigrateAsync(Workshops.Core.Data.DatabaseOptions options)
    {
        var builder = new Microsoft.EntityFrameworkCore.DbContextOptionsBuilder<Workshops.Core.Data.AppDbContext>();
        Workshops.Core.Data.DataServices.Configure(builder, options, Path.GetTempPath());
        await using var db = new Workshops.Core.Data.AppDbContext(builder.Options);
        await Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.MigrateAsync(db.Database);
    }

    private static void DropQuietly(string server, string name)
    {
        try
        {
            using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ToString());
            admin.Open();
            using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", admin);
            drop.ExecuteNonQuery();
        }
        catch (NpgsqlException) { }
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
