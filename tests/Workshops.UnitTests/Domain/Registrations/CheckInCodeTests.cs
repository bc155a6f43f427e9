using Workshops.Core.Domain.Registrations;
using Workshops.Core.Domain.Workshops;

namespace Workshops.UnitTests.Domain.Registrations;

public sealed class CheckInCodeTests
{
    private static RegistrationSetup Setup()
    {
        var workshop = new AWorkshop { Title = "Workshop", Slug = "w-2027", Starts = new DateTime(2027, 3, 8, 9, 0, 0), Zone = "UTC", Tracks = [], Status = WorkshopStatus.Draft }.Build();
        return new ARegistrationSetup { Opens = new DateTime(2026, 11, 1), Closes = new DateTime(2027, 2, 1) }.For(workshop);
    }

    [Fact]
    public void A_code_is_stable_per_registration_and_differs_between_registrations_and_workshops()
    {
        var setup = Setup();
        var id = Guid.NewGuid();
        var code = CheckInCode.For(setup, id);

        Assert.Matches("^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$", code);
        Assert.Equal(code, CheckInCode.For(setup, id));
        Assert.NotEqual(code, CheckInCode.For(setup, Guid.NewGuid()));
        Assert.NotEqual(code, CheckInCode.For(Setup(), id)); // another workshop's key
        Assert.DoesNotContain(id.ToString("N")[..6].ToUpperInvariant(), code.Replace("-", ""));
    }

    [Theory]
    [InlineData("7kq2m9xpab", "7KQ2M-9XPAB")]
    [InlineData(" 7KQ2M - 9XPAB ", "7KQ2M-9XPAB")]
    [InlineData("OI0L1-ABCDE", "01011-ABCDE")]
    [InlineData("short", "SH0RT")]
    public void Typed_codes_are_read_as_written(string typed, string read) => Assert.Equal(read, CheckInCode.Normalize(typed));
}
