namespace Workshops.Core.Email;

/// <summary>
/// Spaces sends out to a rate, for every worker of this process at once. Each send gets the next slot on a fixed
/// grid (start, start + interval, …), so waiting longer once is made up after instead of drifting: over a campaign
/// the rate holds. After a quiet spell the grid starts again from now, so nothing bursts to catch up, and no more
/// than the rate ever leaves in any minute.
/// </summary>
public sealed class SendPacer(TimeProvider clock)
{
    private readonly Lock _gate = new();
    private DateTimeOffset _next = DateTimeOffset.MinValue;

    public async Task WaitTurnAsync(int perMinute, CancellationToken ct)
    {
        if (perMinute <= 0) return;
        var interval = TimeSpan.FromMinutes(1) / perMinute;
        DateTimeOffset slot;
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            slot = _next > now ? _next : now;
            _next = slot + interval;
        }
        var wait = slot - clock.GetUtcNow();
        if (wait > TimeSpan.Zero) await Task.Delay(wait, clock, ct);
    }
}
