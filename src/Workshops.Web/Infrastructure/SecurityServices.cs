using Workshops.Core.Security;

namespace Workshops.Web.Infrastructure;

public static class SecurityServices
{
    /// <summary>Sessions, the security log, rate limits and two-factor rules.</summary>
    public static IServiceCollection AddSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SecurityOptions>().Bind(configuration.GetSection(SecurityOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<SecurityLog>();
        services.AddSiteRateLimits(configuration);
        return services;
    }
}
