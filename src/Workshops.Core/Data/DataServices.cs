using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Workshops.Core.Storage;

namespace Workshops.Core.Data;

public static class DataServices
{
    public const string SqliteMigrations = "Workshops.Migrations.Sqlite";
    public const string PostgresMigrations = "Workshops.Migrations.Postgres";

    public static IServiceCollection AddData(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DatabaseOptions>().Bind(configuration.GetSection(DatabaseOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        // Pooled: a request takes a ready context instead of building one, and the options are worked out once for the
        // process, not per request (with AddDbContext, each new context reran this and EF looked up its services again).
        services.AddDbContextPool<AppDbContext>((sp, options) =>
        {
            var db = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            var storage = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            var root = sp.GetRequiredService<IHostEnvironment>().ContentRootPath;
            Configure(options, db, storage.FullDataDirectory(root));
        });
        services.AddScoped<CountryCodes>();
        services.AddScoped<Backups.SiteBackup>();
        services.AddScoped<Backups.SiteRestore>();
        return services;
    }

    /// <param name="compiledModel">
    /// Use the model generated into the provider's migrations assembly (migrations/add.sh writes it) instead of
    /// building it from the configurations at start; dotnet-ef's design-time factories pass false, since they are
    /// the ones that read the configurations to generate it.
    /// </param>
    public static void Configure(DbContextOptionsBuilder options, DatabaseOptions db, string dataDirectory, bool compiledModel = true)
    {
        if (db.Provider == DatabaseProvider.Postgres) UsePostgres(options, db);
        else UseSqlite(options, db, dataDirectory);
        if (compiledModel) options.UseModel(CompiledModels.For(db.Provider));
    }

    // One method per provider: compiling a method loads every assembly it names, so a SQLite site never loads
    // Npgsql's provider, and a PostgreSQL one never loads SQLite's.
    private static void UsePostgres(DbContextOptionsBuilder options, DatabaseOptions db) =>
        options.UseNpgsql(db.PostgresConnectionString(), o => o.MigrationsAssembly(PostgresMigrations));

    private static void UseSqlite(DbContextOptionsBuilder options, DatabaseOptions db, string dataDirectory) =>
        options.UseSqlite(SqliteConnectionString(db, dataDirectory), o => o.MigrationsAssembly(SqliteMigrations))
            .AddInterceptors(SqliteTuning.Instance, SqliteWriterQueue.Instance);

    public static string SqliteConnectionString(DatabaseOptions db, string dataDirectory)
    {
        if (!string.IsNullOrWhiteSpace(db.ConnectionString)) return db.ConnectionString;
        Directory.CreateDirectory(dataDirectory);
        return new SqliteConnectionStringBuilder { DataSource = Path.Combine(dataDirectory, "workshops.db"), Pooling = true }.ToString();
    }

    /// <summary>Applies pending migrations; on SQLite also turns on write-ahead logging so readers never wait for the job worker.</summary>
    public static async Task MigrateAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        // Migrate() also diffs the whole model against the last snapshot, which costs a second of start-up and
        // tens of megabytes for the life of the process; on an ordinary restart nothing is pending, so ask first.
        if (await AnyPendingAsync(db, ct)) await db.Database.MigrateAsync(ct);
        if (db.Database.IsSqlite())
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        await HashPlainSuppressionsAsync(db, ct);
    }

    /// <summary>
    /// Whether a migration of this build is missing from the database's history table. Read with one plain query:
    /// EF's own GetPendingMigrations builds a model of the history table with the whole convention set, about 800 types
    /// and their code kept for the life of the process only to read one column.
    /// </summary>
    private static async Task<bool> AnyPendingAsync(AppDbContext db, CancellationToken ct)
    {
        HashSet<string> applied;
        try
        {
            applied = (await db.ListAsync($"SELECT \"MigrationId\" FROM \"{HistoryTable}\"", r => r.GetString(0), ct)).ToHashSet(StringComparer.Ordinal);
        }
        catch (DbException)
        {
            // No history table: a new database, every migration is pending.
            return true;
        }
        return db.Database.GetMigrations().Any(m => !applied.Contains(m));
    }

    /// <summary>EF Core's default name; neither provider's options change it.</summary>
    private const string HistoryTable = "__EFMigrationsHistory";

    /// <summary>
    /// Suppressions written before they were hashed hold the address itself: each becomes its hash, so the list of
    /// people who want no email names nobody. Nothing to do after the first start.
    /// </summary>
    private static async Task HashPlainSuppressionsAsync(AppDbContext db, CancellationToken ct)
    {
        var plain = await db.EmailSuppressions.Where(s => !s.AddressKey.StartsWith("sha256:")).ToListAsync(ct);
        if (plain.Count == 0) return;
        var hashed = plain.Select(s => Domain.Announcements.EmailSuppression.Of(s.AddressKey, s.CreatedAt)).DistinctBy(s => s.AddressKey).ToList();
        var keys = hashed.Select(s => s.AddressKey).ToList();
        var known = (await db.EmailSuppressions.Where(s => keys.Contains(s.AddressKey)).Select(s => s.AddressKey).ToListAsync(ct)).ToHashSet();
        db.EmailSuppressions.RemoveRange(plain);
        db.EmailSuppressions.AddRange(hashed.Where(s => !known.Contains(s.AddressKey)));
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException)
        {
            // Another instance starting at the same moment did it first; what is left, the next start does.
            db.ChangeTracker.Clear();
        }
    }
}
