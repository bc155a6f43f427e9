using System.Net;
using Workshops.Core.Domain.Accounts;
using Workshops.IntegrationTests.Support;

namespace Workshops.IntegrationTests.Features.Archive;

/// <summary>An empty directory, in a site of its own: what to do about it is said to admins only.</summary>
public sealed class EmptyCommunityTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Only_admins_are_told_how_to_fill_an_empty_directory()
    {
        var visitor = WebUtility.HtmlDecode(await (await app.Browser().GetAsync("/community")).BodyAsync());
        Assert.Contains("No institutions are listed yet.", visitor);
        Assert.DoesNotContain("import", visitor, StringComparison.OrdinalIgnoreCase);
        var member = WebUtility.HtmlDecode(await (await (await app.BrowserAs(Roles.Member)).GetAsync("/community")).BodyAsync());
        Assert.DoesNotContain("Archive import", member);

        var admin = WebUtility.HtmlDecode(await (await (await app.BrowserAs(Roles.Admin)).GetAsync("/community")).BodyAsync());
        Assert.Contains("Fill it by importing the old site's archive", admin);
    }
}
