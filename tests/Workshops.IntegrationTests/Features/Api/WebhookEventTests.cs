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
    public async Task Releasing_travel_decisions_raises_one_award_released_with_the_counts_and_no_names()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var workshop = await app.AddWorkshopAsync($"wa-{Guid.NewGuid():N}"[..20]);
        var setup = await app.AddRegistrationAsync(workshop, Core.Domain.Registrations.RegistrationMode.FirstCome);
        var fund = await app.AddTravelFundAsync(workshop);
        await EndpointAsync(receiver.Url, WebhookEvents.AwardReleased, [workshop.Id]);
        var ana = await app.ApplyAsync(fund, (await app.AdmitAsync(workshop, setup, "Ana Souza")).Id);
        var bruno = await app.ApplyAsync(fund, (await app.AdmitAsync(workshop, setup, "Bruno Costa")).Id);
        var organiser = await app.BrowserAs(Roles.Organiser);
        foreach (var (application, decision) in new[] { (ana, "Award"), (bruno, "NotFunded") })
        {
            var form = (await BrowserForm.LoadAsync(organiser, $"/organise/workshops/{workshop.Id}/travel/{application.Id}")).With("Decision", decision);
            if (decision == "Award") form = form.With("Award[Travel]", "700").With("Award[Lodging]", "0");
            Assert.Equal(HttpStatusCode.Redirect, (await form.PostAsync(organiser)).StatusCode);
        }
        Assert.Equal(HttpStatusCode.Redirect, (await organiser.PostFormAsync($"/organise/workshops/{workshop.Id}/travel?handler=Release",
            new() { ["confirmed"] = "true" }, $"/organise/workshops/{workshop.Id}/travel")).StatusCode);

        var got = (await receiver.WaitForAsync(1))[0];
        Assert.Equal("award.released", (string?)JsonNode.Parse(got.Body)!["type"]);
        var data = Data(got);
        Assert.Equal((workshop.Slug, 1, 0, 1), ((string?)data["workshop"], (int)data["awarded"]!, (int)data["reserve"]!, (int)data["notFunded"]!));
        Assert.Equal($"/api/v1/workshops/{workshop.Slug}/travel", (string?)data["api"]);
        Assert.DoesNotContain("Ana Souza", got.Body);
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Single(receiver.Received); // one event for the whole release
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
