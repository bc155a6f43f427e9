using Microsoft.Playwright;
using Workshops.Core.Domain.Accounts;
using Microsoft.Extensions.DependencyInjection;
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

    [Fact]
    public async Task An_organiser_adds_a_webhook_sees_its_deliveries_and_sends_one_again()
    {
        await using var receiver = await Workshops.Tests.Shared.WebhookReceiver.StartAsync();
        await site.CreateUserAsync("hugo@nodes.example.org", "Hugo Hooks", Roles.Organiser);
        var organiser = await site.SignedInAsync("hugo@nodes.example.org");
        await organiser.GotoAsync("/");
        await organiser.GetByRole(AriaRole.Link, new() { Name = "Organise", Exact = true }).ClickAsync();
        await organiser.GetByRole(AriaRole.Link, new() { Name = "Webhooks", Exact = true }).ClickAsync();
        await Expect(organiser.GetByRole(AriaRole.Heading, new() { Name = "Webhooks", Level = 1 })).ToBeVisibleAsync();
        await organiser.AssertNoAxeViolationsAsync();
        await organiser.GetByLabel("Address that receives the events").FillAsync(receiver.Url);
        await organiser.GetByLabel("Description (optional)").FillAsync("Node chat");
        await organiser.GetByLabel("news.published").CheckAsync();
        await organiser.GetByRole(AriaRole.Button, new() { Name = "Add the endpoint" }).ClickAsync();
        await Expect(organiser.GetByRole(AriaRole.Heading, new() { Name = "Signing secret" })).ToBeVisibleAsync();
        var secret = await organiser.GetByLabel("Secret", new() { Exact = true }).InputValueAsync();
        Assert.StartsWith("whsec_", secret);
        await Expect(organiser.GetByText("Nothing sent yet")).ToBeVisibleAsync();
        await organiser.AssertNoAxeViolationsAsync();

        // News is published: the endpoint hears it, signed with the secret the page showed.
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var webhooks = scope.ServiceProvider.GetRequiredService<Workshops.Core.Webhooks.WebhookOutbox>();
            await webhooks.RaiseAsync(Workshops.Core.Domain.Webhooks.WebhookEvents.NewsPublished, null, new { news = new { id = Guid.NewGuid() } }, default);
            await scope.ServiceProvider.GetRequiredService<Workshops.Core.Data.AppDbContext>().SaveChangesAsync();
            webhooks.Kick();
        }
        var got = (await receiver.WaitForAsync(1))[0];
        Assert.True(Workshops.Core.Webhooks.WebhookSigner.Verify(secret, got.Id, got.Timestamp, got.Body, got.Signature, DateTimeOffset.UtcNow));
        // The receiver has the request a moment before the sender writes it down as delivered: the page is read
        // again until it says so, as a person would press reload.
        for (var tries = 0; tries < 60; tries++)
        {
            await organiser.ReloadAsync();
            if ((await organiser.GetByRole(AriaRole.Table).InnerTextAsync()).Contains("delivered")) break;
            await Task.Delay(250);
        }
        await Expect(organiser.GetByRole(AriaRole.Table)).ToContainTextAsync("news.published");
        await Expect(organiser.GetByRole(AriaRole.Table)).ToContainTextAsync("delivered");
        await organiser.AssertNoAxeViolationsAsync();
        await organiser.GetByRole(AriaRole.Button, new() { Name = $"Resend news.published {got.Id}" }).ClickAsync();
        await Expect(organiser.GetByRole(AriaRole.Status)).ToContainTextAsync("The delivery is being sent again.");
        Assert.Equal(got.Id, (await receiver.WaitForAsync(2))[1].Id);
    }
}
