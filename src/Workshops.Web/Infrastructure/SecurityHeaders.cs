using Microsoft.AspNetCore.CookiePolicy;

namespace Workshops.Web.Infrastructure;

/// <summary>
/// The headers every response carries, and cookies that are Secure whenever the request came over https (behind
/// the proxy too: X-Forwarded-Proto is read first). Scripts come from our own files only; inline style attributes
/// stay allowed because charts and email previews size and colour themselves with them.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; style-src-attr 'unsafe-inline'; img-src 'self' data: blob:; " +
        "font-src 'self'; connect-src 'self'; media-src 'self' blob:; frame-src 'self'; object-src 'none'; base-uri 'self'; " +
        "form-action 'self'; frame-ancestors 'none'";

    // The check-in page reads QR codes with the camera; nothing else may ask for a device.
    public const string PermissionsPolicy =
        "camera=(self), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), interest-cohort=()";

    public static IServiceCollection AddSecurityHeaders(this IServiceCollection services)
    {
        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = false; // the community's other sites may not be on https yet
        });
        services.Configure<CookiePolicyOptions>(o =>
        {
            o.Secure = CookieSecurePolicy.SameAsRequest;
            o.MinimumSameSitePolicy = SameSiteMode.Lax;
            o.HttpOnly = HttpOnlyPolicy.None; // each cookie says; ours are all HttpOnly already
        });
        return services;
    }

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
    {
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY"; // for browsers that predate frame-ancestors
                headers["Referrer-Policy"] = "same-origin"; // private links carry their token in the path
                headers["Permissions-Policy"] = PermissionsPolicy;
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                return Task.CompletedTask;
            });
            return next(context);
        });
        app.UseCookiePolicy();
        return app;
    }
}
