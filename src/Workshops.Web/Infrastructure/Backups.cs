using Workshops.Core.Backups;
using Workshops.Core.Data;

namespace Workshops.Web.Infrastructure;

/// <summary>The backup and restore verbs: what they did, or why not, in words an operator reads.</summary>
public static class Backups
{
    public static async Task<int> RunAsync(IServiceProvider services, CommandLine cli)
    {
        var folder = Path.GetFullPath(cli.Folder!);
        void Progress(string line) => Console.Error.WriteLine(line);
        try
        {
            if (cli.Verb == Verb.Backup)
            {
                await using var scope = services.CreateAsyncScope();
                var written = await scope.ServiceProvider.GetRequiredService<SiteBackup>().WriteAsync(folder, Progress, CancellationToken.None);
                Console.WriteLine($"Backup written to {folder}: the {written.Provider} database ({written.DatabaseFile}, at migration {written.LastMigration}, " +
                    $"with {written.SigningKeys} signing keys), {written.Files} files ({written.FileBytes / 1048576.0:F1} MB).");
                return 0;
            }
            await using (var scope = services.CreateAsyncScope())
            {
                var restored = await scope.ServiceProvider.GetRequiredService<SiteRestore>().RunAsync(folder, Progress, CancellationToken.None);
                Console.WriteLine($"Restored the backup of {restored.CreatedAt:yyyy-MM-dd HH:mm} UTC: the {restored.Provider} database and {restored.Files} files.");
            }
            // A backup from an older version is brought up to this one's schema now, as a start would.
            await services.MigrateAsync();
            Console.WriteLine("The database is up to date; start the site.");
            return 0;
        }
        catch (BackupException e)
        {
            Console.Error.WriteLine((cli.Verb == Verb.Backup ? "No backup was written: " : "Nothing was restored: ") + e.Message);
            return 1;
        }
    }
}
