using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Workshops.Core.Data;
using Workshops.Core.Domain.Webhooks;

namespace Workshops.Core.Webhooks;

/// <summary>The endpoints that hear one event.</summary>
public sealed record WebhookHearing(string Event, IReadOnlyList<Guid> Endpoints);

/// <summary>Hands deliveries to the send job from one loop (see the email outbox's kick loop for why not from requests).</summary>
public interface IWebhookKicker
{
    void Kick();
}

/// <summary>
/// Where write services raise events: one delivery row per endpoint that hears it, added to the caller's unit of
/// work so it is saved with the change it tells of, or not at all. The caller kicks after its save.
/// </summary>
public sealed class WebhookOutbox(AppDbContext db, TimeProvider clock, IMemoryCache memory, IWebhookKicker kicker, SiteAddress site)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private const string EndpointsKey = "webhook-endpoints";
    private bool _raised;

    /// <summary>
    /// The endpoints, read at most every few seconds: a registration rush asks once, not once per registration. An
    /// endpoint added on another node hears events from this one within that time; one added here, at once.
    /// </summary>
    private async Task<IReadOnlyList<(Guid Id, List<string> Events, List<Guid> Workshops)>> EndpointsAsync(CancellationToken ct) =>
        (await memory.GetOrCreateAsync(EndpointsKey, async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromSeconds(5);
            return (IReadOnlyList<(Guid, List<string>, List<Guid>)>)(await db.WebhookEndpoints.AsNoTracking()
                .Select(e => new { e.Id, e.Events, e.WorkshopIds }).ToListAsync(ct)).Select(e => (e.Id, e.Events, e.WorkshopIds)).ToList();
        }))!;

    public void Forget() => memory.Remove(EndpointsKey);

    /// <summary>
    /// Who will hear an event, read before a caller's transaction (so a registration's seat is never held while the
    /// endpoints are read); <see cref="Raise"/> then adds the deliveries inside it, without a query.
    /// </summary>
    public async Task<WebhookHearing> HearingAsync(string @event, Guid? workshopId, CancellationToken ct) =>
        new(@event, (await EndpointsAsync(ct)).Where(e => e.Events.Contains(@event) && (e.Workshops.Count == 0 || workshopId is { } w && e.Workshops.Contains(w)))
            .Select(e => e.Id).ToList());

    /// <returns>How many endpoints will hear it.</returns>
    public int Raise(WebhookHearing hearing, object data)
    {
        if (hearing.Endpoints.Count == 0) return 0;
        var now = clock.GetUtcNow();
        // Addresses in the data are relative to the site's, given once in the envelope.
        var payload = JsonSerializer.Serialize(new { type = hearing.Event, timestamp = now, site = site.Origin, data }, Json);
        foreach (var endpoint in hearing.Endpoints) db.WebhookDeliveries.Add(WebhookDelivery.For(endpoint, hearing.Event, payload, now));
        _raised = true;
        return hearing.Endpoints.Count;
    }

    public async Task<int> RaiseAsync(string @event, Guid? workshopId, object data, CancellationToken ct) => Raise(await HearingAsync(@event, workshopId, ct), data);

    /// <summary>After the caller's save: the deliveries go out now rather than at the next sweep.</summary>
    public void Kick()
    {
        if (!_raised) return;
        _raised = false;
        kicker.Kick();
    }
}
