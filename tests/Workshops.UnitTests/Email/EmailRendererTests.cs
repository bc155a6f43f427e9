using Workshops.Core.Email;

namespace Workshops.UnitTests.Email;

public sealed class EmailRendererTests
{
    [Fact]
    public void User_content_is_escaped_in_html_and_plain_in_text()
    {
        var email = new EmailRenderer().Render(new ConfirmAccountEmail("<b>Ana</b> & co", "https://site/confirm?x=1&y=2"), "Site <Name>");

        Assert.Equal("Confirm your email address", email.Subject);
        Assert.Contains("&lt;b&gt;Ana&lt;/b&gt; &amp; co", email.Html);
        Assert.DoesNotContain("<b>Ana</b>", email.Html);
        Assert.Contains("Site &lt;Name&gt;", email.Html);
        Assert.Contains("href=\"https://site/confirm?x=1&amp;y=2\"", email.Html);
        Assert.Contains("Hello <b>Ana</b> & co,", email.Text);
        Assert.Contains("https://site/confirm?x=1&y=2", email.Text);
    }

    [Fact]
    public void Every_account_email_renders_both_parts()
    {
        var renderer = new EmailRenderer();
        foreach (IEmailModel model in new IEmailModel[] { new ConfirmAccountEmail("A", "https://x"), new ResetPasswordEmail("A", "https://x") })
        {
            var email = renderer.Render(model, "Site");
            Assert.Contains("https://x", email.Html);
            Assert.Contains("https://x", email.Text);
        }
    }
}
