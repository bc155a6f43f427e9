using System.Net;
using Workshops.IntegrationTests.Support;

namespace Workshops.IntegrationTests.Features.Account;

/// <summary>With Site:BaseUrl set, the links people receive point at the real site whatever Host header came in.</summary>
public sealed class PublicAddressTests(PublicAddressTests.Factory app) : IClassFixture<PublicAddressTests.Factory>
{
    public sealed class Factory : AppFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings() => [new("Site:BaseUrl", "https://workshops.example.org/")];
    }

    [Fact]
    public async Task A_password_reset_link_uses_the_public_address_not_a_forged_host()
    {
        var user = await app.CreateUserAsync();
        var client = app.Browser();
        client.DefaultRequestHeaders.Host = "attacker.example";

        var response = await client.PostFormAsync("/account/forgot-password", new() { ["Email"] = user.Email! });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var mail = await app.Mail.WaitForAsync(user.Email!, "Reset your password");
        Assert.Contains("https://workshops.example.org/account/reset-password?", mail.TextBody);
        Assert.DoesNotContain("attacker.example", mail.TextBody + mail.HtmlBody);
    }

    [Fact]
    public async Task The_fact_sheet_links_to_the_public_address()
    {
        await app.AddWorkshopAsync("public-address");
        var client = app.Browser();
        client.DefaultRequestHeaders.Host = "attacker.example";

        var pdf = await client.GetByteArrayAsync("/workshops/public-address/factsheet.pdf");

        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        var text = string.Concat(document.GetPages().Select(p => p.Text));
        Assert.Contains("workshops.example.org/workshops/public-address", text);
        Assert.DoesNotContain("attacker.example", text);
    }
}

/// <summary>Without Site:BaseUrl (a laptop), links use the address the site listens on, never the Host header.</summary>
public sealed class NoBaseUrlTests(NoBaseUrlTests.Factory app) : IClassFixture<NoBaseUrlTests.Factory>
{
    public sealed class Factory : AppFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings() => [new("Site:BaseUrl", "")];
    }

    [Fact]
    public async Task A_forged_host_does_not_reach_the_reset_email()
    {
        var user = await app.CreateUserAsync();
        var client = app.Browser();
        client.DefaultRequestHeaders.Host = "attacker.example";

        var response = await client.PostFormAsync("/account/forgot-password", new() { ["Email"] = user.Email! });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var mail = await app.Mail.WaitForAsync(user.Email!, "Reset your password");
        // The test server listens nowhere, so the links take the default address a laptop's site runs at.
        Assert.Contains($"{Workshops.Core.SiteAddress.Fallback}/account/reset-password?", mail.TextBody);
        Assert.DoesNotContain("attacker.example", mail.TextBody + mail.HtmlBody);
    }
}
