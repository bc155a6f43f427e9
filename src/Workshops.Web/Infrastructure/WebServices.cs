using System.Net;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.Extensions.WebEncoders;
using Microsoft.Extensions.Options;
using Workshops.Core;
using Workshops.Web.Features.Organise;
using Workshops.Web.Features.WorkshopPages;
using Workshops.Web.Endpoints;
using Workshops.Web.Endpoints.Api;

namespace Workshops.Web.Infrastructure;

public static class WebServices
{
    /// <summary>
    /// The site has Razor Pages and no controllers, but MVC looks for controllers among every type of the site's
    /// assembly when it builds its routes, which loads all of them (every closure and async method of every page,
    /// 2,000 types and more) into memory for good. Without that provider nothing looks.
    /// </summary>
    private static void NoControllers(ApplicationPartManager parts)
    {
        foreach (var provider in parts.FeatureProviders.OfType<ControllerFeatureProvider>().ToList()) parts.FeatureProviders.Remove(provider);
    }

    public static IServiceCollection AddWeb(this IServiceCollection services)
    {
        LazyPages.Add(services);
        services.AddRazorPages(o =>
        {
            o.RootDirectory = "/Features";
            o.Conventions.AuthorizeFolder("/Admin", AccountServices.AdminPolicy);
            o.Conventions.AuthorizeFolder("/Organise", AccountServices.OrganisePolicy);
        }).AddDataAnnotationsLocalization().AddMvcOptions(o =>
        {
            o.Filters.Add<InvalidFormStatus>();
            o.ModelBinderProviders.Insert(0, new BooleanBinderProvider());
            InvariantFormValues.Use(o.ValueProviderFactories);
            o.ModelMetadataDetailsProviders.Add(new RequiredMessages());
        }).ConfigureApplicationPartManager(NoControllers);
        // Names like São Paulo or Zürich stay readable in the page source instead of becoming &#xE3; entities.
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddHealthChecks().AddWorkshopChecks();
        services.AddPublicPageCache().AddSiteWideEviction();
        services.AddUploadLimits();
        services.AddQuietTempData();
        services.AddSecurityHeaders();
        // Only loopback (the defaults) and the proxies named in Site:TrustedProxies may say who the client is and
        // whether it came over https; anyone else's X-Forwarded-* headers are ignored.
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<SiteOptions>>((o, site) =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in site.Value.TrustedProxies)
            {
                if (IPAddress.TryParse(proxy, out var address)) o.KnownProxies.Add(address);
                else o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(proxy));
            }
        });
        services.AddHttpContextAccessor();
        services.AddSingleton<AssetUrls>();
        services.AddMemoryCache();
        services.AddSingleton<Core.Domain.Community.OldAddresses>();
        services.AddScoped<StatusHistory>();
        services.AddScoped<YourStatus>();
        return services;
    }

    public static WebApplication UseWeb(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseRequestIdForJobs();
        app.UseSecurityHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error");
            app.UseHsts();
        }
        app.UseStatusCodePagesWithReExecute("/error", "?code={0}");
        app.UseApiProblems();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseMetricsEndpoint();
        // After authentication (sign-in writes the account's language into the cookie it reads), before the cache.
        app.UseRequestLocalization();
        app.UseAccountGate();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseUploadLimits();
        app.UseOutputCache(); // after authentication: signed-in people always get their own page
        app.MapRazorPages();
        return app;
    }
}
