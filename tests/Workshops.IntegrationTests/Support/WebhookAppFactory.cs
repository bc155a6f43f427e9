namespace Workshops.IntegrationTests.Support;

/// <summary>The site with webhooks allowed to loopback (where the test's receiver listens) and retried after a second.</summary>
public sealed class WebhookAppFactory : AppFactory
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings() =>
    [
        new("Webhooks:AllowPrivateNetworks", "true"),
        new("Webhooks:TimeoutSeconds", "5"),
        new("Webhooks:ClaimTimeoutSeconds", "10"),
        new("Webhooks:PauseAfterFailures", "6"),
        .. Enumerable.Range(0, 8).Select(i => new KeyValuePair<string, string?>($"Webhooks:RetryDelaysSeconds:{i}", "1")),
    ];
}
