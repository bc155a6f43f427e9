using Workshops.Core.Domain.Announcements;
using Workshops.Core.Domain.Registrations;
using Workshops.Core.Domain.Workshops;
using Workshops.Core.Email;
using Workshops.Core.Email.Editable;
using Workshops.Core.Time;

namespace Workshops.Core.Domain.Announcements;

/// <summary>
/// An announcement's email for one person: the organiser's Markdown with the placeholders filled, and a footer with
/// their one-click unsubscribe link. Placeholders that the announcement cannot fill are an error before sending.
/// </summary>
public sealed class AnnouncementMail(TemplateRenderer renderer)
{
    private const string Footer = "---\n\nYou receive this from {site_name}. [Unsubscribe]({unsubscribe_link}) from its announcements: one click, no sign-in.";

    /// <summary>The person previews and placeholder checks are written for, the one in the help list.</summary>
    public static readonly Recipient Example = new("ana.souza@example.org", "Ana Souza", null, null);

    /// <summary>Each placeholder with what it says for an example recipient, for the help list beside the editor.</summary>
    public static IReadOnlyList<(string Key, string Example)> Placeholders(Workshop? workshop, string origin)
    {
        var list = new List<(string, string)>
        {
            ("first_name", "Ana"), ("full_name", Example.Name!), ("email", Example.Email),
        };
        if (workshop is not null)
        {
            list.AddRange(WorkshopValues(workshop, origin).Select(v => (v.Key, v.Value)));
            list.Add(("registration_status", RegistrationStatus.Admitted.Label().ToLowerInvariant()));
            list.Add(("track", workshop.Tracks.FirstOrDefault()?.Name ?? ""));
        }
        list.Add(("unsubscribe_link", origin + "/unsubscribe/…"));
        return list;
    }

    public RenderedEmail Render(Announcement a, Workshop? workshop, Recipient to, string unsubscribeUrl, string siteName) =>
        renderer.Render(a.Subject, a.Body, Values(workshop, a.Origin ?? throw new InvalidOperationException("An announcement is sent with the site's address."), to,
            unsubscribeUrl, siteName), siteName, footer: Footer);

    /// <summary>Checks the wording against what it can fill, with an example recipient, so mistakes show before anything is queued.</summary>
    public RenderedEmail Preview(string subject, string body, Workshop? workshop, string origin, Recipient to, string siteName, string? unsubscribeUrl = null) =>
        renderer.Render(subject, body, Values(workshop, origin, to, unsubscribeUrl ?? origin + "/unsubscribe/preview", siteName), siteName, footer: Footer);

    /// <summary>A workshop's reminder for one person: the same placeholders as an announcement, and the reminder's own (its dates and links).</summary>
    public RenderedEmail Reminder(string subject, string body, Workshop workshop, string origin, Recipient to, string unsubscribeUrl, string siteName,
        IReadOnlyDictionary<string, string> extra)
    {
        var values = Values(workshop, origin, to, unsubscribeUrl, siteName);
        foreach (var (k, v) in extra) values[k] = v;
        return renderer.Render(subject, body, values, siteName, footer: Footer);
    }

    /// <summary>
    /// The announcement as a news item: the same wording for a reader nobody knows, so "Dear {first_name}" reads
    /// "Dear colleague" and no one's personal values reach the public page.
    /// </summary>
    public RenderedEmail News(Announcement a, Workshop? workshop, string origin, string siteName)
    {
        var values = Values(workshop, origin, new Recipient("", null, null, null), origin + "/account", siteName);
        values["full_name"] = "colleague";
        if (workshop is not null) values["registration_status"] = "";
        return renderer.RenderFragment(a.Subject, a.Body, values);
    }

    private static Dictionary<string, string> Values(Workshop? workshop, string origin, Recipient to, string unsubscribeUrl, string siteName)
    {
        var name = string.IsNullOrWhiteSpace(to.Name) ? null : to.Name.Trim();
        var values = new Dictionary<string, string>
        {
            // Someone known only by address is greeted as a colleague rather than by a blank.
            ["first_name"] = name?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0] ?? "colleague",
            ["full_name"] = name ?? to.Email,
            ["email"] = to.Email,
            ["unsubscribe_link"] = unsubscribeUrl,
            ["site_name"] = siteName,
        };
        if (workshop is not null)
        {
            foreach (var (k, v) in WorkshopValues(workshop, origin)) values[k] = v;
            values["registration_status"] = to.Status?.Label().ToLowerInvariant() ?? "not registered";
            values["track"] = to.Track ?? "";
        }
        return values;
    }

    private static Dictionary<string, string> WorkshopValues(Workshop w, string origin) => new()
    {
        ["workshop_title"] = w.Title,
        ["workshop_url"] = $"{origin}/workshops/{w.Slug}",
        ["workshop_dates"] = Formats.DateRange(w.StartsLocal, w.EndsLocal),
        ["workshop_place"] = string.Join(", ", new[] { w.Venue, w.City, w.Country }.Where(p => !string.IsNullOrWhiteSpace(p))) is { Length: > 0 } place ? place : "online",
    };
}
