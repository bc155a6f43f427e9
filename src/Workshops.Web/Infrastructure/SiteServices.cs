using Workshops.Core;
using Workshops.Web.Features.Setup;

namespace Workshops.Web.Infrastructure;

public static class SiteServices
{
    public static IServiceCollection AddSite(this IServiceCollection services, IConfiguration configuration, CommandLine cli)
    {
        services.AddOptions<SiteOptions>().Bind(configuration.GetSection(SiteOptions.Section))
            .ValidateDataAnnotations()
            .Validate<IHostEnvironment>((site, env) => !env.IsProduction() || !string.IsNullOrWhiteSpace(site.BaseUrl),
                "Site:BaseUrl is required in Production: set it to the site's public address, such as https://workshops.example.org " +
                "(links in emails start with it, never with the Host a request claims).")
            .ValidateOnStart();
        services.AddSingleton<SiteAddress>();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(cli);
        services.AddSingleton<SetupToken>();
        // Registered before the job server so the schema exists before the first job runs.
        services.AddHostedService<StartupTasks>();
        services.AddHostedService<IdleTrim>();
        return services;
    }
}
