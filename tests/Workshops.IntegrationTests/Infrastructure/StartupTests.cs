using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Workshops.Core.Data;
using Workshops.Core.Email;
using Workshops.Core.Jobs;
using Workshops.Core.Storage;
using Workshops.Web.Infrastructure;

namespace Workshops.IntegrationTests.Infrastructure;

public sealed class StartupTests
{
    [Theory]
    [InlineData("Email:Port", "0", "Email:Port must be between 1 and 65535.")]
    [InlineData("Email:FromAddress", "not-an-address", "Email:FromAddress must be an email address.")]
    [InlineData("Jobs:WorkerCount", "0", "Jobs:WorkerCount must be between 1 and 64.")]
    [InlineData("Site:Name", "", "Site:Name is required.")]
    [InlineData("Site:BaseUrl", "workshops.example.org", "Site:BaseUrl must be an http or https address without a path")]
    [InlineData("Site:TrustedProxies:0", "the proxy", "Site:TrustedProxies has 'the proxy'")]
    public async Task A_wrong_setting_stops_start_up_with_a_message_naming_it(string key, string value, string message) =>
        await AssertRefusedAsync("Testing", [new(key, value)], message);

    [Fact]
    public async Task Production_refuses_to_start_without_its_public_address() =>
        await AssertRefusedAsync("Production", [], "Site:BaseUrl is required in Production");

    [Fact]
    public async Task Production_starts_with_its_public_address()
    {
        await using var services = Services("Production", [new("Site:BaseUrl", "https://workshops.example.org")]);
        services.GetRequiredService<IStartupValidator>().Validate();
    }

    private static async Task AssertRefusedAsync(string environment, KeyValuePair<string, string?>[] settings, string message)
    {
        await using var services = Services(environment, settings);
        // The same validator the host runs before it starts listening.
        var e = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());
        Assert.Contains(message, e.Message);
    }

    private static ServiceProvider Services(string environment, KeyValuePair<string, string?>[] settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection()
            .AddSingleton<Microsoft.Extensions.Hosting.IHostEnvironment>(new Microsoft.Extensions.Hosting.Internal.HostingEnvironment { EnvironmentName = environment })
            .AddSite(configuration, CommandLine.Parse([]))
            .AddData(configuration)
            .AddStorage(configuration)
            .AddEmail(configuration)
            .AddJobs(configuration)
            .BuildServiceProvider();
    }

    [Fact]
    public void Postgres_without_a_connection_string_is_refused()
    {
        var options = new Workshops.Core.Data.DatabaseOptions { Provider = Workshops.Core.Data.DatabaseProvider.Postgres };
        var errors = options.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(options)).ToList();
        Assert.Contains(errors, e => e.ErrorMessage!.Contains("Database:ConnectionString is required"));
    }

    [Theory]
    [InlineData(new[] { "--seed-demo" }, Verb.Serve, true, null)]
    [InlineData(new[] { "migrate" }, Verb.Migrate, false, null)]
    [InlineData(new[] { "admin", "create", "--email", "a@b.org", "--password", "long enough pass" }, Verb.AdminCreate, false, null)]
    [InlineData(new[] { "admin", "create", "--email", "a@b.org" }, Verb.AdminCreate, false, "admin create needs a password: --password-stdin (and type it, or pipe it in), or WORKSHOPS_ADMIN_PASSWORD set in the environment.")]
    [InlineData(new[] { "admin", "create", "--email", "a@b.org", "--password-stdin" }, Verb.AdminCreate, false, null)]
    [InlineData(new[] { "admin", "create", "--password-stdin" }, Verb.AdminCreate, false, "admin create needs --email.")]
    [InlineData(new[] { "admin", "delete" }, Verb.AdminCreate, false, "The admin verb knows one action: admin create.")]
    public void The_command_line_knows_its_verbs_and_passes_the_rest_on(string[] args, Verb verb, bool seed, string? error)
    {
        var cli = CommandLine.Parse([.. args, "--urls", "http://127.0.0.1:5999"]);
        Assert.Equal((verb, seed, error), (cli.Verb, cli.SeedDemo, cli.Error));
        Assert.Equal(["--urls", "http://127.0.0.1:5999"], cli.HostArgs);
    }
}
