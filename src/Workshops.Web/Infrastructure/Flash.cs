using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Workshops.Web.Infrastructure;

/// <summary>The one-time message a page shows after a redirect ("Saved.", "Signed out.").</summary>
public static class Flash
{
    public const string Key = "Flash";

    /// <summary>ASP.NET Core's cookie for TempData, which carries the message across the redirect.</summary>
    public const string CookieName = ".AspNetCore.Mvc.CookieTempDataProvider";

    /// <summary>
    /// Keeps ASP.NET Core's cookie TempData, minus one habit: once a page has looked at TempData, the stock provider
    /// deletes the cookie on every response, even when the request never had one. That Set-Cookie would keep every
    /// page that shows the layout out of the page cache.
    /// </summary>
    public sealed class QuietCookieProvider(CookieTempDataProvider cookies) : ITempDataProvider
    {
        public IDictionary<string, object> LoadTempData(HttpContext context) => cookies.LoadTempData(context);

        public void SaveTempData(HttpContext context, IDictionary<string, object> values)
        {
            if (values.Count == 0 && !context.Request.Cookies.ContainsKey(CookieName)) return;
            cookies.SaveTempData(context, values);
        }
    }

    public static IServiceCollection AddQuietTempData(this IServiceCollection services)
    {
        services.AddSingleton<CookieTempDataProvider>();
        return services.Replace(ServiceDescriptor.Singleton<ITempDataProvider, QuietCookieProvider>());
    }
}
