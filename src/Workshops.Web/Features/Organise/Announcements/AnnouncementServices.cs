namespace Workshops.Web.Features.Organise.Announcements;

public static class AnnouncementServices
{
    /// <summary>Announcements and reminders, their audiences and sending, subscriptions and news.</summary>
    public static IServiceCollection AddAnnouncements(this IServiceCollection services)
    {
        services.AddScoped<AnnouncementDesk>();
        services.AddScoped<News.NewsItems>();
        services.AddScoped<Core.Announcements.AudienceResolver>();
        services.AddScoped<Core.Announcements.AnnouncementMail>();
        services.AddScoped<Core.Announcements.AnnouncementStarter>();
        services.AddScoped<Core.Announcements.CampaignProgress>();
        services.AddScoped<Core.Announcements.CampaignControl>();
        services.AddScoped<Core.Announcements.ReminderPlanner>();
        services.AddScoped<Core.Announcements.ReminderSweep>();
        services.AddSingleton<Core.Announcements.UnsubscribeLinks>();
        services.AddScoped<Core.Announcements.Subscriptions>();
        services.AddScoped<Core.Jobs.StartAnnouncementJob>();
        services.AddScoped<Core.Jobs.SendRemindersJob>();
        return services;
    }
}
