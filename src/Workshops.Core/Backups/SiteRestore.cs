using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;
using Workshops.Core.Data;
using Workshops.Core.Storage;

namespace Workshops.Core.Backups;

/// <summary>
/// Brings a backup back onto a new data folder or an empty database of the same provider, never over a site's data:
/// restoring is for a new machine after a disaster, or for trying a backup out, and must not half-overwrite anything.
/// </summary>
public sealed class SiteRestore(IOptions<DatabaseOptions> database, IOptions<StorageOptions> storage, IHostEnvironment host)
{
    public async Task<BackupManifest> RunAsync(string folder, Action<string> progress, CancellationToken ct)
    {
        var manifest = await BackupManifest.ReadAsync(folder, ct)
            ?? throw new BackupException($"{folder} holds no finished backup ({BackupManifest.FileName} is missing).");
        if (manifest.Format > BackupManifest.CurrentFormat)
            throw new BackupException($"This backup was written by a newer version of Workshops (format {manifest.Format}); restore it with that version.");
        var options = database.Value;
        if (!string.Equals(manifest.Provider, options.Provider.ToString(), StringComparison.OrdinalIgnoreCase))
            throw new BackupException($"This is a backup of a {manifest.Provider} site, and Database:Provider here is {options.Provider}: restore it onto the same kind of database.");
        var dataDirectory = storage.Value.FullDataDirectory(host.ContentRootPath);
        var files = Path.Combine(dataDirectory, SiteBackup.FilesFolder);
        if (Directory.Exists(files) && Directory.EnumerateFileSystemEntries(files).Any())
            throw new BackupException($"{files} already holds files: restore onto a new data folder.");

        if (options.Provider == DatabaseProvider.Postgres)
        {
            if (await TableCountAsync(options.PostgresConnectionString(), ct) > 0)
                throw new BackupException("The database already has tables: restore into an empty database (createdb, then point Database:ConnectionString at it).");
            progress("Restoring the PostgreSQL database with pg_restore…");
            await PostgresTools.RunAsync("pg_restore", options.PostgresConnectionString(),
                ["--no-owner", "--no-privileges", "--exit-on-error", "--dbname", new NpgsqlConnectionStringBuilder(options.PostgresConnectionString()).Database ?? "",
                    Path.Combine(folder, manifest.DatabaseFile)], ct);
        }
        else
        {
            var target = new SqliteConnectionStringBuilder(DataServices.SqliteConnectionString(options, dataDirectory)).DataSource;
            if (File.Exists(target) && new FileInfo(target).Length > 0)
                throw new BackupException($"{target} already exists: restore onto a new data folder.");
            progress("Restoring the SQLite database…");
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(target))!);
            File.Copy(Path.Combine(folder, manifest.DatabaseFile), target, overwrite: true);
        }
        SiteBackup.CopyFiles(Path.Combine(folder, SiteBackup.FilesFolder), files, progress, ct);
        return manifest;
    }

    private static async Task<long> TableCountAsync(string connectionString, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema')", connection);
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }
}
