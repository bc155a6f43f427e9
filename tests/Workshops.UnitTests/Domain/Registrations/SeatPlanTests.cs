using Workshops.Core.Domain.Registrations;

namespace Workshops.UnitTests.Domain.Registrations;

public sealed class SeatPlanTests
{
    private static readonly Guid Developers = Guid.NewGuid(), Managers = Guid.NewGuid();

    private static SeatPlan Plan(int? cap) => new([new(Developers, "Developers", 25), new(Managers, "Managers", 25)], cap);

    [Fact]
    public void Without_a_total_the_tracks_add_up()
    {
        Assert.Equal(50, Plan(null).Total);
        Assert.Equal("50 seats (Developers 25, Managers 25)", Plan(null).Describe());
    }

    [Fact]
    public void A_smaller_total_is_the_number_everyone_sees()
    {
        var plan = Plan(45);
        Assert.Equal(45, plan.Total);
        Assert.True(plan.IsCapped);
        Assert.Equal("45 seats in all (Developers up to 25, Managers up to 25)", plan.Describe());
    }

    [Fact]
    public void A_total_above_the_tracks_changes_nothing()
    {
        Assert.Equal(50, Plan(80).Total);
        Assert.False(Plan(80).IsCapped);
    }

    [Fact]
    public void A_track_frees_no_more_than_the_total_leaves()
    {
        var plan = Plan(45);
        Assert.Equal(24, plan.FreeIn(Developers, takenInTrack: 1, takenInAll: 3));
        Assert.Equal(2, plan.FreeIn(Managers, takenInTrack: 20, takenInAll: 43));
        Assert.Equal(0, plan.FreeIn(Managers, takenInTrack: 25, takenInAll: 30));
    }

    [Fact]
    public void One_track_is_just_its_seats() =>
        Assert.Equal("25 seats", new SeatPlan([new(Developers, "Main", 25)], null).Describe());
}

public sealed class SeatOffersTests
{
    private static readonly Guid Developers = Guid.NewGuid(), Managers = Guid.NewGuid();

    [Fact]
    public void Free_seats_go_to_each_list_in_order_within_the_total()
    {
        var plan = new SeatPlan([new(Developers, "Developers", 3), new(Managers, "Managers", 3)], 5);
        var taken = new Dictionary<Guid, int> { [Developers] = 1, [Managers] = 2 };
        var waiting = new Dictionary<Guid, IReadOnlyList<string>> { [Developers] = ["Ana", "Bruno", "Carmen"], [Managers] = ["Diego"] };
        // Two seats are left in all: both go to the developers' list, first come first.
        Assert.Equal(["Ana", "Bruno"], SeatOffers.Pick(plan, taken, waiting));
    }

    [Fact]
    public void Nobody_is_offered_a_seat_in_a_full_track()
    {
        var plan = new SeatPlan([new(Developers, "Developers", 2), new(Managers, "Managers", 25)], null);
        var taken = new Dictionary<Guid, int> { [Developers] = 2 };
        Assert.Empty(SeatOffers.Pick(plan, taken, new Dictionary<Guid, IReadOnlyList<string>> { [Developers] = ["Ana"] }));
        Assert.Equal(1, SeatOffers.Count(plan, new Dictionary<Guid, int>(), new Dictionary<Guid, int> { [Managers] = 1 }));
    }

    [Fact]
    public void Without_tracks_the_total_alone_counts()
    {
        var plan = new SeatPlan([], 2);
        var waiting = new Dictionary<Guid, IReadOnlyList<string>> { [Guid.Empty] = ["Ana", "Bruno", "Carmen"] };
        Assert.Equal(["Ana"], SeatOffers.Pick(plan, new Dictionary<Guid, int> { [Guid.Empty] = 1 }, waiting));
        Assert.Equal("No seat limit", new SeatPlan([], null).Describe());
    }
}
