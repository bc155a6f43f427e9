using System.Net;
using Microsoft.AspNetCore.DataProtection;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workshops.Core.Domain.Accounts;
using Workshops.Core.Domain.Webhooks;
using Workshops.Core.Webhooks;
using Workshops.IntegrationTests.Support;

namespace Workshops.IntegrationTests.Features.Api;

/// <summary>Webhooks against a real HTTP receiver on loopback (allowed only in this factory's settings).</summary>
public sealed class WebhookTests(WebhookAppFactory app) : IClassFixture<WebhookAppFactory>
{
    private async Task<(Guid Id, string Secret)> AddEndpointAsync(HttpClient organiser, string url, params string[] events)
    {
        var fields = new Dictionary<string, string> { ["Input.Url"] = url, ["Input.Description"] = "Chat channel" };
        var form = await BrowserForm.LoadAsync(organiser, "/organise/webhooks", null);
        foreach (var e in events) form = form.With("Input.Events", e, add: true);
        foreach (var (k, v) in fields) form = form.With(k, v);
        var made = await form.PostAsync(organiser);
        Assert.Equal(HttpStatusCode.Redirect, made.StatusCode);
        var page = made.Headers.Location!.ToString();
        var html = await (await organiser.GetAsync(page)).BodyAsync();
        var secret = WebUtility.HtmlDecode(Regex.Match(html, "value=\"(whsec_[^\"]+)\"").Groups[1].Value);
        Assert.NotEmpty(secret);
        Assert.DoesNotContain(secret, await (await organiser.GetAsync(page)).BodyAsync()); // shown once
        return (Guid.Parse(page.Split('/').Last()), secret);
    }

    [Fact]
    public async Task An_organiser_adds_an_endpoint_and_a_published_agenda_reaches_it_signed()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var organiser = await app.BrowserAs(Roles.Organiser);
        var workshop = await app.AddWorkshopAsync($"wh-{Guid.NewGuid():N}"[..20]);
        var room = await app.AddRoomAsync(workshop, "Aula");
        await app.AddItemAsync(workshop, "Opening", room);
        var (id, secret) = await AddEndpointAsync(organiser, receiver.Url, WebhookEvents.AgendaPublished);

        var published = await organiser.PostFormAsync($"/organise/workshops/{workshop.Id}/agenda/publish", new() { ["Input.ExpectedNumber"] = "0", ["Input.Note"] = "First" });
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        var got = (await receiver.WaitForAsync(1))[0];
        Assert.True(WebhookSigner.Verify(secret, got.Id, got.Timestamp, got.Body, got.Signature, DateTimeOffset.UtcNow), "The signature does not verify.");
        Assert.False(WebhookSigner.Verify(secret, got.Id, got.Timestamp, got.Body.Replace("First", "Forged"), got.Signature, DateTimeOffset.UtcNow));
        var body = JsonNode.Parse(got.Body)!;
        Assert.Equal("agenda.published", (string?)body["type"]);
        Assert.Equal(workshop.Slug, (string?)body["data"]!["workshop"]);
        Assert.Equal(1, (int)body["data"]!["version"]!);
        Assert.Equal("http://localhost", (string?)body["site"]);
        Assert.DoesNotContain("@", got.Body); // no one's email travels

