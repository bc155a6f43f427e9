using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Workshops.Core.Data;

namespace Workshops.Core.Email.Editable;

/// <summary>Queues an editable email in the organisers' current wording (or the built-in one) through the outbox.</summary>
public sealed class TemplateMail(AppDbContext db, TemplateRenderer renderer, Outbox outbox, IOptions<SiteOptions> site)
{
    public async Task<(string Subject, string Body)> WordingAsync(EditableEmail email, CancellationToken ct)
    {
        var stored = await db.EmailTemplates.AsNoTracking().FirstOrDefaultAsync(t => t.Key == email.Key, ct);
        return stored is null ? (email.DefaultSubject, email.DefaultBody) : (stored.Subject, stored.Body);
    }

    public RenderedEmail Render(string subject, string body, IReadOnlyDictionary<string, string> values) =>
        renderer.Render(subject, body, WithSite(values), site.Value.Name, sanitize: !EditableEmails.IsBuiltIn(body));

    /// <summary>Adds the message to the caller's unit of work; the caller saves and then kicks the outbox.</summary>
    public async Task<OutboxMessage> QueueAsync(EditableEmail email, string reference, string to, string? toName,
        IReadOnlyDictionary<string, string> values, CancellationToken ct)
    {
        var (subject, body) = await WordingAsync(email, ct);
        return outbox.Queue(email.Key, reference, to, toName, Render(subject, body, values));
    }

    private Dictionary<string, string> WithSite(IReadOnlyDictionary<string, string> values) =>
        new(values) { ["site_name"] = site.Value.Name };
}
