using System.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workshops.Core.Data;
using Workshops.Core.Domain.Accounts;
using Workshops.Core.Domain.Registrations;
using Workshops.EndToEndTests.Support;
using Workshops.Web.Features.Account;
using Workshops.Web.Infrastructure;

namespace Workshops.EndToEndTests;

/// <summary>
/// A developer generates a C# client from the site's own /openapi/v1.json with Kiota (the repository's local tool),
/// builds it in a project of its own, and uses it against the running site: it lists the workshops and admits a
/// registration, which sends the participant the page's email.
/// </summary>
public sealed class GeneratedClientTests(Site site) : IClassFixture<Site>
{
    private const string KiotaVersion = "2.1.6";

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, ".config", "dotnet-tools.json"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("No .config/dotnet-tools.json above the test's folder.");
    }

    private static async Task<string> RunAsync(string file, string arguments, string workingDirectory)
    {
        var start = new ProcessStartInfo(file, arguments) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["KIOTA_TUTORIAL_ENABLED"] = "false";
        start.Environment["KIOTA_OFFLINE_ENABLED"] = "true";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"{file} {arguments} exited with {process.ExitCode}:\n{await output}\n{await errors}");
        return await output;
    }

    [Fact]
    public async Task A_client_generated_from_the_description_lists_workshops_and_admits_a_registration()
    {
        await using (var scope = site.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(default);
            await scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.OutputCaching.IOutputCacheStore>().EvictAsync(default);
        }
        await site.CreateUserAsync("dev@nodes.example.org", "Dana Developer", Roles.Organiser);
        string token;
        Registration waiting;
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var user = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync("dev@nodes.example.org");
            var made = await scope.ServiceProvider.GetRequiredService<ApiTokenDesk>().CreateAsync(user!.Id,
                new ApiTokenRequest("generated client", [ApiScopes.RegistrationsRead, ApiScopes.RegistrationsWrite], [], DateOnly.FromDateTime(DateTime.UtcNow).AddDays(7)), default);
            token = made.Value!;
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var workshop = await db.Workshops.SingleAsync(w => w.Slug == "2027-sao-paulo");
            waiting = await db.Registrations.AsNoTracking().Where(r => r.WorkshopId == workshop.Id && r.Status == RegistrationStatus.Submitted).OrderBy(r => r.CreatedAt).FirstAsync();
        }

        var work = Path.Combine(site.DataDirectory, "generated-client");
        Directory.CreateDirectory(work);
        using (var http = new HttpClient())
            await File.WriteAllTextAsync(Path.Combine(work, "openapi.json"), await http.GetStringAsync(site.BaseUrl + "/openapi/v1.json"));
        // The repository's own tool manifest names the Kiota version, as for dotnet-ef.
        await RunAsync("dotnet", $"tool run kiota generate -l CSharp -c WorkshopsClient -n Workshops.Generated -d \"{Path.Combine(work, "openapi.json")}\" -o \"{Path.Combine(work, "Client")}\" --exclude-backward-compatible --clean-output",
            RepositoryRoot());
        await File.WriteAllTextAsync(Path.Combine(work, "GeneratedClient.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <NoWarn>CS8618;CS1591</NoWarn>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Microsoft.Kiota.Abstractions" Version="{KiotaVersion}" />
                <PackageReference Include="Microsoft.Kiota.Http.HttpClientLibrary" Version="{KiotaVersion}" />
                <PackageReference Include="Microsoft.Kiota.Serialization.Json" Version="{KiotaVersion}" />
                <PackageReference Include="Microsoft.Kiota.Serialization.Text" Version="{KiotaVersion}" />
                <PackageReference Include="Microsoft.Kiota.Serialization.Form" Version="{KiotaVersion}" />
                <PackageReference Include="Microsoft.Kiota.Serialization.Multipart" Version="{KiotaVersion}" />
              </ItemGroup>
            </Project>
            """);
        await File.WriteAllTextAsync(Path.Combine(work, "Program.cs"), """
            using Microsoft.Kiota.Abstractions;
            using Microsoft.Kiota.Abstractions.Authentication;
            using Microsoft.Kiota.Http.HttpClientLibrary;
            using Workshops.Generated;
            using Workshops.Generated.Models;

            var adapter = new HttpClientRequestAdapter(new Bearer(args[1])) { BaseUrl = args[0] };
            var client = new WorkshopsClient(adapter);
            var workshops = await client.Api.V1.Workshops.GetAsync();
            Console.WriteLine("workshops: " + string.Join(",", workshops!.Items!.Select(w => w.Slug)));
            var page = await client.Api.V1.Workshops[args[2]].Registrations.GetAsync();
            Console.WriteLine("registrations: " + page!.Total);
            var moved = await client.Api.V1.Registrations[Guid.Parse(args[3])].Status.PostAsync(new RegistrationMove { Status = RegistrationStatus.Admitted });
            Console.WriteLine("moved: " + moved!.Name + " " + moved.Status);

            sealed class Bearer(string token) : IAuthenticationProvider
            {
                public Task AuthenticateRequestAsync(RequestInformation request, Dictionary<string, object>? context = null, CancellationToken ct = default)
                {
                    request.Headers.Add("Authorization", "Bearer " + token);
                    return Task.CompletedTask;
                }
            }
            """);
        var output = await RunAsync("dotnet", $"run --project \"{work}\" -c Release -- {site.BaseUrl} {token} 2027-sao-paulo {waiting.Id}", work);

        Assert.Contains("workshops: 2024-canberra,2025-madrid,2027-sao-paulo", output);
        Assert.Matches(@"registrations: [1-9]", output);
        Assert.Contains($"moved: {waiting.Name} Admitted", output);
        await site.Smtp.Inbox.WaitForAsync(waiting.Email, "You have a seat");
    }
}
