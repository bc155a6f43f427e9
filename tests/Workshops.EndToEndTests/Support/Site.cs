using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Playwright;
using Workshops.Tests.Shared;

namespace Workshops.EndToEndTests.Support;

/// <summary>
/// The whole site on Kestrel at a real loopback address, on its own database (SQLite or PostgreSQL, as the
/// integration suite chooses), sending mail over SMTP to <see cref="SmtpSink"/>, driven by Debian's Chromium.
/// </summary>
public sealed class Site : WebApplicationFactory<Program>, IAsyncLifetime
{
    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "workshops-e2e", Guid.NewGuid().ToString("N"));
    public SmtpSink Smtp { get; private set; } = null!;
    public TestDatabase Database { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";
    private IPlaywright _playwright = null!;
    public IPlaywright Playwright => _playwright;

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync(DataDirectory);
        Smtp = await SmtpSink.StartAsync(Path.Combine(DataDirectory, "smtp"));
        UseKestrel(0);
        StartServer();
        BaseUrl = ClientOptions.BaseAddress.ToString().TrimEnd('/');
        _playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseTestDefaults(Database, DataDirectory, "GBIF Nodes Workshops");
        builder.UseSetting("Email:Host", "127.0.0.1");
        builder.UseSetting("Email:Port", Smtp.Port.ToString());
        builder.UseSetting("Email:Security", "None");
        // The walks' webhook receiver listens on loopback, which a real site refuses.
        builder.UseSetting("Webhooks:AllowPrivateNetworks", "true");
    }

    /// <summary>A fresh browser profile: its own cookies, as a different person at a different computer.</summary>
    public async Task<IPage> NewVisitorAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, Locale = "en-GB" });
        return await context.NewPageAsync();
    }

    public new async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
        await Database.DisposeAsync();
        try { Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { }
    }
}
