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

    public static TheoryData<string> BuiltIn() => [.. EditableEmails.All.Select(e => e.Key)];

    [Theory]
    [MemberData(nameof(BuiltIn))]
    public void Our_own_wording_needs_no_sanitiser_even_with_hostile_values(string key)
    {
        // Built-in wording skips the sanitiser; this shows the sanitiser would have changed nothing.
        var email = EditableEmails.Find(key)!;
        var hostile = email.Placeholders.ToDictionary(p => p.Key, p => p.Key.EndsWith("_link")
            ? p.Value
            : "<script>alert(1)</script> [x](javascript:alert(1)) <img src=x onerror=alert(1)> ![i](javascript:x) " + p.Value);

        var plain = Renderer.Render(email.DefaultSubject, email.DefaultBody, hostile, "Workshops", sanitize: false);
        var sanitised = Renderer.Render(email.DefaultSubject, email.DefaultBody, hostile, "Workshops");

        // Apart from marking links nofollow, which is for links people write on pages, not for the site's own in emails.
        Assert.Equal(sanitised.Html.Replace(" rel=\"nofollow noopener\"", ""), plain.Html);
        Assert.DoesNotContain("<script", plain.Html);
        Assert.DoesNotContain("href=\"javascript:", plain.Html);
        Assert.True(EditableEmails.IsBuiltIn(email.DefaultBody));
    }
}
