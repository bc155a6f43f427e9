using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Workshops.Core.Data;
using Workshops.Core.Localization;

namespace Workshops.Core.Email.Editable;

/// <summary>Queues an editable email in the organisers' current wording (or the built-in one) through the outbox.</summary>
public sealed class TemplateMail(AppDbContext db, TemplateRenderer renderer, Outbox outbox, IOptions<SiteOptions> site)
{
    /// <summary>
    /// The wording for the current language (the recipient's): the organisers' own in that language, else their
    /// English one (what they changed matters more than our translation of what they replaced), else ours.
    /// </summary>
    public async Task<(string Subject, string Body)> WordingAsync(EditableEmail email, CancellationToken ct)
    {
        var language = Tr.Language;
        var stored = await db.EmailTemplates.AsNoTracking().Where(t => t.Key == email.Key && (t.Language == language || t.Language == "en")).ToListAsync(ct);
        var wording = stored.FirstOrDefault(t => t.Language == language) ?? stored.FirstOrDefault();
        return wording is null ? (email.DefaultSubject, email.DefaultBody) : (wording.Subject, wording.Body);
    }

    /// <summary>
    /// A wording filled with an email's values; a placeholder the values do not have is refused (a field message in
    /// the editor, where <paramref name="values"/> are the email's example).
    /// </summary>
    public RenderedEmail Render(string subject, string body, EmailValues values) =>
        renderer.Render(subject, body, WithSite(values), site.Value.Name, sanitize: !EditableEmails.IsBuiltIn(body));

    /// <summary>Adds the message to the caller's unit of work; the caller saves and then kicks the outbox.</summary>
    public async Task<OutboxMessage> QueueAsync<T>(EditableEmail<T> email, string reference, string to, string? toName, T values, CancellationToken ct)
        where T : EmailValues
    {
        var (subject, body) = await WordingAsync(email, ct);
        return outbox.Queue(email.Key, reference, to, toName, Render(subject, body, values));
    }

    private Dictionary<string, string> WithSite(EmailValues values) =>
        new(values.ToDictionary()) { [EditableEmail.SiteName] = site.Value.Name };
}
