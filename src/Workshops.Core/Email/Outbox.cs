using Microsoft.Extensions.Options;
using Workshops.Core.Data;

namespace Workshops.Core.Email;

/// <summary>Renders a typed email and adds its outbox row to the caller's unit of work; the caller saves, then kicks the sender.</summary>
public sealed class Outbox(AppDbContext db, EmailRenderer renderer, TimeProvider clock, IOptions<SiteOptions> site, IOutboxKicker kicker)
{
    public OutboxMessage Queue(string kind, string reference, string to, string? toName, IEmailModel model) =>
        Queue(kind, reference, to, toName, renderer.Render(model, site.Value.Name));

    /// <summary>Queues an email rendered elsewhere (an organiser's editable wording).</summary>
    public OutboxMessage Queue(string kind, string reference, string to, string? toName, RenderedEmail email)
    {
        var message = OutboxMessage.For(kind, reference, to, toName, email, clock.GetUtcNow());
        db.OutboxMessages.Add(message);
        return message;
    }

    /// <summary>Call after SaveChanges: asks a worker to send now instead of waiting for the sweep.</summary>
    public void Kick(OutboxMessage message) => kicker.Kick(message.Id);
}

public interface IOutboxKicker
{
    void Kick(Guid messageId);
}
