using Hangfire;
using Microsoft.Extensions.Logging;
using Workshops.Core.Security;

namespace Workshops.Core.Jobs;

/// <summary>Daily: makes the next signing key two weeks before it is needed (see <see cref="SigningKeys"/>).</summary>
public sealed class KeepSigningKeysJob(SigningKeys keys, ILogger<KeepSigningKeysJob> log)
{
    [AutomaticRetry(Attempts = 3)]
    public void Run()
    {
        var made = keys.EnsureAhead();
        if (made > 0) log.LogInformation("Made {Count} signing keys ahead of need", made);
    }
}
