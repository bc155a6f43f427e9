using Hangfire;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Workshops.Core.Data;
using Workshops.Core.Email;

namespace Workshops.Core.Jobs;

public static class JobServices
{
    public static IServiceCollection AddJobs(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<JobOptions>().Bind(configuration.GetSection(JobOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        // Storage lives in the container rather than in Hangfire's static JobStorage.Current, so several
        // hosts in one process (the test suites) each keep their own jobs.
        services.AddSingleton<JobStorage>(sp =>
        {
            var db = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            var jobs = sp.GetRequiredService<IOptions<JobOptions>>().Value;
            return db.Provider == DatabaseProvider.Postgres ? PostgresStorage(db, jobs) : new InMemoryStorage();
        });
        // This host's filters beside Hangfire's global ones, rather than added to GlobalJobFilters: that list is
        // process-wide, and each test host would add its own filter holding its own (later disposed) logger.
        services.AddSingleton<JobTracing>();
        services.AddSingleton<Hangfire.Common.IJobFilterProvider>(sp => new HostJobFilters(sp.GetRequiredService<JobTracing>()));
        services.AddHangfire((_, config) => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings());
        if (configuration.GetValue(JobOptions.Section + ":" + nameof(JobOptions.RunServer), true))
        {
            services.AddHangfireServer((sp, server) =>
            {
                var jobs = sp.GetRequiredService<IOptions<JobOptions>>().Value;
                server.WorkerCount = jobs.WorkerCount;
                server.SchedulePollingInterval = TimeSpan.FromSeconds(jobs.PollIntervalSeconds);
            });
        }
        services.AddScoped<SendOutboxJob>();
        services.AddSingleton<Security.SigningKeys>();
        services.AddScoped<KeepSigningKeysJob>();
        services.AddScoped<SecuritySweepJob>();
        services.AddScoped<FileSweepJob>();
        services.AddScoped<RetentionJob>();
        services.AddScoped<Privacy.WorkshopEraser>();
        services.AddScoped<Privacy.PrivacySettingsStore>();
        services.AddScoped<Storage.FileReferences>();
        services.AddSingleton<OutboxKickLoop>();
        services.AddSingleton<IOutboxKicker>(sp => sp.GetRequiredService<OutboxKickLoop>());
        services.AddHostedService(sp => sp.GetRequiredService<OutboxKickLoop>());
        return services;
    }

    // Apart from the lambda above, so that a SQLite site does not load Hangfire's PostgreSQL storage and Npgsql.
    private static JobStorage PostgresStorage(DatabaseOptions db, JobOptions jobs)
    {
        var options = new PostgreSqlStorageOptions
        {
            SchemaName = "hangfire",
            PrepareSchemaIfNecessary = true,
            QueuePollInterval = TimeSpan.FromSeconds(jobs.PollIntervalSeconds),
        };
        return new PostgreSqlStorage(new NpgsqlConnectionFactory(db.PostgresConnectionString(), options), options);
    }
}
