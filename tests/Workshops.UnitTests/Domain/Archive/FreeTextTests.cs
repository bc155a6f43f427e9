using Workshops.Core.Domain.Archive.Import;

namespace Workshops.UnitTests.Domain.Archive;

public sealed class FreeTextTests
{
    [Theory]
    [InlineData("October 3, 2016 - October 7, 2016", "2016-10-03", "2016-10-07")]
    [InlineData("July 3th, 2017 - July 4th, 2017", "2017-07-03", "2017-07-04")]
    [InlineData("February 24, 2013 - February 27, 2013 ", "2013-02-24", "2013-02-27")]
    [InlineData("March, 2017 ", "2017-03-01", "2017-03-31")]
    [InlineData("October 3 - 7, 2016", "2016-10-03", "2016-10-07")]
    [InlineData("3-7 October 2016", "2016-10-03", "2016-10-07")]
    [InlineData("21st May 2019", "2019-05-21", "2019-05-21")]
    [InlineData("2018-06-11", "2018-06-11", "2018-06-11")]
    [InlineData("Sept 2016", null, null)]
    [InlineData("sometime in spring", null, null)]
    [InlineData("October 7, 2016 - October 3, 2016", null, null)]
    [InlineData("", null, null)]
    public void Dates_as_people_write_them(string text, string? starts, string? ends)
    {
        var parsed = FreeTextDate.Parse(text);
        Assert.Equal(starts, parsed?.Starts.ToString("yyyy-MM-dd"));
        Assert.Equal(ends, parsed?.Ends.ToString("yyyy-MM-dd"));
    }

    [Theory]
    [InlineData("Madrid, Spain - Royal Botanical Garden (CSIC)", "Madrid", "Spain", "Royal Botanical Garden (CSIC)")]
    [InlineData("Costa Rica - School of Biology, University of Costa Rica (UCR)", null, "Costa Rica", "School of Biology, University of Costa Rica (UCR)")]
    [InlineData("UK", null, "UK", null)]
    [InlineData("San José, Costa Rica", "San José", "Costa Rica", null)]
    [InlineData("", null, null, null)]
    public void Places_split_into_city_country_and_venue(string text, string? city, string? country, string? venue) =>
        Assert.Equal((city, country, venue), FreeTextPlace.Parse(text));

    [Fact]
    public void Html_descriptions_become_safe_markdown()
    {
        var md = HtmlToMarkdown.Convert("""<p class="text-justify">Held by <a href="http://www.gbif.es" target="_blank">GBIF.ES</a>, a <b>great</b> week.</p> <p>Second <script>alert(1)</script><i>part</i> with *stars*.<br/>New line <a href="javascript:alert(1)">bad</a></p>""");
        Assert.Equal("Held by [GBIF.ES](http://www.gbif.es), a **great** week.\n\nSecond *part* with \\*stars\\*.  \nNew line bad", md);
    }

    [Fact]
    public void Speaker_lines_lose_their_markup() =>
        Assert.Equal("Paco Pando (GBIF Spain), Rui Figueira (GBIF Portugal), Luis Eugênio Barbosa (GBIF Brazil)",
            HtmlToMarkdown.Text("Paco Pando (GBIF Spain), <br />Rui Figueira (GBIF Portugal), <br/>Luis Eug&ecirc;nio Barbosa (GBIF Brazil)."));
}
