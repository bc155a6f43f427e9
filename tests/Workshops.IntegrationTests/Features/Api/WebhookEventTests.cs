using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workshops.Core.Domain.Accounts;
using Workshops.Core.Domain.Proposals;
using Workshops.Core.Domain.Webhooks;
using Workshops.IntegrationTests.Support;
using Workshops.Web.Features.Organise.Calls;

namespace Workshops.IntegrationTests.Features.Api;

/// <summary>Each event is raised by the page or job that makes the change, and heard only by endpoints for it.</summary>
public sealed class WebhookEventTests(WebhookAppFactory app) : IClassFixture<WebhookAppFactory>
{
    private async Task<Guid> EndpointAsync(string url, string @event, Guid[]? workshops = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var owner = await app.CreateUserAsync(Roles.Organiser);
        var made = await scope.ServiceProvider.GetRequiredService<Web.Features.Organise.Webhooks.WebhookDesk>()
            .CreateAsync(owner.Id, new WebhookDetails(url, null, [@event], workshops ?? []), default);
        Assert.True(made.Succeeded, made.Error);
        return made.Id!.Value;
    }

    private static JsonNode Data(ReceivedWebhook got) => JsonNode.Parse(got.Body)!["data"]!;

    [Fact]
    public async Task Registering_on_the_page_raises_registration_created_for_that_workshops_endpoints_only()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var workshop = await app.AddWorkshopAsync($"we-{Guid.NewGuid():N}"[..20]);
        var other = await app.AddWorkshopAsync($"wo-{Guid.NewGuid():N}"[..20]);
        var setup = await app.AddRegistrationAsync(workshop);
        await EndpointAsync(receiver.Url, WebhookEvents.RegistrationCreated, [workshop.Id]);
        await using var elsewhere = await WebhookReceiver.StartAsync();
        await EndpointAsync(elsewhere.Url, WebhookEvents.RegistrationCreated, [other.Id]);

        var user = await app.CreateUserAsync();
        var client = await app.SignInAsync(user);
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync($"/workshops/{workshop.Slug}/register", RegistrationData.RegistrationFields(setup, workshop, user))).StatusCode);

        var got = (await receiver.WaitForAsync(1))[0];
        Assert.Equal("registration.created", (string?)JsonNode.Parse(got.Body)!["type"]);
        Assert.Equal(workshop.Slug, (string?)Data(got)["workshop"]);
        Assert.Equal("Submitted", (string?)Data(got)["registration"]!["status"]);
        Assert.DoesNotContain(user.Email!, got.Body);
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Empty(elsewhere.Received);
    }

    [Fact]
    public async Task Releasing_proposal_decisions_raises_proposal_decided_for_each()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await EndpointAsync(receiver.Url, WebhookEvents.ProposalDecided);
        var call = await app.AddCallAsync(year: 2033);
        var accepted = await app.AddProposalAsync(call, await app.CreateUserAsync(), title: "Lima 2033");
        var rejected = await app.AddProposalAsync(call, await app.CreateUserAsync(), title: "Quito 2033");
        var organiser = await app.CreateUserAsync(Roles.Organiser);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var desk = scope.ServiceProvider.GetRequiredService<DecisionDesk>();
            Assert.True((await desk.StageAsync(accepted.Id, StagedDecision.Accept, default)).Succeeded);
            Assert.True((await desk.StageAsync(rejected.Id, StagedDecision.Reject, default)).Succeeded);
            var stored = await scope.ServiceProvider.GetRequiredService<Core.Data.AppDbContext>().Calls.AsNoTracking().SingleAsync(c => c.Id == call.Id);
            Assert.True((await desk.ReleaseAsync(stored, organiser.Id, default)).Succeeded);
        }
        var got = await receiver.WaitForAsync(2);
        var decided = got.Select(g => Data(g)["proposal"]!).ToDictionary(p => (string)p["id"]!, p => (string)p["status"]!);
        Assert.Equal("Accepted", decided[accepted.Id.ToString()]);
        Assert.Equal("Rejected", decided[rejected.Id.ToString()]);
    }

    [Fact]
    public async Task News_raises_news_published_when_its_announcement_starts_and_an_upload_raises_material_added()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await EndpointAsync(receiver.Url, WebhookEvents.NewsPublished);
        var organiser = await app.CreateUserAsync(Roles.Organiser);
        var news = await app.AnnouncementAsync("The call is open", "Dear colleague, the call is open.", null, AnnouncementData.To(pasted: "ana@example.net"), organiser.Id, news: true);
        await app.SendNowAsync(news.Id);
        var got = (await receiver.WaitForAsync(1))[0];
        Assert.Equal("news.published", (string?)JsonNode.Parse(got.Body)!["type"]);
        Assert.Equal($"/api/v1/news/{news.Id}", (string?)Data(got)["api"]);

        await using var materials = await WebhookReceiver.StartAsync();
        var workshop = await app.AddWorkshopAsync($"wm-{Guid.NewGuid():N}"[..20]);
        await EndpointAsync(materials.Url, WebhookEvents.MaterialAdded, [workshop.Id]);
        var browser = await app.SignInAsync(organiser);
        var uploaded = await browser.PostUploadAsync($"/materials/new?workshop={workshop.Id}",
            new() { ["Input.Title"] = "Opening slides", ["Input.Type"] = "Slides", ["Input.Speakers"] = "Ana", ["Input.Visibility"] = "Public" },
            ("Upload", "opening.pdf", MaterialData.Pdf("Opening")));
        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        var material = (await materials.WaitForAsync(1))[0];
        Assert.Equal("Opening slides", (string?)Data(material)["material"]!["title"]);
        Assert.Equal(workshop.Slug, (string?)Data(material)["workshop"]);
    }
}
