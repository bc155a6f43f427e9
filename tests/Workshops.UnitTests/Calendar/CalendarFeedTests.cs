using Workshops.Core.Calendar;

namespace Workshops.UnitTests.Calendar;

public sealed class CalendarFeedTests
{
    [Fact]
    public void Events_are_written_in_the_zone_and_read_back_at_the_same_instants()
    {
        var start = new DateTimeOffset(2031, 3, 31, 7, 0, 0, TimeSpan.Zero);
        var ics = CalendarFeed.Build("Madrid 2031", "Europe/Madrid",
            [new CalendarEntry(Guid.Parse("6f9619ff-8b86-d011-b42d-00c04fc964ff"), "Monday talk", start, start.AddHours(1), "Aula", "Ana", "https://example.org/a")],
            "example.org", start, 2);

        var read = Ical.Net.Calendar.Load(ics)!;
        var e = Assert.Single(read.Events);
        Assert.Equal(start.UtcDateTime, e.DtStart!.AsUtc);
        Assert.Equal("Europe/Madrid", e.DtStart.TzId);
        Assert.Equal(9, e.DtStart.Hour);
        Assert.Equal("6f9619ff8b86d011b42d00c04fc964ff@example.org", e.Uid);
        Assert.Equal(2, e.Sequence);
    }

    [Fact]
    public void A_workshop_on_utc_has_times_in_utc_and_an_empty_agenda_is_still_a_calendar()
    {
        var start = new DateTimeOffset(2031, 3, 31, 7, 0, 0, TimeSpan.Zero);
        var utc = Ical.Net.Calendar.Load(CalendarFeed.Build("Online", "UTC", [new CalendarEntry(Guid.NewGuid(), "Call", start, start.AddHours(1), null, null, null)], "example.org", start, 1))!;
        Assert.Equal(start.UtcDateTime, Assert.Single(utc.Events).DtStart!.AsUtc);
        Assert.Empty(Ical.Net.Calendar.Load(CalendarFeed.Build("Nothing yet", "Europe/Madrid", [], "example.org", start, 0))!.Events);
    }

    [Fact]
    public void A_description_in_markdown_is_written_as_plain_text()
    {
        var start = new DateTimeOffset(2031, 3, 31, 7, 0, 0, TimeSpan.Zero);
        var ics = CalendarFeed.Build("Madrid 2031", "Europe/Madrid",
            [new CalendarEntry(Guid.NewGuid(), "Talk", start, start.AddHours(1), null, "The **software** we run, and *why*.", null)], "example.org", start, 1);
        Assert.Equal("The software we run, and why.", Assert.Single(Ical.Net.Calendar.Load(ics)!.Events).Description);
    }
}
