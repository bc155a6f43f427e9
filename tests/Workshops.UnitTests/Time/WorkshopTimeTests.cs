using Workshops.Core.Time;

namespace Workshops.UnitTests.Time;

public sealed class WorkshopTimeTests
{
    [Fact]
    public void Wall_clock_time_converts_both_ways()
    {
        var zone = WorkshopTime.Zone("America/Sao_Paulo");
        var utc = WorkshopTime.ToUtc(new DateTime(2027, 3, 1, 9, 0, 0), zone);
        Assert.Equal(new DateTimeOffset(2027, 3, 1, 12, 0, 0, TimeSpan.Zero), utc);
        Assert.Equal("UTC-03:00", Formats.Offset(WorkshopTime.ToLocal(utc!.Value, zone)));
    }

    [Fact]
    public void A_dst_gap_has_no_instant() => Assert.Null(WorkshopTime.ToUtc(new DateTime(2026, 3, 29, 2, 30, 0), WorkshopTime.Zone("Europe/Madrid")));

    [Theory]
    [InlineData("2026-10-12", "2026-10-16", "Mon 12 – Fri 16 October 2026")]
    [InlineData("2026-09-28", "2026-10-02", "Mon 28 September – Fri 2 October 2026")]
    [InlineData("2026-12-30", "2027-01-02", "Wed 30 December 2026 – Sat 2 January 2027")]
    [InlineData("2026-10-12", "2026-10-12", "Monday 12 October 2026")]
    public void Date_ranges_read_naturally(string start, string end, string expected) =>
        Assert.Equal(expected, Formats.DateRange(DateTimeOffset.Parse(start), DateTimeOffset.Parse(end)));
}
