namespace Workshops.Web.Features.Community;

public static class CommunityServices
{
    /// <summary>The community's registry of installations: its public pages and the organisers' editor.</summary>
    public static IServiceCollection AddCommunity(this IServiceCollection services)
    {
        services.AddScoped<Organise.Installations.InstallationDesk>();
        services.AddScoped<InstallationLinks>();
        services.AddScoped<Organise.SitePages.PageDesk>();
        services.AddScoped<HomePage>();
        services.AddScoped<Organise.Projects.ProjectDesk>();
        services.AddScoped<Projects.ProjectQueries>();
        services.AddScoped<Organise.Attendees.AttendeeDesk>();
        services.AddSingleton<SitePages.SitePageLinks>();
        services.AddSingleton<SitePages.ReservedAddresses>();
        return services;
    }
}
