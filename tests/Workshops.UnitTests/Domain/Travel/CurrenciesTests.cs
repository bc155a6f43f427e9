using Workshops.Core.Domain.Travel;
using Xunit;

namespace Workshops.UnitTests.Domain.Travel;

public sealed class CurrenciesTests
{
    [Theory]
    [InlineData("EUR", 2)]
    [InlineData("usd", 2)]
    [InlineData(" BRL ", 2)]
    [InlineData("COP", 2)]
    [InlineData("JPY", 0)]
    [InlineData("KWD", 3)]
    public void The_currencies_of_the_community_are_known_with_their_minor_units(string code, int decimals) =>
        Assert.Equal(decimals, Currencies.Find(code)!.Decimals);

    [Theory]
    [InlineData("XXX")]
    [InlineData("EURO")]
    [InlineData("")]
    [InlineData(null)]
    public void An_unknown_currency_is_none(string? code) => Assert.Null(Currencies.Find(code));

    [Fact]
    public void Amounts_are_kept_in_minor_units_and_rounded_half_away_from_zero()
    {
        var eur = Currencies.Find("EUR")!;
        Assert.Equal(1250, Currencies.ToMinor(12.5m, eur));
        Assert.Equal(1235, Currencies.ToMinor(12.345m, eur));
        Assert.Equal(12.5m, Currencies.FromMinor(1250, eur));
        Assert.Equal(1500, Currencies.ToMinor(1500m, Currencies.Find("JPY")!));
        Assert.Null(Currencies.ToMinor(decimal.MaxValue, eur));
    }
}
