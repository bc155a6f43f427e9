using System.Net;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Domain.Community;
using Workshops.IntegrationTests.Support;

namespace Workshops.IntegrationTests.Features.Community;

/// <summary>The registry's world map: drawn on the server, each country with an installation coloured by its best status, a link with a name.</summary>
public sealed class MapTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private async Task AddAsync(string name, string country, InstallationStatus status)
    {
        var details = new InstallationDetails(name, $"{Core.Text.Slugs.From(name)}-{Guid.NewGuid():N}"[..30].TrimEnd('-'), null, country, null, null, null, null, null,
            status, null, [], [], null);
        await app.WithDb(async db =>
        {
            db.Installations.Add(Installation.Create(details, DateTimeOffset.UtcNow));
            return await db.SaveChangesAsync();
        });
    }

    [Fact]
    public async Task Each_country_with_an_installation_is_a_named_link_coloured_by_its_best_status()
    {
        await AddAsync("SiBBr", "BR", InstallationStatus.InDevelopment);
        await AddAsync("Portal da Biodiversidade", "BR", InstallationStatus.Live);
        await AddAsync("GBIF Benin portal", "BJ", InstallationStatus.InDiscussion);
        await AddAsync("Living Atlas of Barbados", "BB", InstallationStatus.Offline);

        var response = await app.Browser().GetAsync("/community/map.svg");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType!.MediaType);
        var svg = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;
        Assert.Equal(Svg + "svg", svg.Name);
        Assert.Equal("Countries with an installation, coloured by their best status", svg.Element(Svg + "title")!.Value);
        var links = svg.Elements(Svg + "a").ToDictionary(a => a.Attribute("href")!.Value);
        Assert.DoesNotContain("http://localhost/community?country=FR", links.Keys); // no installation there
        var brazil = links["http://localhost/community?country=BR"];
        Assert.StartsWith("Brazil: 2 installations (Portal da Biodiversidade, live; SiBBr, in development)", brazil.Attribute("aria-label")!.Value);
        Assert.Equal("#2f6f4e", brazil.Element(Svg + "path")!.Attribute("fill")!.Value); // live, the best of the two
        Assert.Equal("#7b5ea7", links["http://localhost/community?country=BJ"].Element(Svg + "path")!.Attribute("fill")!.Value);
        // Barbados is too small to see on a world map: it also gets a dot.
        Assert.NotNull(links["http://localhost/community?country=BB"].Element(Svg + "circle"));
        // The key says every colour.
        Assert.Contains("In discussion", svg.Descendants(Svg + "text").Select(t => t.Value));
    }

    [Fact]
    public async Task The_community_page_shows_the_map_and_the_same_facts_in_a_table()
    {
        await AddAsync("Elurikkus", "EE", InstallationStatus.Degraded);
        var page = WebUtility.HtmlDecode(await app.Browser().GetStringAsync("/community"));
        Assert.Contains("<svg class=\"world-map\"", page);
        Assert.Contains("<a href=\"/community?country=EE\" aria-label=\"Estonia: 1 installation (Elurikkus, degraded)\">", page);
        Assert.Matches("<th scope=\"row\">Estonia</th>\\s*<td>\\s*<a href=\"/community/elurikkus", page);

        var spanish = app.Browser();
        spanish.DefaultRequestHeaders.AcceptLanguage.ParseAdd("es");
        var map = await spanish.GetStringAsync("/community/map.svg");
        Assert.Contains("Estonia: 1 instalación (Elurikkus, con fallos)", map);
    }
}
