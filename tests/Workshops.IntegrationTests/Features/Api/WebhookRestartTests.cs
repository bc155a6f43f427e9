using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workshops.Core.Data;
using Workshops.Core.Domain.Accounts;
using Workshops.Core.Domain.Webhooks;
using Workshops.Core.Webhooks;
using Workshops.IntegrationTests.Support;
using Workshops.Tests.Shared;

namespace Workshops.IntegrationTests.Features.Api;

/// <summary>
/// The site as its own process, killed outright (SIGKILL) while a webhook is on its way, and started again: the
/// delivery it had claimed is sent once its claim is stale, so the receiver gets the event it never got an answer for.
/// </summary>
[Trait("Category", "Processes")]
public sealed class WebhookRestartTests : IAsyncLifetime
{
    private const int ClaimTimeoutSeconds = 5;

    private readonly string _data = Path.Combine(Path.GetTempPath(), "workshops-tests", Guid.NewGuid().ToString("N"));
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(_data);

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        try { Directory.Delete(_data, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task A_kill_during_delivery_loses_nothing_the_delivery_arrives_after_the_restart()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var release = new TaskCompletionSource();
        receiver.Hold(release.Task); // the first attempt gets no answer: the site dies waiting for it

        // The schema as the site makes it, an organiser's endpoint (its secret sealed with the key ring the site will
        // read from the database) and an event waiting to go.
        var services = new ServiceCollection().AddScoped(_ => Db()).AddLogging();
        services.AddDataProtection().SetApplicationName("Workshops").PersistKeysToDbContext<AppDbContext>();
        await using var provider = services.BuildServiceProvider();
        await provider.MigrateAsync();
        var secret = WebhookSigner.NewSecret();
        Guid deliveryId;
        await using (var db = Db())
        {
            var owner = new AppUser { UserName = "owner@example.org", Email = "owner@example.org", DisplayName = "Owner", CreatedAt = DateTimeOffset.UtcNow };
            db.Users.Add(owner);
            var sealedSecret = provider.GetRequiredService<IDataProtectionProvider>().CreateProtector(WebhookSender.SecretPurpose).Protect(secret);
            var endpoint = WebhookEndpoint.Create(owner.Id, new WebhookDetails(receiver.Url, null, [WebhookEvents.NewsPublished], []), sealedSecret, DateTimeOffset.UtcNow);
            db.WebhookEndpoints.Add(endpoint);
            var delivery = WebhookDelivery.For(endpoint.Id, WebhookEvents.NewsPublished, """{"type":"news.published"}""", DateTimeOffset.UtcNow);
            db.WebhookDeliveries.Add(delivery);
            await db.SaveChangesAsync();
            deliveryId = delivery.Id;
        }

        await using (var site = await StartSiteAsync())
        {
            await receiver.WaitForAsync(1, TimeSpan.FromSeconds(90));
            await site.KillAsync();
        }
        Assert.Equal(DeliveryStatus.Sending, await StatusAsync(deliveryId)); // claimed by the dead process, answer never recorded
        release.SetResult();

        await Task.Delay(TimeSpan.FromSeconds(ClaimTimeoutSeconds + 1));
        await using (await StartSiteAsync())
        {
            var deadline = DateTime.UtcNow.AddSeconds(120);
            while (await StatusAsync(deliveryId) != DeliveryStatus.Delivered)
            {
                Assert.True(DateTime.UtcNow < deadline, "The delivery was never made after the restart.");
                await Task.Delay(200);
            }
        }
        var got = receiver.Received;
        Assert.Equal(2, got.Count);
        Assert.All(got, g => Assert.Equal(deliveryId.ToString(), g.Id)); // the same id both times, for the receiver to de-duplicate
        Assert.True(WebhookSigner.Verify(secret, got[1].Id, got[1].Timestamp, got[1].Body, got[1].Signature, DateTimeOffset.UtcNow));
    }

    private async Task<DeliveryStatus> StatusAsync(Guid id)
    {
        await using var db = Db();
        return await db.WebhookDeliveries.Where(d => d.Id == id).Select(d => d.Status).SingleAsync();
    }

    private Task<SiteProcess> StartSiteAsync() => SiteProcess.StartAsync(SiteProcess.BuiltSite(), new Dictionary<string, string>
    {
        ["Database__Provider"] = _database.Provider,
        ["Database__ConnectionString"] = _database.ConnectionString,
        ["Storage__DataDirectory"] = _data,
        ["Webhooks__AllowPrivateNetworks"] = "true",
        ["Webhooks__TimeoutSeconds"] = "4",
        ["Webhooks__ClaimTimeoutSeconds"] = ClaimTimeoutSeconds.ToString(),
        ["Jobs__PollIntervalSeconds"] = "1",
        ["Jobs__SendReminders"] = "false",
        ["Logging__LogLevel__Default"] = "Warning",
    });

    private AppDbContext Db()
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        DataServices.Configure(options, new DatabaseOptions { Provider = Enum.Parse<DatabaseProvider>(_database.Provider), ConnectionString = _database.ConnectionString }, _data);
        return new AppDbContext(options.Options);
    }
}
