using Workshops.Core.Domain.Archive.Import.Jekyll;
using Workshops.Core.Domain.Materials;

namespace Workshops.UnitTests.Domain.Archive;

/// <summary>The current site's pages: front matter, Liquid taken out, resources turned into links, module tables read.</summary>
public sealed class JekyllPageTests
{
    private const string Event = """
        ---
        title: A workshop
        date: 2019-04-01
        ---

        ## {{ page.title }}

        #### Description

        We met in **Paris**.

        #### Participants

        | Name | Organization | Country |
        |------|--------------|---------|
        {% for participant in site.data.events.workshop-2019 -%}
        | {{ participant.name }}  | {{ participant.organisation }}  | {{ participant.country }}
        {% endfor %}

        #### Resources

        ##### Presentations & Exercises
        - Day 1: [Living Atlases community](https://drive.google.com/file/d/1)(PPTx) by Marie-Elise Lecoq (VertNet)
        - [Species Observation System (SOS)](/assets/presentation/workshop-2022/Species Observation System (SOS) - 2022.pptx)
        - Poster: [The community](/assets/presentation/tdwg-2016/poster.pdf) (PDF) by Ana, João.
        - [Project page](/projects/1-cesp-2019)
        """;

    [Fact]
    public void Liquid_loops_the_title_heading_and_the_sections_they_emptied_are_taken_out()
    {
        var page = FrontMatter.Read(Event);
        Assert.Equal("A workshop", page.Text("title"));
        Assert.Equal("workshop-2019", Liquid.LoopData(page.Body, "events"));
        var body = Liquid.Strip(page.Body);
        Assert.DoesNotContain("{", body);
        Assert.DoesNotContain("Participants", body);
        Assert.DoesNotContain("| Name |", body);
        Assert.StartsWith("#### Description", body);
    }

    [Fact]
    public void Resources_become_links_with_their_kind_and_speakers()
    {
        var (description, links) = PageSections.SplitResources(Liquid.Strip(FrontMatter.Read(Event).Body));
        Assert.Equal("#### Description\n\nWe met in **Paris**.", description);
        Assert.Equal(4, links.Count);
        Assert.Equal(("Living Atlases community", MaterialType.Slides, "Marie-Elise Lecoq (VertNet)"), (links[0].Title, links[0].Type, links[0].Speakers));
        Assert.Equal("/assets/presentation/workshop-2022/Species Observation System (SOS) - 2022.pptx", links[1].Href);
        Assert.True(links[1].IsSiteFile);
        Assert.Equal((MaterialType.Poster, "Ana, João"), (links[2].Type, links[2].Speakers));
        Assert.False(links[3].IsSiteFile || links[3].IsWeb);
    }

    [Theory]
    [InlineData("title: no front matter", "does not start with front matter")]
    [InlineData("---\ntitle: never closed\n", "not closed")]
    [InlineData("---\ntitle: [unclosed\n---\n", "not valid YAML")]
    public void Malformed_front_matter_says_what_is_wrong(string text, string message) =>
        Assert.Contains(message, Assert.Throws<FormatException>(() => FrontMatter.Read(text)).Message);

    [Fact]
    public void Module_tables_give_names_and_addresses()
    {
        var modules = PageSections.Modules("""
            | Name             | Link                                                      |
            |------------------|-----------------------------------------------------------|
            | Biocache         | [https://records.example.se](https://records.example.se)  |
            |ASV Portal        |[https://asv.example.se](https://asv.example.se)           |
            | Logger           |                                                           |
            """);
        Assert.Equal([("Biocache", "https://records.example.se"), ("ASV Portal", "https://asv.example.se"), ("Logger", (string?)null)], modules);
    }
}

public sealed class JekyllFixturePageTests
{
    [Fact]
    public void The_swedish_installation_page_gives_every_module()
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "Workshops.IntegrationTests", "Fixtures",
            "la-website-subset", "_participants", "bioatlas_sweden.md"));
        var modules = PageSections.Modules(Liquid.Strip(FrontMatter.Read(text).Body));
        Assert.Equal(22, modules.Count);
        Assert.Equal(("Biocache", "https://records.biodiversitydata.se"), modules[0]);
        Assert.Equal("Biologging Portal", modules[^1].Name);
    }
}
