using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Workshops.Core.Storage;

namespace Workshops.Core.Email;

public static class EmailServices
{
    public static IServiceCollection AddEmail(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EmailOptions>().Bind(configuration.GetSection(EmailOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<EmailRenderer>();
        services.AddSingleton<IMailTransport>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<EmailOptions>>().Value;
            if (!string.IsNullOrWhiteSpace(options.Host)) return new SmtpMailTransport(options);
            var storage = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            var root = storage.FullDataDirectory(sp.GetRequiredService<IHostEnvironment>().ContentRootPath);
            return new FileDropMailTransport(Path.Combine(root, "mail"));
        });
        services.AddScoped<Outbox>();
        services.AddSingleton<Editable.TemplateRenderer>();
        services.AddScoped<Editable.TemplateMail>();
        services.AddScoped<OutboxSender>();
        services.AddSingleton(sp =>
        {
            var db = sp.GetRequiredService<IOptions<Data.DatabaseOptions>>().Value;
            var clock = sp.GetRequiredService<TimeProvider>();
            return new SendPacer(clock, db.Provider == Data.DatabaseProvider.Postgres ? new SharedPaceGrid(db.PostgresConnectionString()) : null);
        });
        return services;
    }
}
