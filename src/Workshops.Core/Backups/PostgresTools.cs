using System.Diagnostics;
using Npgsql;

namespace Workshops.Core.Backups;

/// <summary>
/// pg_dump and pg_restore, found on PATH, told where the database is through libpq's environment variables so the
/// password never shows in the process list. Their version must be at least the server's.
/// </summary>
internal static class PostgresTools
{
    public static async Task RunAsync(string tool, string connectionString, IEnumerable<string> arguments, CancellationToken ct)
    {
        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        if (settings.Host is { } host) start.Environment["PGHOST"] = host.Split(',')[0];
        start.Environment["PGPORT"] = settings.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (settings.Database is { } database) start.Environment["PGDATABASE"] = database;
        if (settings.Username is { } user) start.Environment["PGUSER"] = user;
        if (settings.Password is { } password) start.Environment["PGPASSWORD"] = password;
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new BackupException($"{tool} did not start.");
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new BackupException($"{tool} was not found: install PostgreSQL's client programs (Debian: postgresql-client), at least the server's version.");
        }
        using (process)
        {
            var errors = process.StandardError.ReadToEndAsync(ct);
            _ = process.StandardOutput.ReadToEndAsync(ct);
            await process.WaitForExitAsync(ct);
            if (process.ExitCode != 0) throw new BackupException($"{tool} failed ({process.ExitCode}): {(await errors).Trim()}");
        }
    }
}

/// <summary>A backup or restore that cannot go on, with the sentence to show the operator.</summary>
public sealed class BackupException(string message) : Exception(message);
