using Workshops.Core.Domain.Archive.Import;
using Workshops.Core.Data;
using Workshops.Web.Features.Account;

namespace Workshops.Web.Infrastructure;

/// <summary>The executable's non-serving verbs.</summary>
public static class AdminCommands
{
    public static async Task<int> RunAsync(IServiceProvider services, CommandLine cli)
    {
        // Neither touches the schema first: a backup copies what is there, a restore needs the database empty.
        if (cli.Verb is Verb.Backup or Verb.Restore) return await Backups.RunAsync(services, cli);
        await services.MigrateAsync();
        if (cli.Verb == Verb.Migrate)
        {
            Console.WriteLine("The database is up to date.");
            return 0;
        }
        await using var scope = services.CreateAsyncScope();
        if (cli.Verb == Verb.ImportArchive) return await ImportArchiveAsync(scope.ServiceProvider, cli.Folder!);
        var accounts = scope.ServiceProvider.GetRequiredService<AccountDesk>();
        var password = cli.Password
            ?? (cli.PasswordFromStdin ? Console.In.ReadLine() : Environment.GetEnvironmentVariable(CommandLine.PasswordVariable));
        if (string.IsNullOrEmpty(password))
        {
            Console.Error.WriteLine("No password came: type it as the first line of standard input, or set " + CommandLine.PasswordVariable + ".");
            return 1;
        }
        var result = await accounts.CreateAdminAsync(cli.Email!, password, cli.Name);
        if (result.Succeeded)
        {
            Console.WriteLine($"Admin account {cli.Email} created; sign in at /account/signin.");
            return 0;
        }
        Console.Error.WriteLine("The admin account was not created:");
        foreach (var e in result.Errors) Console.Error.WriteLine("  - " + e.Description);
        return 1;
    }

    private static async Task<int> ImportArchiveAsync(IServiceProvider services, string folder)
    {
        if (!Directory.Exists(folder))
        {
            Console.Error.WriteLine($"There is no folder {folder}.");
            return 1;
        }
        using var source = ImportSource.FromFolder(folder);
        Task Progress(int done, int total)
        {
            Console.Error.Write($"\rImporting: {done} of {total}");
            return Task.CompletedTask;
        }
        var report = await services.GetRequiredService<StaticSiteImporter>().RunAsync(source, Progress, CancellationToken.None);
        Console.Error.WriteLine();
        foreach (var line in report.Lines()) Console.WriteLine(line);
        return report.Events.Count == 0 ? 1 : 0;
    }
}
