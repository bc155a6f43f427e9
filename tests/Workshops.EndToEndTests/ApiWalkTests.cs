using Microsoft.Playwright;
using Workshops.Core.Domain.Accounts;
using Workshops.EndToEndTests.Support;
using static Microsoft.Playwright.Assertions;

namespace Workshops.EndToEndTests;

/// <summary>
/// A developer reads the API's reference; an organiser makes a token on their account page, copies it once, a
/// program uses it, and the organiser revokes it.
/// </summary>
public sealed class ApiWalkTests(Site site) : IClassFixture<Site>
{
    [Fact]
    public async Task An_organiser_makes_a_token_a_program_uses_it_and_the_organiser_revokes_it()
    {
        var visitor = await site.NewVisitorAsync();
        await visitor.GotoAsync("/");
        await visitor.GetByRole(AriaRole.Link, new() { Name = "API for developers" }).ClickAsync();
        await Expect(visitor.GetByRole(AriaRole.Heading, new() { Name = "API reference", Level = 1 })).ToBeVisibleAsync();
        await visitor.GetByRole(AriaRole.Link, new() { Name = "GET /api/v1/workshops", Exact = true }).ClickAsync();
        await Expect(visitor.Locator("#op-ListWorkshops")).ToBeInViewportAsync();
        await visitor.AssertNoAxeViolationsAsync();

        await site.CreateUserAsync("olga@nodes.example.org", "Olga Organiser", Roles.Organiser);
        var organiser = await site.SignedInAsync("olga@nodes.example.org");
        await organiser.GotoAsync("/account");
        await organiser.GetByRole(AriaRole.Link, new() { Name = "API tokens" }).ClickAsync();
        await organiser.AssertNoAxeViolationsAsync();
        await organiser.GetByLabel("Name", new() { Exact = true }).FillAsync("Registration dashboard");
        await organiser.GetByLabel("account:read").CheckAsync();
        await organiser.GetByLabel("registrations:read").CheckAsync();
        await organiser.GetByRole(AriaRole.Button, new() { Name = "Make the token" }).ClickAsync();
        await Expect(organiser.GetByRole(AriaRole.Heading, new() { Name = "Your new token" })).ToBeVisibleAsync();
        var secret = await organiser.GetByLabel("Token", new() { Exact = true }).InputValueAsync();
        Assert.StartsWith("wks_", secret);
        await Expect(organiser.GetByRole(AriaRole.Table)).ToContainTextAsync("Registration dashboard");
        await organiser.AssertNoAxeViolationsAsync();

        // A program sends it.
        var program = await site.Playwright.APIRequest.NewContextAsync(new() { BaseURL = site.BaseUrl, ExtraHTTPHeaders = new Dictionary<string, string> { ["Authorization"] = "Bearer " + secret } });
        var me = await program.GetAsync("/api/v1/me");
        Assert.Equal(200, me.Status);
        var json = await me.JsonAsync();
        Assert.Equal("olga@nodes.example.org", json!.Value.GetProperty("email").GetString());

        // The page says when it was last used; revoking stops it at once.
        await organiser.ReloadAsync();
        await Expect(organiser.GetByRole(AriaRole.Row)).ToHaveCountAsync(2); // a reload makes no second token
        await Expect(organiser.GetByRole(AriaRole.Table)).Not.ToContainTextAsync("Never");
        Assert.Equal(0, await organiser.GetByLabel("Token", new() { Exact = true }).CountAsync()); // shown once only
        await organiser.GetByRole(AriaRole.Button, new() { Name = "Revoke Registration dashboard" }).ClickAsync();
        await Expect(organiser.GetByRole(AriaRole.Status)).ToContainTextAsync("The token is revoked");
        Assert.Equal(401, (await program.GetAsync("/api/v1/me")).Status);
    }
}
