using Hangfire;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using Workshops.Core.Data;
using Workshops.Core.Jobs;
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
        RecurringJobs.Register(recurring, jobs.Value);
        await using (var scope = services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<AccountAdmin>().EnsureRolesAsync();
        if (cli.SeedDemo)
        {
            await using var scope = services.CreateAsyncScope();
            var added = await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(ct);
            log.LogInformation("Demo data: {Added} workshops and proposals added", added);
        }
        await setup.RefreshAsync(ct);
        // Loads (or makes) the signing keys now, with synchronous database reads, rather than inside the first
        // request that signs a private link.
        services.GetRequiredService<IDataProtectionProvider>().CreateProtector("Workshops.WarmUp").Protect("warm");
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
