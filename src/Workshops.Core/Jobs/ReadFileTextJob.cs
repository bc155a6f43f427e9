using Hangfire;
using Workshops.Core.Archive;

namespace Workshops.Core.Jobs;

/// <summary>Thin Hangfire entry points: a file's hash in, the work is in <see cref="FileTextReader"/>.</summary>
public sealed class ReadFileTextJob(FileTextReader reader)
{
    [AutomaticRetry(Attempts = 3)]
    public Task Run(string hash, CancellationToken ct) => reader.ReadAsync(hash, ct);

    /// <summary>Reads what an interrupted upload or import left unread.</summary>
    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(60)]
    public async Task Sweep(CancellationToken ct)
    {
        foreach (var hash in await reader.UnreadAsync(ct)) await reader.ReadAsync(hash, ct);
    }
}
