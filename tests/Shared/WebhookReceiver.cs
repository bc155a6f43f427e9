using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Workshops.Tests.Shared;

/// <summary>A request a receiver got: its webhook headers and body.</summary>
public sealed record ReceivedWebhook(string Id, string Timestamp, string Signature, string Body, DateTimeOffset At);

/// <summary>
/// A real HTTP server on loopback that receives webhooks as a customer's system would, answering what the test
/// asks for each request in turn (500 three times, then 200; or holding the first answer back).
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ReceivedWebhook> _received = new();
    private readonly ConcurrentQueue<Func<Task<int>>> _answers = new();

    private WebhookReceiver(WebApplication app) => _app = app;

    public string Url { get; private set; } = "";
    public IReadOnlyList<ReceivedWebhook> Received => _received.ToList();

    /// <summary>The next requests' answers, in order; after them, 200.</summary>
    public void Answer(params int[] statuses)
    {
        foreach (var s in statuses) _answers.Enqueue(() => Task.FromResult(s));
    }

    /// <summary>The next request waits until <paramref name="release"/> completes, then answers 200.</summary>
    public void Hold(Task release) => _answers.Enqueue(async () => { await release; return 200; });

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/hooks", async (HttpContext http) =>
        {
            using var reader = new StreamReader(http.Request.Body);
            var body = await reader.ReadToEndAsync();
            receiver._received.Enqueue(new ReceivedWebhook(http.Request.Headers["webhook-id"].ToString(), http.Request.Headers["webhook-timestamp"].ToString(),
                http.Request.Headers["webhook-signature"].ToString(), body, DateTimeOffset.UtcNow));
            var status = receiver._answers.TryDequeue(out var answer) ? await answer() : 200;
            return Results.StatusCode(status);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.Url = address.TrimEnd('/') + "/hooks";
        return receiver;
    }

    public async Task<IReadOnlyList<ReceivedWebhook>> WaitForAsync(int count, TimeSpan? within = null)
    {
        var until = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(60));
        while (_received.Count < count)
        {
            if (DateTime.UtcNow > until) throw new TimeoutException($"The receiver got {_received.Count} requests, not {count}.");
            await Task.Delay(100);
        }
        return Received;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
