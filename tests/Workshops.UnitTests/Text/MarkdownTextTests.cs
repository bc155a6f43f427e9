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
}
