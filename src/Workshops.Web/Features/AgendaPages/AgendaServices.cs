namespace Workshops.Web.Features.AgendaPages;

public static class AgendaServices
{
    /// <summary>The agenda: organisers' timetable and publishing, the published pages, stars and feeds.</summary>
    public static IServiceCollection AddAgenda(this IServiceCollection services)
    {
        services.AddScoped<PublishedAgendas>();
        services.AddScoped<AgendaStars>();
        services.AddSingleton<AgendaFeedLinks>();
        services.AddScoped<Organise.Agenda.AgendaDesk>();
        services.AddScoped<Organise.Agenda.AgendaPublishingDesk>();
        return services;
    }
}
