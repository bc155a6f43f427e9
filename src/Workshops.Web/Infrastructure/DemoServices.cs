namespace Workshops.Web.Infrastructure;

public static class DemoServices
{
    /// <summary>The demo data --seed-demo writes.</summary>
    public static IServiceCollection AddDemo(this IServiceCollection services)
    {
        services.AddScoped<DemoSeeder>();
        services.AddScoped<DemoProposals>();
        services.AddScoped<DemoSessions>();
        services.AddScoped<DemoRegistrations>();
        services.AddScoped<DemoTravel>();
        services.AddScoped<DemoPeople>();
        services.AddScoped<DemoAgenda>();
        services.AddScoped<DemoMaterials>();
        services.AddScoped<DemoAnnouncements>();
        services.AddScoped<DemoCommunity>();
        return services;
    }
}
