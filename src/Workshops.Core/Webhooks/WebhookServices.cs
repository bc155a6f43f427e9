using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Workshops.Core.Jobs;

namespace Workshops.Core.Webhooks;

public static class WebhookServices
{
    public static IServiceCollection AddWebhooks(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WebhookOptions>().Bind(configuration.GetSection(WebhookOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddHttpClient(WebhookSender.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(sp =>
            {
                var allowPrivate = sp.GetRequiredService<IOptions<WebhookOptions>>().Value.AllowPrivateNetworks;
                return new SocketsHttpHandler
                {
                    // A redirect could lead anywhere, past the address check: it counts as a failed delivery instead.
                    AllowAutoRedirect = false,
                    UseCookies = false,
                    UseProxy = false,
                    PooledConnectionLifetime = TimeSpan.FromMinutes(2),
                    ConnectCallback = (context, ct) => PublicAddresses.ConnectAsync(context, allowPrivate, ct),
                };
            })
            .ConfigureHttpClient(c =>
            {
                c.Timeout = Timeout.InfiniteTimeSpan; // each send has its own (Webhooks:TimeoutSeconds)
                c.DefaultRequestHeaders.UserAgent.ParseAdd("Workshops-Webhooks/1");
                c.DefaultRequestVersion = HttpVersion.Version11;
            });
        services.AddScoped<WebhookOutbox>();
        services.AddScoped<WebhookSender>();
        services.AddScoped<SendWebhooksJob>();
        services.AddSingleton<WebhookKickLoop>();
        services.AddSingleton<IWebhookKicker>(sp => sp.GetRequiredService<WebhookKickLoop>());
        services.AddHostedService(sp => sp.GetRequiredService<WebhookKickLoop>());
        return services;
    }
}
