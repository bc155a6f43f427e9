namespace Workshops.Web.Features.Organise.Announcements;

public static class AnnouncementServices
{
    /// <summary>Announcements and reminders, their audiences and sending, subscriptions and news.</summary>
    public static IServiceCollection AddAnnouncements(this IServiceCollection services)
    {
        services.AddScoped<AnnouncementDesk>();
        services.AddScoped<News.NewsItems>();
        services.AddScoped<Core.Domain.Announcements.AudienceResolver>();
        services.AddScoped<Core.Domain.Announcements.AnnouncementMail>();
        services.AddScoped<Core.Domain.Announcements.AnnouncementStarter>();
        services.AddScoped<Core.Domain.Announcements.CampaignProgress>();
        services.AddScoped<Core.Domain.Announcements.CampaignControl>();
        services.AddScoped<Core.Domain.Announcements.ReminderPlanner>();
        services.AddScoped<Core.Domain.Announcements.ReminderSweep>();
        services.AddSingleton<Core.Domain.Announcements.UnsubscribeLinks>();
        services.AddScoped<Core.Domain.Announcements.Subscriptions>();
        services.AddScoped<Core.Jobs.StartAnnouncementJob>();
        services.AddScoped<Core.Jobs.SendRemindersJob>();
        return services;
    }
}
