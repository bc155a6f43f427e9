using Workshops.Core.Text;

namespace Workshops.UnitTests.Text;

public sealed class MarkdownTextTests
{
    [Fact]
    public void Markdown_becomes_html() =>
        Assert.Equal("<p><strong>bold</strong> and <a href=\"https://gbif.org\" rel=\"nofollow noopener\">link</a></p>",
            MarkdownText.ToSafeHtml("**bold** and [link](https://gbif.org)").Trim());

    [Theory]
    [InlineData("<script>alert(1)</script>", "<script")]
    [InlineData("[x](javascript:alert(1))", "javascript:")]
    [InlineData("<img src=x onerror=alert(1)>", "<img")]
    [InlineData("<a href=\"#\" onclick=\"steal()\">x</a>", "<a href=\"#\" onclick")]
    public void Raw_html_and_script_links_never_survive(string input, string forbidden) =>
        Assert.DoesNotContain(forbidden, MarkdownText.ToSafeHtml(input));

    [Fact]
    public void Plain_paragraphs_for_pdfs_drop_the_markup()
    {
        var paragraphs = MarkdownText.ToParagraphs("First **bold**\nline.\n\n- one\n- two");
        Assert.StartsWith("First bold line.", paragraphs[0]);
        Assert.DoesNotContain("**", string.Join(" ", paragraphs));
    }

    [Fact]
    public void A_news_excerpt_keeps_paragraphs_apart_and_lists_their_own_markers()
    {
        var paragraphs = MarkdownText.ToParagraphs("Hosted by *GBIF España*.\n\nSecond paragraph.\n\n1. First step\n2. Second step");
        Assert.Equal(["Hosted by GBIF España.", "Second paragraph.", "1. First step", "2. Second step"], paragraphs);
    }

    [Fact]
    public void Plain_text_writes_links_out_after_their_words() =>
        Assert.Equal("See the portal (https://gbif.org) and https://ala.org.au", MarkdownText.ToPlainText("See [the portal](https://gbif.org) and <https://ala.org.au>"));
}
