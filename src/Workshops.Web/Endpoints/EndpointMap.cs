using Hangfire;
using Hangfire.Dashboard;
using Workshops.Web.Infrastructure;
using Workshops.Web.Endpoints.Api;

namespace Workshops.Web.Endpoints;

public static class EndpointMap
{
    public static WebApplication MapEndpoints(this WebApplication app)
    {
        app.MapHealth();
        app.MapLanguageSwitch();
        app.MapFactSheet();
        app.MapAgendaFeeds();
        app.MapNewsFeed();
        app.MapCommunityMap();
        app.MapInstallationLogos();
        app.MapMaterialDownloads();
        app.MapPackDownloads();
        app.MapApi();
        // The dashboard sits behind the Admin policy of the site itself: anonymous visitors are sent to sign in,
        // everyone else who is not an admin gets the site's access-denied page.
        app.MapHangfireDashboardWithAuthorizationPolicy(AccountServices.AdminPolicy, "/admin/jobs", new DashboardOptions
        {
            Authorization = [],
            DashboardTitle = "Workshops jobs",
            AppPath = "/admin",
        });
        return app;
    }
}
