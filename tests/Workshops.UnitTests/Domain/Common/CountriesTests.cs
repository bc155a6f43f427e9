using System.Globalization;
using Workshops.Core.Domain.Common;

namespace Workshops.UnitTests.Domain.Common;

public sealed class CountriesTests
{
    [Theory]
    [InlineData("Brasil", "BR")]
    [InlineData("Brazil", "BR")]
    [InlineData("BRASIL", "BR")]
    [InlineData("ESPAÑA", "ES")]
    [InlineData("espana", "ES")]
    [InlineData("Spain", "ES")]
    [InlineData("Japan", "JP")]
    [InlineData("日本", "JP")]
    [InlineData("Deutschland", "DE")]
    [InlineData("Perú", "PE")]
    [InlineData("co", "CO")]
    [InlineData("COL", "CO")]
    [InlineData("United Kingdom", "GB")]
    [InlineData("UK", "GB")]
    [InlineData("Côte d'Ivoire", "CI")]
    [InlineData("Estados Unidos", "US")]
    public void Names_in_any_language_case_or_accent_find_the_code(string text, string code) => Assert.Equal(code, Countries.Find(text));

    [Theory]
    [InlineData("Congo")] // two countries go by it
    [InlineData("Atlantis")]
    [InlineData("")]
    public void Text_that_names_no_single_country_finds_nothing(string text) => Assert.Null(Countries.Find(text));

    [Fact]
    public void Codes_are_shown_in_the_readers_language_and_other_text_as_it_stands()
    {
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo("en");
            Assert.Equal("Brazil", Countries.Name("BR"));
            CultureInfo.CurrentUICulture = new CultureInfo("pt-BR");
            Assert.Equal("Brasil", Countries.Name("BR"));
            CultureInfo.CurrentUICulture = new CultureInfo("fr");
            Assert.Equal("Brésil", Countries.Name("BR"));
            Assert.Equal("Kenya (Nairobi)", Countries.Name("Kenya (Nairobi)"));
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    [Fact]
    public void The_picker_lists_every_country_once_in_name_order()
    {
        var all = Countries.All();
        Assert.Equal(all.Count, all.Select(c => c.Code).Distinct().Count());
        Assert.True(all.Count >= 249);
        Assert.Contains(all, c => c.Code == "CO");
    }
}
