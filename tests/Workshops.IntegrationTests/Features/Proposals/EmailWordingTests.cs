using System.Net;
using Workshops.Core.Domain.Accounts;
using Workshops.IntegrationTests.Support;

namespace Workshops.IntegrationTests.Features.Proposals;

public sealed class EmailWordingTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task An_organiser_previews_and_saves_new_wording_which_the_next_receipt_uses()
    {
        var organiser = await app.BrowserAs(Roles.Organiser);
        var page = await organiser.GetAsync("/organise/emails/proposal-received");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Ana Souza", await page.BodyAsync()); // the preview with sample values

        var preview = await organiser.PostFormAsync("/organise/emails/proposal-received?handler=Preview", new()
        {
            ["Subject"] = "Received: {{ proposal_title }}",
            ["Body"] = "Dear {{ name }}, **thanks** for {{ proposal_title }}. See {{ proposal_link }}",
        });
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var body = await preview.BodyAsync();
        Assert.Contains("Received: Bogotá 2028 at the Humboldt Institute", body);
        Assert.Contains("&lt;strong&gt;thanks&lt;/strong&gt;", body); // the HTML part, inside the preview frame

        var save = await organiser.PostFormAsync("/organise/emails/proposal-received", new()
        {
            ["Subject"] = "Received: {{ proposal_title }}",
            ["Body"] = "Dear {{ name }}, thanks for {{ proposal_title }}. See {{ proposal_link }}",
        });
        Assert.Equal(HttpStatusCode.Redirect, save.StatusCode);

        var call = await app.AddCallAsync();
        var author = await app.CreateUserAsync();
        var proposal = await app.AddProposalAsync(call, author, submit: false);
        var client = await app.SignInAsync(author);
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync($"/proposals/{proposal.Id}?handler=Submit", [])).StatusCode);
        var mail = await app.Mail.WaitForAsync(author.Email!, "Received: Bogotá 2028");
        Assert.StartsWith("Dear Test Member, thanks for Bogotá 2028.", mail.TextBody);

        Assert.Equal(HttpStatusCode.Redirect, (await organiser.PostFormAsync("/organise/emails/proposal-received?handler=Reset", [])).StatusCode);
        Assert.Contains("We received your proposal", await (await organiser.GetAsync("/organise/emails/proposal-received")).BodyAsync());
    }

    [Theory]
    [InlineData("Hello {{ nmae }}", "uses {nmae}, which this email does not have")]
    [InlineData("Hello {{ name ", "does not parse")]
    public async Task Unknown_or_broken_placeholders_are_refused_and_not_saved(string text, string message)
    {
        var organiser = await app.BrowserAs(Roles.Organiser);
        var response = await organiser.PostFormAsync("/organise/emails/decision-rejected", new() { ["Subject"] = "About it", ["Body"] = text });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains(message, WebUtility.HtmlDecode(await response.BodyAsync()));
        Assert.Contains("About your proposal", await (await organiser.GetAsync("/organise/emails/decision-rejected")).BodyAsync());
    }

    [Fact]
    public async Task Unknown_emails_are_404()
    {
        var organiser = await app.BrowserAs(Roles.Organiser);
        Assert.Equal(HttpStatusCode.NotFound, (await organiser.GetAsync("/organise/emails/no-such-email")).StatusCode);
    }
}
