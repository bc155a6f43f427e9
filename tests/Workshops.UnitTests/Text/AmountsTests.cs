using System.Globalization;
using Workshops.Core.Text;
using Xunit;

namespace Workshops.UnitTests.Text;

public sealed class AmountsTests
{
    [Theory]
    [InlineData("1250.50", "en", "1250.50")]
    [InlineData("1,250.50", "en", "1250.50")]
    [InlineData("1.250,50", "es", "1250.50")]
    [InlineData("1 250,50", "fr", "1250.50")]
    [InlineData("1\u202F250,50", "fr", "1250.50")]
    [InlineData("1250,5", "pt", "1250.5")]
    [InlineData("1250.5", "pt", "1250.5")]
    [InlineData("1.500", "pt", "1500")]
    [InlineData("1.500", "en", "1.5")]
    [InlineData("1,500", "en", "1500")]
    [InlineData("1,500", "es", "1.5")]
    [InlineData("3.800.000", "es", "3800000")]
    [InlineData("-5", "en", "-5")]
    [InlineData("0.92", "es", "0.92")]
    public void An_amount_reads_as_the_reader_writes_it(string text, string language, string expected)
    {
        Assert.True(Amounts.TryRead(text, new CultureInfo(language), out var amount));
        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), amount);
    }

    [Theory]
    [InlineData("lots")]
    [InlineData("1.2.3,4,5")]
    [InlineData("12e3")]
    [InlineData("--5")]
    public void What_is_not_a_number_is_refused(string text) => Assert.False(Amounts.TryRead(text, new CultureInfo("en"), out _));

    [Fact]
    public void Nothing_typed_is_no_amount()
    {
        Assert.True(Amounts.TryRead("  ", new CultureInfo("en"), out var amount));
        Assert.Null(amount);
    }
}
