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

    [Theory]
    [InlineData("[x](JavaScript:alert(1))")]
    [InlineData("[x](java&#x73;cript:alert(1))")]
    [InlineData("[x](<java\tscript:alert(1)>)")]
    [InlineData("<javascript:alert(1)>")]
    [InlineData("[x](data:text/html;base64,PHNjcmlwdD4=)")]
    [InlineData("[x][ref]\n\n[ref]: vbscript:msgbox(1)")]
    public void Links_to_anything_but_the_web_and_email_keep_only_their_words(string input)
    {
        var html = MarkdownText.ToSafeHtml(input);
        Assert.DoesNotContain("<a", html);
        Assert.DoesNotContain("href", html);
    }

    [Fact]
    public void Web_email_and_site_links_stay_links()
    {
        var html = MarkdownText.ToSafeHtml("[a](https://gbif.org/x?y=1) [b](/archive) [c](mailto:nodes@gbif.org) <https://ala.org.au> <nodes@gbif.org> www.gbif.es");
        Assert.Contains("<a href=\"https://gbif.org/x?y=1\" rel=\"nofollow noopener\">a</a>", html);
        Assert.Contains("<a href=\"/archive\" rel=\"nofollow noopener\">b</a>", html);
        Assert.Contains("<a href=\"mailto:nodes@gbif.org\" rel=\"nofollow noopener\">c</a>", html);
        Assert.Contains("<a href=\"https://ala.org.au\" rel=\"nofollow noopener\">https://ala.org.au</a>", html);
        Assert.Contains("<a href=\"mailto:nodes@gbif.org\">nodes@gbif.org</a>", html);
        Assert.Contains("href=\"http://www.gbif.es\"", html);
    }

    [Fact]
    public void An_image_becomes_its_description()
    {
        var html = MarkdownText.ToSafeHtml("Before ![the *new* logo](https://evil.example/x.png) after");
        Assert.DoesNotContain("<img", html);
        Assert.Equal("<p>Before the <em>new</em> logo after</p>", html.Trim());
    }

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
