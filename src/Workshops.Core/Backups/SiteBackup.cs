using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Workshops.Core.Data;
using Workshops.Core.Storage;

namespace Workshops.Core.Backups;

/// <summary>
/// Writes a backup of a site that may be running: the database first (SQLite's online backup, or pg_dump, each a
/// consistent snapshot), then the stored files. Files are stored by content and never changed, and the sweep removes
/// only files no row has referred to for a day, so every file the snapshot refers to is still there to copy; files
/// added after it are copied too and are merely unused. The keys that sign cookies and links are rows of the
/// database (DataProtectionKeys), so they come with it, and so do sessions.
/// </summary>
public sealed class SiteBackup(AppDbContext db, IOptions<DatabaseOptions> database, IOptions<StorageOptions> storage, IHostEnvironment host)
{
    public const string SqliteFile = "database.sqlite";
    public const string PostgresFile = "database.pgdump";
    public const string FilesFolder = "files";

    public async Task<BackupManifest> WriteAsync(string folder, Action<string> progress, CancellationToken ct)
    {
        if (Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any())
            throw new BackupException($"{folder} is not empty: a backup goes into a new or empty folder, so it never mixes with another.");
        Directory.CreateDirectory(folder);
        var options = database.Value;
        var migration = (await db.Database.GetAppliedMigrationsAsync(ct)).LastOrDefault() ?? "";
        var keys = await db.DataProtectionKeys.CountAsync(ct);

        string file;
        if (options.Provider == DatabaseProvider.Postgres)
        {
            file = PostgresFile;
            progress("Dumping the PostgreSQL database with pg_dump…");
            // Hangfire's schema holds queues and servers of the running site, not data: a restored site makes it afresh,
            // and the outbox and recurring sweeps bring back whatever was waiting.
            await PostgresTools.RunAsync("pg_dump", options.PostgresConnectionString(),
                ["--format=custom", "--no-owner", "--no-privileges", "--exclude-schema=hangfire", "--file", Path.Combine(folder, file)], ct);
        }
        else
        {
            file = SqliteFile;
            progress("Copying the SQLite database with its online backup…");
            await using var source = new SqliteConnection(DataServices.SqliteConnectionString(options, DataDirectory));
            await source.OpenAsync(ct);
            await using var target = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, file), Pooling = false }.ToString());
            await target.OpenAsync(ct);
            source.BackupDatabase(target);
        }

        var (count, bytes) = CopyFiles(Path.Combine(DataDirectory, FilesFolder), Path.Combine(folder, FilesFolder), progress, ct);
        var manifest = new BackupManifest(BackupManifest.CurrentFormat, options.Provider.ToString(), DateTimeOffset.UtcNow, migration, file, count, bytes, keys,
            "Restore with: Workshops.Web restore <this folder>, on a new data folder or an empty database of the same provider.");
        await manifest.WriteAsync(folder, ct);
        return manifest;
    }

    private string DataDirectory => storage.Value.FullDataDirectory(host.ContentRootPath);

    /// <summary>Copies a folder tree file by file, telling how far it is every few hundred files.</summary>
    internal static (int Count, long Bytes) CopyFiles(string from, string to, Action<string> progress, CancellationToken ct)
    {
        Directory.CreateDirectory(to);
        if (!Directory.Exists(from)) return (0, 0);
        var files = Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories).ToList();
        long bytes = 0;
        for (var i = 0; i < files.Count; i++)
        {
            ct.ThrowIfCancellationRequested();
            var target = Path.Combine(to, Path.GetRelativePath(from, files[i]));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(files[i], target, overwrite: true);
            bytes += new FileInfo(target).Length;
            if ((i + 1) % 250 == 0 || i + 1 == files.Count) progress($"Files: {i + 1} of {files.Count} copied");
        }
        return (files.Count, bytes);
    }
}
