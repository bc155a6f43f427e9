using System.ComponentModel.DataAnnotations;

namespace Workshops.Core.Webhooks;

/// <summary>Webhooks: where they may go, how long a receiver gets, and how they are retried.</summary>
public sealed class WebhookOptions : IValidatableObject
{
    public const string Section = "Webhooks";

    /// <summary>
    /// Loopback, private and link-local addresses are refused unless this is on: a webhook must not become a way to
    /// reach the site's own machine or network. Only for tests, or a site whose receivers live on its own network.
    /// </summary>
    public bool AllowPrivateNetworks { get; set; }

    [Range(1, 60, ErrorMessage = "Webhooks:TimeoutSeconds must be between 1 and 60.")]
    public int TimeoutSeconds { get; set; } = 10;

    /// <summary>The waits between attempts, in seconds; left empty, <see cref="DefaultDelays"/>. After the last, the delivery is given up.</summary>
    /// <remarks>Empty by default because the configuration binder adds a setting's items to an array's own rather than replacing them.</remarks>
    public int[] RetryDelaysSeconds { get; set; } = [];

    /// <summary>About a day in all: 10 s, 1 min, 5 min, 30 min, 2 h, 5 h, 10 h and 6 h.</summary>
    public static readonly int[] DefaultDelays = [10, 60, 300, 1800, 7200, 18000, 36000, 21600];

    public IReadOnlyList<int> Delays => RetryDelaysSeconds.Length > 0 ? RetryDelaysSeconds : DefaultDelays;

    /// <summary>Failed attempts in a row, across deliveries, after which the endpoint is paused and its owner told.</summary>
    [Range(1, 1000, ErrorMessage = "Webhooks:PauseAfterFailures must be between 1 and 1000.")]
    public int PauseAfterFailures { get; set; } = 20;

    /// <summary>A delivery claimed longer ago than this (its node stopped while sending) is sent again.</summary>
    [Range(5, 3600, ErrorMessage = "Webhooks:ClaimTimeoutSeconds must be between 5 and 3600.")]
    public int ClaimTimeoutSeconds { get; set; } = 120;

    [Range(1, 1000, ErrorMessage = "Webhooks:BatchSize must be between 1 and 1000.")]
    public int BatchSize { get; set; } = 50;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (RetryDelaysSeconds.Any(d => d is < 1 or > 86_400))
            yield return new ValidationResult("Webhooks:RetryDelaysSeconds must each be between 1 and 86,400.");
        if (ClaimTimeoutSeconds <= TimeoutSeconds)
            yield return new ValidationResult("Webhooks:ClaimTimeoutSeconds must be longer than Webhooks:TimeoutSeconds.");
    }
}
