using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using Workshops.Core;
using Workshops.Core.Data;
using Workshops.Core.Storage;
using Workshops.Web.Features.Setup;

namespace Workshops.Web.Infrastructure;

/// <summary>Tells the person at the terminal where the site is and how to become its first admin.</summary>
public static class FirstRun
{
    public static void Print(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var url = addresses.Select(a => a.Replace("://[::]", "://localhost").Replace("://0.0.0.0", "://localhost").Replace("://+", "://localhost"))
            .OrderBy(a => a.StartsWith("https") ? 1 : 0).FirstOrDefault() ?? "http://localhost:5000";
        var site = app.Services.GetRequiredService<IOptions<SiteOptions>>().Value;
        if (!string.IsNullOrWhiteSpace(site.BaseUrl)) url = site.BaseUrl.TrimEnd('/');
        var storage = app.Services.GetRequiredService<IOptions<StorageOptions>>().Value;
        var database = app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var data = storage.FullDataDirectory(app.Environment.ContentRootPath);
        var setup = app.Services.GetRequiredService<SetupToken>();

        Console.WriteLine();
        Console.WriteLine($"  Workshops is running at {url}");
        Console.WriteLine($"  Database: {database.Provider}{(database.Provider == DatabaseProvider.Sqlite ? " in " + data : "")}");
        Console.WriteLine($"  Data folder (files, mail without SMTP): {data}");
        if (setup.Value is { } token)
        {
            Console.WriteLine();
            Console.WriteLine("  No admin account exists yet. Create the first one in your browser:");
            Console.WriteLine($"    {url}/setup?token={token}");
            Console.WriteLine("  or, with the site stopped, from this terminal:");
            Console.WriteLine("    dotnet run --project src/Workshops.Web -- admin create --email you@example.org --password-stdin");
        }
        Console.WriteLine();
        if (app.Services.GetRequiredService<CommandLine>().SeedDemo)
            Console.WriteLine($"  Demo data is loaded. The demo people's emails, with their private links, are in {Path.Combine(data, "mail")}");
        else
            Console.WriteLine("  Demo workshops: restart with  dotnet run --project src/Workshops.Web -- --seed-demo");
        Console.WriteLine("  Stop with Ctrl+C.");
        Console.WriteLine();
    }
}
