using Workshops.Core.Email;
using Workshops.Core.Email.Editable;

namespace Workshops.UnitTests.Email;

public sealed class TemplateRendererTests
{
    private static readonly TemplateRenderer Renderer = new(new EmailRenderer());

    [Fact]
    public void Typed_values_stay_text_in_the_html_part_while_site_links_stay_links()
    {
        var email = Renderer.Render("About {{ proposal_title }}", "Hello {{ name }}, see **{{ proposal_title }}**: {{ proposal_link }}",
            new Dictionary<string, string>
            {
                ["name"] = "Ana_Souza *bold*",
                ["proposal_title"] = "[Confirm here](https://evil.example.org)",
                ["proposal_link"] = "https://workshops.example.org/proposals/4f1c",
            }, "Workshops");

        Assert.DoesNotContain("href=\"https://evil.example.org\"", email.Html);
        Assert.Contains("[Confirm here](https://evil.example.org)", email.Html);
        Assert.Contains("Ana_Souza *bold*", email.Html);
        Assert.Contains("href=\"https://workshops.example.org/proposals/4f1c\"", email.Html);
        Assert.Contains("see **[Confirm here](https://evil.example.org)**", email.Text);
        Assert.Equal("About [Confirm here](https://evil.example.org)", email.Subject);
    }
}
