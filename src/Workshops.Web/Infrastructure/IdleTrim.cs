using System.Runtime;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Options;
using Workshops.Core;

namespace Workshops.Web.Infrastructure;

/// <summary>
/// Gives memory back to the machine when the site goes quiet. After start-up, a burst of requests or a job, the
/// garbage collector keeps the space it last used (tens of megabytes) until enough is allocated again, which on a
/// quiet node may be hours; several nodes and PostgreSQL often share a small machine. Every two seconds this looks at
/// how much was allocated: once the work has stopped and enough was allocated since the last trim, one full
/// collection compacts the heap and returns its free space, the C library returns the native memory it freed, and
/// (unless Site:ReleaseMappedFilesWhenQuiet is false) the pages of program files that start-up and the last work read
/// are handed back too (<see cref="MappedFiles"/>). Under load it never runs, so requests pay nothing; the first request
/// after a quiet spell reads back the file pages it needs.
/// </summary>
public sealed class IdleTrim(TimeProvider clock, IOptions<SiteOptions> site, ILogger<IdleTrim> log) : BackgroundService
{
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(2);

    // The garbage collector is one per process, and so is this decision, even with several hosts in one process (tests).
    private static readonly QuietWatch Watch = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
                if (Watch.ShouldTrim(GC.GetTotalAllocatedBytes())) Trim();
        }
        catch (OperationCanceledException) { }
    }

    private void Trim()
    {
        // Reading the working set opens /proc; only worth it when someone reads the line.
        var debug = log.IsEnabled(LogLevel.Debug);
        var before = debug ? Environment.WorkingSet : 0;
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        NativeHeap.Trim();
        if (site.Value.ReleaseMappedFilesWhenQuiet) MappedFiles.PageOut();
        Watch.Trimmed(GC.GetTotalAllocatedBytes());
        if (debug) log.LogDebug("Quiet: memory trimmed from {Before} to {After} bytes", before, Environment.WorkingSet);
    }

    /// <summary>glibc keeps freed memory in its arenas; malloc_trim hands it back. Elsewhere (musl, macOS) nothing to do.</summary>
    private static class NativeHeap
    {
        private static bool _missing = !OperatingSystem.IsLinux();

        public static void Trim()
        {
            if (_missing) return;
            try { malloc_trim(0); }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException) { _missing = true; }
        }

        [DllImport("libc", EntryPoint = "malloc_trim")]
        private static extern int malloc_trim(nuint pad);
    }
}

/// <summary>
/// When to trim: the last period allocated little (the work has stopped), and enough was allocated since the last trim
/// to be worth a full collection. Counts are the process's allocated bytes, which only grow.
/// </summary>
public sealed class QuietWatch
{
    /// <summary>At most this much allocated in one period counts as quiet: the site's timers and sweeps, no visitors.</summary>
    public const long QuietBytes = 1 << 20;

    /// <summary>
    /// Less than this allocated since the last trim leaves too little garbage to be worth a full collection. A quiet
    /// site allocates about 16 KB a second (its timers and sweeps), so it trims every few minutes; serving the home
    /// and a workshop page 50 times each allocates about 14 MB.
    /// </summary>
    public const long WorthBytes = 4 << 20;

    private readonly Lock _gate = new();
    private long _lastSeen;
    private long _atTrim;

    public bool ShouldTrim(long allocated)
    {
        lock (_gate)
        {
            var recent = allocated - _lastSeen;
            _lastSeen = allocated;
            return recent <= QuietBytes && allocated - _atTrim >= WorthBytes;
        }
    }

    /// <summary>The trim itself allocates nothing to speak of, but the count is read after it so the next period starts clean.</summary>
    public void Trimmed(long allocated)
    {
        lock (_gate)
        {
            _atTrim = allocated;
            _lastSeen = allocated;
        }
    }
}
