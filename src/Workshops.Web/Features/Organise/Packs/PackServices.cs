namespace Workshops.Web.Features.Organise.Packs;

public static class PackServices
{
    /// <summary>Attendee packs, badges, invitation letters and certificates.</summary>
    public static IServiceCollection AddPacks(this IServiceCollection services)
    {
        services.AddScoped<PackDesk>();
        services.AddScoped<Core.Domain.Packs.PackSource>();
        services.AddScoped<Core.Domain.Packs.PackGenerator>();
        services.AddScoped<Core.Jobs.BuildPacksJob>();
        return services;
    }
}
