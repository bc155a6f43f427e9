using Workshops.Web.Infrastructure;

namespace Workshops.IntegrationTests.Infrastructure;

/// <summary>When the site gives memory back: once the work stops, only after enough was allocated, and once per quiet spell.</summary>
public sealed class QuietWatchTests
{
    private const long MB = 1 << 20;

    [Fact]
    public void Trims_once_when_the_work_stops_and_not_while_it_runs()
    {
        var watch = new QuietWatch();
        Assert.False(watch.ShouldTrim(40 * MB));   // start-up: 40 MB in the last period
        Assert.True(watch.ShouldTrim(40 * MB + 100_000));   // quiet now, 40 MB since the last trim
        watch.Trimmed(40 * MB + 200_000);
        Assert.False(watch.ShouldTrim(40 * MB + 300_000));  // still quiet, but nothing new to give back
        Assert.False(watch.ShouldTrim(70 * MB));   // a burst of requests
        Assert.False(watch.ShouldTrim(90 * MB));
        Assert.True(watch.ShouldTrim(90 * MB + 500_000));   // the burst is over
    }

    [Fact]
    public void A_quiet_site_that_allocates_little_is_left_alone()
    {
        var watch = new QuietWatch();
        var allocated = 0L;
        for (var i = 0; i < QuietWatch.WorthBytes / QuietWatch.QuietBytes - 1; i++)
        {
            allocated += QuietWatch.QuietBytes;   // timers and sweeps, as much as a quiet period may hold
            Assert.False(watch.ShouldTrim(allocated));
        }
        Assert.True(watch.ShouldTrim(allocated + QuietWatch.QuietBytes));   // enough in all: now worth one collection
    }
}
