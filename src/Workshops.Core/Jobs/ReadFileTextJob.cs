using Hangfire;
using Microsoft.Extensions.Logging;
using Workshops.Core.Domain.Archive;

namespace Workshops.Core.Jobs;

/// <summary>Thin Hangfire entry points: a file's hash in, the work is in <see cref="FileTextReader"/>.</summary>
public sealed class ReadFileTextJob(FileTextReader reader, ArchiveIndex index, ILogger<ReadFileTextJob> log)
{
    [AutomaticRetry(Attempts = 3)]
    public async Task Run(string hash, CancellationToken ct)
    {
        if (await reader.ReadAsync(hash, ct)) await index.RebuildHoldersOfAsync(hash, ct);
    }

    /// <summary>Reads what an interrupted upload or import left unread.</summary>
    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(60)]
    public async Task Sweep(CancellationToken ct)
    {
        foreach (var hash in await reader.UnreadAsync(ct))
        {
            // One file that fails (the database hiccups mid-way) must not keep the others waiting until the next sweep.
            try { await Run(hash, ct); }
            catch (Exception e) when (e is not OperationCanceledException) { log.LogWarning(e, "The text of file {Hash} was not read; the next sweep tries again", hash); }
        }
    }
}
