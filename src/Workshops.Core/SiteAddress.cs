using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Workshops.Core;

/// <summary>
/// The origin every absolute link starts with (emails, PDFs, feeds): Site:BaseUrl, or on a laptop without it the
/// address the server listens on. Never a request's Host header: a forged one would steer password-reset links to
/// whoever sent it. Production refuses to start without Site:BaseUrl.
/// </summary>
public sealed class SiteAddress(IOptions<SiteOptions> site, IServiceProvider services)
{
    public const string Fallback = "http://localhost:5080";

    private string? _listening;

    public string Origin => string.IsNullOrWhiteSpace(site.Value.BaseUrl) ? Listening() : site.Value.BaseUrl.TrimEnd('/');

    public string Absolute(string path) => Origin + (path.StartsWith('/') ? path : "/" + path);

    private string Listening()
    {
        if (_listening is not null) return _listening;
        var addresses = services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var first = addresses
            .Select(a => a.Replace("://[::]", "://localhost").Replace("://0.0.0.0", "://localhost").Replace("://+", "://localhost").Replace("://*", "://localhost"))
            .OrderBy(a => a.StartsWith("https", StringComparison.Ordinal) ? 1 : 0).FirstOrDefault();
        // Remembered only once the server has said where it listens; before that (at start), the default address.
        if (first is null) return Fallback;
        return _listening = first.TrimEnd('/');
    }
}
