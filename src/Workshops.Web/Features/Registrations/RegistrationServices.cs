namespace Workshops.Web.Features.Registrations;

public static class RegistrationServices
{
    /// <summary>Registration, seats, admission and check-in.</summary>
    public static IServiceCollection AddRegistrations(this IServiceCollection services)
    {
        services.AddScoped<Core.Data.SeatLedger>();
        services.AddScoped<RegistrationDesk>();
        services.AddScoped<RegistrationConsents>();
        services.AddScoped<Core.Privacy.ConsentBook>();
        services.AddScoped<RegistrationLinks>();
        services.AddScoped<Core.Domain.Packs.IRegistrationTokens>(sp => sp.GetRequiredService<RegistrationLinks>());
        services.AddScoped<RegistrationAccess>();
        services.AddScoped<Organise.Registrations.RegistrationBoard>();
        services.AddScoped<Organise.Registrations.AdmissionDesk>();
        services.AddSingleton<Organise.Registrations.RegistrationExport>();
        services.AddScoped<Core.Data.TravelLedger>();
        services.AddScoped<Travel.TravelAccess>();
        services.AddScoped<Travel.TravelDesk>();
        services.AddScoped<Travel.TravelAwards>();
        services.AddScoped<Organise.Travel.TravelDecisionDesk>();
        services.AddScoped<Organise.Travel.TravelPaymentDesk>();
        services.AddScoped<Organise.Travel.TravelReport>();
        services.AddSingleton<Organise.Travel.TravelExport>();
        services.AddScoped<Travel.TravelReceiptDesk>();
        services.AddScoped<Travel.TravelFiles>();
        services.AddScoped<Travel.TravelReviewAccess>();
        services.AddScoped<Travel.TravelReviewDesk>();
        services.AddScoped<Organise.Travel.TravelFundDesk>();
        services.AddScoped<Organise.Travel.TravelBoard>();
        return services;
    }
}
