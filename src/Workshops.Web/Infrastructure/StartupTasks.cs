using Hangfire;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using Workshops.Core.Data;
using Workshops.Core.Jobs;
using Workshops.Core.Security;
using Workshops.Web.Features.Account;
using Workshops.Web.Features.Setup;

namespace Workshops.Web.Infrastructure;

/// <summary>What must happen before the first request: schema, recurring jobs, demo data, first-run token.</summary>
public sealed class StartupTasks(
    IServiceProvider services,
    IOptions<DatabaseOptions> database,
    IOptions<JobOptions> jobs,
    CommandLine cli,
    SetupToken setup,
    IRecurringJobManager recurring,
    ILogger<StartupTasks> log) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        if (database.Value.MigrateOnStart) await services.MigrateAsync(ct);
        // Before anything can sign inside a transaction (the demo below, the first announcement): see SigningKeys.
        services.GetRequiredService<SigningKeys>().EnsureAhead();
        // Loads the key ring now, with synchronous database reads, rather than inside the first request that signs.
        services.GetRequiredService<IDataProtectionProvider>().CreateProtector("Workshops.WarmUp").Protect("warm");
        RecurringJobs.Register(recurring, jobs.Value);
        await using (var scope = services.CreateAsyncScope())
        {
            var accounts = scope.ServiceProvider.GetRequiredService<AccountDesk>();
            await accounts.EnsureRolesAsync();
            await accounts.FoldNamesAsync(ct);
            // Countries typed as text before the picker become codes wherever they name one country.
            await scope.ServiceProvider.GetRequiredService<CountryCodes>().MapAsync(ct);
        }
        if (cli.SeedDemo)
        {
            await using var scope = services.CreateAsyncScope();
            var added = await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(ct);
            log.LogInformation("Demo data: {Added} workshops and proposals added", added);
        }
        await setup.RefreshAsync(ct);
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
