using System.Net;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Workshops.Core.Data;
using Workshops.Core.Domain.Common;
using Workshops.Core.Domain.Webhooks;
using Workshops.Core.Webhooks;

namespace Workshops.Web.Features.Organise.Webhooks;

/// <summary>Registering, changing, pausing and resuming webhook endpoints, and sending deliveries again.</summary>
public sealed class WebhookDesk(AppDbContext db, IDataProtectionProvider protection, IOptions<WebhookOptions> options, TimeProvider clock,
    WebhookOutbox webhooks, IWebhookKicker kicker)
{
    private IDataProtector Protector => protection.CreateProtector(WebhookSender.SecretPurpose);

    /// <summary>The new endpoint's signing secret (to show once), or the refusal.</summary>
    public async Task<EditResult<string>> CreateAsync(string ownerId, WebhookDetails details, CancellationToken ct)
    {
        if (await RefuseAsync(details, ct) is { } refused) return EditResult<string>.From(refused);
        var secret = WebhookSigner.NewSecret();
        try
        {
            var endpoint = WebhookEndpoint.Create(ownerId, details, Protector.Protect(secret), clock.GetUtcNow());
            db.WebhookEndpoints.Add(endpoint);
            await db.SaveChangesAsync(ct);
            webhooks.Forget();
            return EditResult<string>.Ok(secret, endpoint.Id);
        }
        catch (DomainException e)
        {
            return EditResult<string>.Refused(e);
        }
    }

    public async Task<EditResult> UpdateAsync(Guid id, WebhookDetails details, long? version, CancellationToken ct)
    {
        var endpoint = await db.WebhookEndpoints.FirstOrDefaultAsync(e => e.Id == id, ct);
        if (endpoint is null) return EditResult.Fail(null, Gone);
        if (await RefuseAsync(details, ct) is { } refused) return refused;
        try
        {
            db.Expect(endpoint, version);
            endpoint.Update(details, clock.GetUtcNow());
        }
        catch (DomainException e)
        {
            return EditResult.Refused(e);
        }
        if (!await db.TrySaveAsync(ct)) return EditResult.Conflict(Tr.T("this endpoint"));
        webhooks.Forget();
        return EditResult.Ok(id);
    }

    /// <summary>A new secret, shown once; the old one stops signing at once.</summary>
    public async Task<EditResult<string>> RotateAsync(Guid id, CancellationToken ct)
    {
        var endpoint = await db.WebhookEndpoints.FirstOrDefaultAsync(e => e.Id == id, ct);
        if (endpoint is null) return EditResult<string>.Fail(null, Gone);
        var secret = WebhookSigner.NewSecret();
        endpoint.RotateSecret(Protector.Protect(secret), clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return EditResult<string>.Ok(secret, id);
    }

    public async Task<EditResult> PauseAsync(Guid id, bool pause, CancellationToken ct)
    {
        var endpoint = await db.WebhookEndpoints.FirstOrDefaultAsync(e => e.Id == id, ct);
        if (endpoint is null) return EditResult.Fail(null, Gone);
        if (pause) endpoint.Pause(clock.GetUtcNow());
        else endpoint.Resume(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        if (!pause) kicker.Kick(); // what waited goes out now
        return EditResult.Ok(id);
    }

    /// <summary>Sends a delivery again, as a new series of attempts; the receiver sees the same webhook-id.</summary>
    public async Task<EditResult> ResendAsync(Guid endpointId, Guid deliveryId, CancellationToken ct)
    {
        var delivery = await db.WebhookDeliveries.FirstOrDefaultAsync(d => d.Id == deliveryId && d.EndpointId == endpointId, ct);
        if (delivery is null) return EditResult.Fail(null, Tr.T("This delivery no longer exists."));
        if (delivery.Status == DeliveryStatus.Sending) return EditResult.Fail(null, Tr.T("This delivery is being sent right now."));
        delivery.Resend(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        kicker.Kick();
        return EditResult.Ok(deliveryId);
    }

    public async Task<bool> DeleteAsync(Guid id, CancellationToken ct)
    {
        var deleted = await db.WebhookEndpoints.Where(e => e.Id == id).ExecuteDeleteAsync(ct) > 0;
        webhooks.Forget();
        return deleted;
    }

    private static string Gone => Tr.T("This endpoint no longer exists.");

    /// <summary>
    /// An address on the site's own machine or network is refused when it is registered, not only when it is used,
    /// unless an admin allowed private networks (Webhooks:AllowPrivateNetworks). A name that does not resolve now is
    /// accepted: its deliveries fail, and say why, until it does.
    /// </summary>
    private async Task<EditResult?> RefuseAsync(WebhookDetails details, CancellationToken ct)
    {
        if (options.Value.AllowPrivateNetworks || !Uri.TryCreate(details.Url?.Trim(), UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host)) return null;
        IPAddress[] addresses;
        try
        {
            addresses = IPAddress.TryParse(uri.Host.Trim('[', ']'), out var literal) ? [literal] : await Dns.GetHostAddressesAsync(uri.Host, ct);
        }
        catch (System.Net.Sockets.SocketException)
        {
            return null;
        }
        return addresses.Length > 0 && addresses.All(a => !PublicAddresses.IsPublic(a))
            ? EditResult.Fail("Url", Tr.T("{0} is on a private, loopback or link-local network: webhooks go to public addresses only.", uri.Host))
            : null;
    }
}
