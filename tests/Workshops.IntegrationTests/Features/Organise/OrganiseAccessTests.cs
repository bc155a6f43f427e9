using System.Net;
using Workshops.Core.Domain.Accounts;
using Workshops.IntegrationTests.Support;

namespace Workshops.IntegrationTests.Features.Organise;

public sealed class OrganiseAccessTests(AppFactory app) : IClassFixture<AppFactory>
{
    public static TheoryData<string> Pages => new() { "/organise/workshops", "/organise/workshops/new" };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Anonymous_visitors_are_sent_to_sign_in(string url)
    {
        var response = await app.Browser().GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("http://localhost/account/signin", response.Headers.Location!.ToString());
    }

    [Theory]
    [InlineData(Roles.Member)]
    [InlineData(Roles.Reviewer)]
    public async Task Members_and_reviewers_are_refused(string role)
    {
        var client = await app.BrowserAs(role);
        foreach (var url in new[] { "/organise/workshops", "/organise/workshops/new" })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/account/access-denied", response.Headers.Location!.ToString());
        }
        var w = await app.AddWorkshopAsync($"access-{role.ToLowerInvariant()}");
        var post = await client.PostAsync($"/organise/workshops/{w.Id}/edit?handler=Status", new FormUrlEncodedContent([new("to", "Cancelled"), new("confirmed", "true")]));
        Assert.NotEqual(HttpStatusCode.OK, post.StatusCode);
        Assert.True((int)post.StatusCode is >= 300 and < 500);
    }

    [Theory]
    [InlineData(Roles.Organiser)]
    [InlineData(Roles.Admin)]
    public async Task Organisers_and_admins_may_organise(string role)
    {
        var client = await app.BrowserAs(role);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/organise/workshops")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/organise/workshops/new")).StatusCode);
    }

    [Fact]
    public async Task Unknown_workshop_ids_are_404()
    {
        var client = await app.BrowserAs(Roles.Organiser);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/organise/workshops/{Guid.NewGuid()}/edit")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/organise/workshops/{Guid.NewGuid()}/clone")).StatusCode);
    }
}
