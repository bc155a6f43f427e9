namespace Workshops.Web.Features.Organise.Emails;

public static class EmailServices
{
    /// <summary>The organisers' wording of the emails the site sends (the emails themselves are queued by each area's desk).</summary>
    public static IServiceCollection AddEmailWording(this IServiceCollection services) => services.AddScoped<EmailDesk>();
}
