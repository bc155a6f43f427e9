using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Workshops.IntegrationTests.Support;
using Workshops.Web.Features.Setup;

namespace Workshops.IntegrationTests.Features.Admin;

public sealed class SetupTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task The_printed_token_creates_the_first_admin_once()
    {
        var token = app.Services.GetRequiredService<SetupToken>().Value;
        Assert.NotNull(token);
        var client = app.Browser();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/setup")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/setup?token=guess")).StatusCode);

        var weak = await client.PostFormAsync($"/setup?token={token}", new() { ["Input.DisplayName"] = "Root", ["Input.Email"] = "root@example.org", ["Input.Password"] = "short" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, weak.StatusCode);

        var created = await client.PostFormAsync($"/setup?token={token}",
            new() { ["Token"] = token, ["Input.DisplayName"] = "Root", ["Input.Email"] = "root@example.org", ["Input.Password"] = AppFactory.Password });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        // Whoever made the account goes on signed in, to the admin pages.
        Assert.Equal("/admin", created.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin")).StatusCode);

        client = app.Browser();
        var signIn = await client.PostFormAsync("/account/signin", new() { ["Input.Email"] = "root@example.org", ["Input.Password"] = AppFactory.Password });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin")).StatusCode);

        Assert.Null(app.Services.GetRequiredService<SetupToken>().Value);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Browser().GetAsync($"/setup?token={token}")).StatusCode);
    }
}
