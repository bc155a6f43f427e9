using System.Net;
using Workshops.Core.Domain.Accounts;
using Workshops.IntegrationTests.Support;

namespace Workshops.IntegrationTests.Features.Community;

/// <summary>An empty registry, in a site of its own: what to do about it is said to organisers and admins only.</summary>
public sealed class EmptyCommunityTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Only_organisers_and_admins_are_told_how_to_fill_an_empty_registry()
    {
        var visitor = WebUtility.HtmlDecode(await (await app.Browser().GetAsync("/community")).BodyAsync());
        Assert.Contains("No installations are listed yet.", visitor);
        Assert.DoesNotContain("import", visitor, StringComparison.OrdinalIgnoreCase);
        var member = WebUtility.HtmlDecode(await (await (await app.BrowserAs(Roles.Member)).GetAsync("/community")).BodyAsync());
        Assert.DoesNotContain("Organise → Installations", member);

        foreach (var role in new[] { Roles.Organiser, Roles.Admin })
        {
            var page = WebUtility.HtmlDecode(await (await (await app.BrowserAs(role)).GetAsync("/community")).BodyAsync());
            Assert.Contains("<a href=\"/organise/installations\">Organise → Installations</a>", page);
        }
    }
}
