namespace Workshops.Web.Infrastructure;

/// <summary>
/// What the site uses of WebApplication.CreateBuilder's defaults, on top of CreateSlimBuilder. The full builder also
/// sets up IIS and HTTP/3 (QUIC), which loaded their assemblies and types on every start though the site never runs
/// under IIS and nginx speaks HTTP/1.1 to it; that was a megabyte or two of every node's memory. Configuration,
/// console logging, the Kestrel section, AllowedHosts and forwarded headers are the same in both builders.
/// </summary>
public static class SiteHost
{
    public static WebApplicationBuilder UseSiteHostDefaults(this WebApplicationBuilder builder)
    {
        // HTTPS endpoints in the Kestrel section or ASPNETCORE_URLS, for a node that serves TLS itself.
        builder.WebHost.UseKestrelHttpsConfiguration();
        // Files of referenced libraries under _content/ when run from the build output (dotnet run).
        if (builder.Environment.IsDevelopment()) builder.WebHost.UseStaticWebAssets();
        // Routing with all its constraints (regex among them), which the slim builder leaves out.
        builder.Services.AddRouting();
        return builder;
    }
}
