using Fluid;
using Workshops.Core.Domain.Common;
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
        // The text part is plain: the wording's own marks are gone, a typed value stays exactly as typed.
        Assert.Contains("see [Confirm here](https://evil.example.org): https://workshops.example.org/proposals/4f1c", email.Text);
        Assert.Contains("Hello Ana_Souza *bold*,", email.Text);
        Assert.DoesNotContain("**", email.Text);
        Assert.Equal("About [Confirm here](https://evil.example.org)", email.Subject);
    }

    [Fact]
    public void Plain_text_emails_read_as_plain_text()
    {
        var email = Renderer.Render("News", "Dear {{ name }},\n\nThe **software** track:\n\n1. Upgrades\n2. [Docker](https://docs.example.org)\n\n- one\n- two",
            new Dictionary<string, string> { ["name"] = "Ana" }, "Workshops");

        Assert.StartsWith("Dear Ana,\n\nThe software track:\n\n1. Upgrades\n\n2. Docker (https://docs.example.org)\n\n– one\n\n– two", email.Text);
    }

    // Placeholders alone are filled without Fluid; the result must be what Fluid writes, and anything else still goes to Fluid.
    [Theory]
    [InlineData("Dear {first_name}, see {workshop_title}.")]
    [InlineData("Dear {{ first_name }},{{first_name}} {{  workshop_title  }}")]
    [InlineData("No placeholder at all, a brace } and {{ first_name }} then }}")]
    [InlineData("{{ first_name | upcase }} at {{ workshop_title }}")]
    [InlineData("{% if first_name %}Dear {{ first_name }}{% endif %}")]
    [InlineData("Dear {{- first_name -}} !")]
    public void Placeholders_read_as_fluid_writes_them(string body)
    {
        var values = new Dictionary<string, string> { ["first_name"] = "Ana", ["workshop_title"] = "GBIF nodes 2027" };

        var email = Renderer.RenderFragment("Subject", body, values, sanitize: false);

        Assert.True(new FluidParser().TryParse(TemplateRenderer.Expand(body), out var template, out _));
        var context = new TemplateContext();
        foreach (var (key, value) in values) context.SetValue(key, value);
        Assert.Equal(Core.Text.MarkdownText.ToPlainText(template.Render(context, NullEncoder.Default).Trim()), email.Text);
    }

    [Theory]
    [InlineData("Hello {first_nmae}")]
    [InlineData("Hello {{ first_nmae }}")]
    [InlineData("Hello {{ first_nmae | upcase }}")]
    public void An_unknown_placeholder_is_refused_whichever_way_it_is_written(string body)
    {
        var e = Assert.Throws<DomainException>(() => Renderer.RenderFragment("Subject", body, new Dictionary<string, string> { ["first_name"] = "Ana" }));
        Assert.Contains("uses {first_nmae}, which this email does not have", e.Message);
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
