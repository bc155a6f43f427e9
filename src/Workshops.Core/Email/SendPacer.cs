namespace Workshops.Core.Email;

/// <summary>
/// Spaces sends out to a rate, for every worker at once. Each send gets the next slot on a fixed grid (start,
/// start + interval, …), so waiting longer once is made up after instead of drifting: over a campaign the rate holds.
/// After a quiet spell the grid starts again from now, so nothing bursts to catch up, and no more than the rate ever
/// leaves in any minute. With several nodes the grid is one row in PostgreSQL (<see cref="SharedPaceGrid"/>), so
/// Email:MessagesPerMinute is the site's rate, not each node's; on SQLite the site is one process and the grid is here.
/// </summary>
public sealed class SendPacer(TimeProvider clock, IPaceGrid? shared = null)
{
    private readonly Lock _gate = new();
    private DateTimeOffset _next = DateTimeOffset.MinValue;

    public async Task WaitTurnAsync(int perMinute, CancellationToken ct)
    {
        if (perMinute <= 0) return;
        var interval = TimeSpan.FromMinutes(1) / perMinute;
        var slot = shared is null ? NextSlot(interval) : await shared.NextSlotAsync(clock.GetUtcNow(), interval, ct);
        var wait = slot - clock.GetUtcNow();
        if (wait > TimeSpan.Zero) await Task.Delay(wait, clock, ct);
    }

    private DateTimeOffset NextSlot(TimeSpan interval)
    {
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            var slot = _next > now ? _next : now;
            _next = slot + interval;
            return slot;
        }
    }
}

/// <summary>Hands out the next free slot of a grid shared by every node.</summary>
public interface IPaceGrid
{
    Task<DateTimeOffset> NextSlotAsync(DateTimeOffset now, TimeSpan interval, CancellationToken ct);
}
