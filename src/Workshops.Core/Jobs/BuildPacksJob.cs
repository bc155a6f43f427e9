using Hangfire;
using Workshops.Core.Domain.Packs;

namespace Workshops.Core.Jobs;

/// <summary>Runs one generation of a workshop's attendee packs; progress and outcome go on the run's row.</summary>
public sealed class BuildPacksJob(PackGenerator generator)
{
    // A failed run says why on the organisers' page; they start another when they have fixed it.
    [AutomaticRetry(Attempts = 0)]
    public Task Run(Guid runId, CancellationToken ct) => generator.RunAsync(runId, ct);
}
