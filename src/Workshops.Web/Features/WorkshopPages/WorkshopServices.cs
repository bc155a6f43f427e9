namespace Workshops.Web.Features.WorkshopPages;

public static class WorkshopServices
{
    /// <summary>Workshops: their public pages and fact sheet, and the organisers' editor.</summary>
    public static IServiceCollection AddWorkshops(this IServiceCollection services)
    {
        services.AddScoped<WorkshopQueries>();
        services.AddScoped<FactSheet>();
        services.AddScoped<Organise.WorkshopDesk>();
        // The organisers' overview reads every area of a workshop (call, registrations, agenda, packs, announcements).
        services.AddScoped<Organise.Dashboard.WorkshopDashboard>();
        return services;
    }
}