        // The endpoint's page lists the delivery as delivered, with the receiver's answer.
        await WaitUntilAsync(async () => (await app.WithDb(db => db.WebhookDeliveries.SingleAsync(d => d.EndpointId == id))).Status == DeliveryStatus.Delivered);
        var page = await (await organiser.GetAsync($"/organise/webhooks/{id}")).BodyAsync();
        Assert.Contains("agenda.published", page);
        Assert.Contains(got.Id, page);
        Assert.Contains("<td>200</td>", page.Replace("\n", "").Replace(" ", ""));
        Assert.Contains("Chat channel", await (await organiser.GetAsync("/organise/webhooks")).BodyAsync());
    }

    [Fact]
    public async Task A_receiver_answering_500_three_times_gets_the_event_on_the_fourth_try_exactly_once_and_resend_sends_it_again()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Answer(500, 500, 500);
        var organiser = await app.BrowserAs(Roles.Organiser);
        var workshop = await app.AddWorkshopAsync($"wr-{Guid.NewGuid():N}"[..20]);
        var setup = await app.AddRegistrationAsync(workshop);
        var (id, _) = await AddEndpointAsync(organiser, receiver.Url, WebhookEvents.RegistrationChanged);
        var registration = await app.RegistrantAsync(workshop, setup, await app.CreateUserAsync(), "Kofi Mensah");

        var admitted = await organiser.PostFormAsync($"/organise/workshops/{workshop.Id}/registrations?handler=Stage",
            new() { ["selected"] = registration.Id.ToString(), ["decision"] = "Admit" }, $"/organise/workshops/{workshop.Id}/registrations");
        Assert.Equal(HttpStatusCode.Redirect, admitted.StatusCode);
        var released = await organiser.PostFormAsync($"/organise/workshops/{workshop.Id}/registrations?handler=Release",
            new() { ["confirmed"] = "true" }, $"/organise/workshops/{workshop.Id}/registrations");
        Assert.Equal(HttpStatusCode.Redirect, released.StatusCode);

        var got = await receiver.WaitForAsync(4);
        Assert.Single(got.Select(g => g.Id).Distinct()); // one delivery, tried four times
        await WaitUntilAsync(async () => (await app.WithDb(db => db.WebhookDeliveries.SingleAsync(d => d.EndpointId == id))).Status == DeliveryStatus.Delivered);
        var delivery = await app.WithDb(db => db.WebhookDeliveries.SingleAsync(d => d.EndpointId == id));
        Assert.Equal(4, delivery.Attempts);
        Assert.Equal(200, delivery.LastStatusCode);
        var data = JsonNode.Parse(got[0].Body)!["data"]!;
        Assert.Equal("Admitted", (string?)data["registration"]!["status"]);
        Assert.Equal("Submitted", (string?)data["registration"]!["from"]);
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Equal(4, receiver.Received.Count); // delivered once: no further tries

        // Resend, from the endpoint's page, sends the same event again with the same id.
        var resent = await organiser.PostFormAsync($"/organise/webhooks/{id}?handler=Resend", new() { ["delivery"] = delivery.Id.ToString() }, $"/organise/webhooks/{id}");
        Assert.Equal(HttpStatusCode.Redirect, resent.StatusCode);
        Assert.Equal(delivery.Id.ToString(), (await receiver.WaitForAsync(5))[4].Id);
    }

    [Fact]
    public async Task An_endpoint_that_keeps_failing_is_paused_its_owner_is_told_and_resuming_sends_what_waited()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Answer(503, 503, 503, 503, 503, 503);
        var owner = await app.CreateUserAsync(Roles.Organiser);
        var organiser = await app.SignInAsync(owner);
        var workshop = await app.AddWorkshopAsync($"wp-{Guid.NewGuid():N}"[..20]);
        var (id, _) = await AddEndpointAsync(organiser, receiver.Url, WebhookEvents.MaterialAdded);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var outbox = scope.ServiceProvider.GetRequiredService<WebhookOutbox>();
            await outbox.RaiseAsync(WebhookEvents.MaterialAdded, workshop.Id, new { workshop = workshop.Slug }, default);
            await scope.ServiceProvider.GetRequiredService<Core.Data.AppDbContext>().SaveChangesAsync();
            outbox.Kick();
        }
        await receiver.WaitForAsync(6);
        await WaitUntilAsync(async () => (await app.WithDb(db => db.WebhookEndpoints.SingleAsync(e => e.Id == id))).State == WebhookState.Paused);
        var email = await app.Mail.WaitForAsync(owner.Email!, "Webhook paused");
        Assert.Contains(receiver.Url, email.TextBody);
        Assert.Contains($"/organise/webhooks/{id}", email.TextBody);
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Equal(6, receiver.Received.Count); // paused: nothing more is tried

        var resumed = await organiser.PostFormAsync($"/organise/webhooks/{id}?handler=Pause", new() { ["pause"] = "false" }, $"/organise/webhooks/{id}");
        Assert.Equal(HttpStatusCode.Redirect, resumed.StatusCode);
        await receiver.WaitForAsync(7);
        await WaitUntilAsync(async () => (await app.WithDb(db => db.WebhookDeliveries.SingleAsync(d => d.EndpointId == id))).Status == DeliveryStatus.Delivered);
    }

    [Fact]
    public async Task Bad_endpoints_are_refused_with_the_field_and_only_organisers_and_admins_manage_them()
    {
        var organiser = await app.BrowserAs(Roles.Organiser);
        foreach (var (url, events, field, message) in new[]
        {
            ("", new[] { WebhookEvents.NewsPublished }, "Input.Url", "Give the address"),
            ("ftp://example.org/hook", new[] { WebhookEvents.NewsPublished }, "Input.Url", "starting with https://"),
            ("https://user:pass@example.org/hook", new[] { WebhookEvents.NewsPublished }, "Input.Url", "Leave the user name and password out"),
            ("https://example.org/hook", Array.Empty<string>(), "Input.Events", "Choose at least one event"),
            ("https://example.org/hook", new[] { "everything.happened" }, "Input.Events", "There is no event called everything.happened"),
        })
        {
            var form = await BrowserForm.LoadAsync(organiser, "/organise/webhooks", null);
            foreach (var e in events) form = form.With("Input.Events", e, add: true);
            var response = await form.With("Input.Url", url).PostAsync(organiser);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            Assert.Contains(message, WebUtility.HtmlDecode(await response.BodyAsync()));
        }
        Assert.Equal(0, await app.WithDb(db => db.WebhookEndpoints.CountAsync(e => e.Url.Contains("example.org"))));

        foreach (var role in new[] { Roles.Member, Roles.Reviewer })
        {
            var refused = await (await app.BrowserAs(role)).GetAsync("/organise/webhooks");
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.Contains("/account/access-denied", refused.Headers.Location!.ToString());
        }
        var visitor = await app.Browser().GetAsync("/organise/webhooks");
        Assert.Contains("/account/signin", visitor.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.OK, (await (await app.BrowserAs(Roles.Admin)).GetAsync("/organise/webhooks")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await organiser.GetAsync($"/organise/webhooks/{Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task Deleting_an_endpoint_asks_once_more_then_takes_its_deliveries_with_it()
    {
        var organiser = await app.BrowserAs(Roles.Organiser);
        var (id, _) = await AddEndpointAsync(organiser, "https://hooks.example.org/workshops", WebhookEvents.NewsPublished);
        var page = $"/organise/webhooks/{id}";
        var unconfirmed = await organiser.PostFormAsync($"{page}?handler=Delete", [], page);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unconfirmed.StatusCode);
        Assert.Contains("Tick the box to confirm", WebUtility.HtmlDecode(await unconfirmed.BodyAsync()));
        Assert.True(await app.WithDb(db => db.WebhookEndpoints.AnyAsync(e => e.Id == id)));
        var deleted = await organiser.PostFormAsync($"{page}?handler=Delete", new() { ["confirmed"] = "true" }, page);
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.False(await app.WithDb(db => db.WebhookEndpoints.AnyAsync(e => e.Id == id)));
        Assert.Equal(HttpStatusCode.NotFound, (await organiser.GetAsync(page)).StatusCode);
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var until = DateTime.UtcNow.AddSeconds(60);
        while (!await condition())
        {
            if (DateTime.UtcNow > until) throw new TimeoutException("The condition never held.");
            await Task.Delay(200);
        }
    }
}

/// <summary>With private networks refused, as a real site has it.</summary>
public sealed class WebhookAddressTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Addresses_on_the_sites_own_network_are_refused_when_registered_and_when_sent_to()
    {
        var organiser = await app.BrowserAs(Roles.Organiser);
        foreach (var url in new[] { "http://127.0.0.1:9/hook", "http://localhost/hook", "http://10.1.2.3/hook", "http://169.254.169.254/latest/meta-data", "http://[::1]/hook" })
        {
            var response = await (await BrowserForm.LoadAsync(organiser, "/organise/webhooks", null))
                .With("Input.Url", url).With("Input.Events", WebhookEvents.NewsPublished, add: true).PostAsync(organiser);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            Assert.Contains("private, loopback or link-local", WebUtility.HtmlDecode(await response.BodyAsync()));
        }

        // A name that resolves to loopback only when it is used (or an endpoint written behind the form's back) is refused at sending.
        await using var receiver = await WebhookReceiver.StartAsync();
        var owner = await app.CreateUserAsync(Roles.Organiser);
        Guid endpointId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var protector = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.DataProtection.IDataProtectionProvider>().CreateProtector(WebhookSender.SecretPurpose);
            var db = scope.ServiceProvider.GetRequiredService<Core.Data.AppDbContext>();
            var endpoint = WebhookEndpoint.Create(owner.Id, new WebhookDetails(receiver.Url, null, [WebhookEvents.NewsPublished], []), protector.Protect(WebhookSigner.NewSecret()), DateTimeOffset.UtcNow);
            db.WebhookEndpoints.Add(endpoint);
            db.WebhookDeliveries.Add(WebhookDelivery.For(endpoint.Id, WebhookEvents.NewsPublished, "{}", DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
            endpointId = endpoint.Id;
            await scope.ServiceProvider.GetRequiredService<WebhookSender>().RunAsync(null, default);
        }
        var delivery = await app.WithDb(db => db.WebhookDeliveries.SingleAsync(d => d.EndpointId == endpointId));
        Assert.Equal(1, delivery.Attempts);
        Assert.Contains("private, loopback or link-local", delivery.LastError);
        Assert.Empty(receiver.Received);
    }
}
