using Workshops.Core.Domain.Common;
using Workshops.Core.Domain.Workshops;

namespace Workshops.UnitTests.Domain.Workshops;

public sealed class WorkshopTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);

    private static WorkshopDetails Details(string slug = "2026-madrid", DateTime? starts = null, DateTime? ends = null, string zone = "Europe/Madrid") =>
        new("Workshop 2026", slug, 2026, starts ?? new DateTime(2026, 10, 12, 9, 0, 0), ends ?? new DateTime(2026, 10, 16, 17, 0, 0), zone,
            WorkshopFormat.InPerson, "Venue", null, "Madrid", "España", null);

    private static TrackDetails[] TwoTracks => [new(null, "Developers", null, 25), new(null, "Managers", null, 25)];

    [Fact]
    public void Local_times_are_stored_as_utc_instants_of_the_workshop_zone()
    {
        var w = Workshop.Create(Details(), TwoTracks, Now);
        Assert.Equal(new DateTimeOffset(2026, 10, 12, 7, 0, 0, TimeSpan.Zero), w.StartsAt);
        Assert.Equal(new DateTimeOffset(2026, 10, 16, 15, 0, 0, TimeSpan.Zero), w.EndsAt);
        Assert.Equal(TimeSpan.FromHours(2), w.StartsLocal.Offset);
        Assert.Equal(WorkshopStatus.Draft, w.Status);
    }

    [Theory]
    [InlineData("Bad Slug", "Slug")]
    [InlineData("-leading", "Slug")]
    [InlineData("double--dash", "Slug")]
    public void Slugs_must_be_lower_case_words_with_single_dashes(string slug, string field)
    {
        var e = Assert.Throws<DomainException>(() => Workshop.Create(Details(slug), TwoTracks, Now));
        Assert.Equal(field, e.Field);
    }

    [Fact]
    public void End_before_start_names_the_end_field()
    {
        var e = Assert.Throws<DomainException>(() => Workshop.Create(Details(ends: new DateTime(2026, 10, 11, 9, 0, 0)), TwoTracks, Now));
        Assert.Equal(nameof(WorkshopDetails.EndsLocal), e.Field);
    }

    [Theory]
    [InlineData("Mars/Olympus")]
    [InlineData("")]
    [InlineData("Romance Standard Time")]
    public void Only_iana_time_zones_are_accepted(string zone)
    {
        var e = Assert.Throws<DomainException>(() => Workshop.Create(Details(zone: zone), TwoTracks, Now));
        Assert.Equal(nameof(WorkshopDetails.TimeZoneId), e.Field);
    }

    [Fact]
    public void A_time_skipped_by_the_clock_change_is_refused()
    {
        var e = Assert.Throws<DomainException>(() => Workshop.Create(Details(starts: new DateTime(2026, 3, 29, 2, 30, 0), ends: new DateTime(2026, 3, 30, 17, 0, 0)), TwoTracks, Now));
        Assert.Contains("does not exist", e.Message);
    }

    [Fact]
    public void Track_names_are_unique_and_seats_positive()
    {
        Assert.Throws<DomainException>(() => Workshop.Create(Details(), [new(null, "Dev", null, 25), new(null, "dev ", null, 10)], Now));
        Assert.Throws<DomainException>(() => Workshop.Create(Details(), [new(null, "Dev", null, 0)], Now));
        Assert.Throws<DomainException>(() => Workshop.Create(Details(), [new(null, " ", null, 10)], Now));
    }

    [Fact]
    public void Updating_tracks_keeps_ids_of_kept_tracks_and_orders_by_position()
    {
        var w = Workshop.Create(Details(), TwoTracks, Now);
        var dev = w.Tracks.Single(t => t.Name == "Developers");

        w.Update(Details(), [new(null, "Hackathon", null, 10), new(dev.Id, "Developers", "Code", 30)], Now);

        Assert.Equal(["Hackathon", "Developers"], w.Tracks.OrderBy(t => t.Position).Select(t => t.Name));
        Assert.Equal(30, w.Tracks.Single(t => t.Id == dev.Id).Capacity);
        Assert.DoesNotContain(w.Tracks, t => t.Name == "Managers");
    }

    [Fact]
    public void An_unknown_track_id_is_refused()
    {
        var w = Workshop.Create(Details(), TwoTracks, Now);
        Assert.Throws<DomainException>(() => w.Update(Details(), [new(Guid.NewGuid(), "Ghost", null, 10)], Now));
    }

    [Theory]
    [InlineData(WorkshopStatus.Draft, WorkshopStatus.Published, true)]
    [InlineData(WorkshopStatus.Draft, WorkshopStatus.Cancelled, true)]
    [InlineData(WorkshopStatus.Published, WorkshopStatus.Draft, true)]
    [InlineData(WorkshopStatus.Published, WorkshopStatus.Cancelled, true)]
    [InlineData(WorkshopStatus.Cancelled, WorkshopStatus.Draft, true)]
    [InlineData(WorkshopStatus.Cancelled, WorkshopStatus.Published, false)]
    [InlineData(WorkshopStatus.Draft, WorkshopStatus.Draft, false)]
    public void Status_moves_follow_the_table_and_write_an_audit_entry(WorkshopStatus from, WorkshopStatus to, bool allowed)
    {
        var w = Workshop.Create(Details(), TwoTracks, Now);
        if (from != WorkshopStatus.Draft) w.MoveTo(from, "u1", Now);

        if (!allowed)
        {
            Assert.Throws<DomainException>(() => w.MoveTo(to, "u1", Now));
            Assert.Equal(from, w.Status);
            return;
        }
        var change = w.MoveTo(to, "u1", Now);
        Assert.Equal(to, w.Status);
        Assert.Equal((from.ToString(), to.ToString(), "u1"), (change.From, change.To, change.ByUserId));
    }

    [Fact]
    public void A_clone_keeps_tracks_zone_and_length_and_starts_as_a_draft()
    {
        var w = Workshop.Create(Details(), TwoTracks, Now);
        w.MoveTo(WorkshopStatus.Published, null, Now);

        var copy = w.CloneAs("2027-madrid", "Workshop 2027", 2027, new DateTime(2027, 10, 11, 9, 0, 0), Now);

        Assert.Equal(WorkshopStatus.Draft, copy.Status);
        Assert.Equal(w.Id, copy.ClonedFromId);
        Assert.NotEqual(w.Id, copy.Id);
        Assert.Equal(w.EndsLocal.DateTime - w.StartsLocal.DateTime, copy.EndsLocal.DateTime - copy.StartsLocal.DateTime);
        Assert.Equal(w.Tracks.Select(t => t.Name), copy.Tracks.Select(t => t.Name));
        Assert.DoesNotContain(copy.Tracks, t => w.Tracks.Any(o => o.Id == t.Id));
    }
}
