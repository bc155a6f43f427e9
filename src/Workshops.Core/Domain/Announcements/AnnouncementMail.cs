using Workshops.Core.Domain.Announcements;
using Workshops.Core.Domain.Registrations;
using Workshops.Core.Domain.Workshops;
using Workshops.Core.Email;
using Workshops.Core.Email.Editable;
using Workshops.Core.Time;
using Workshops.Core.Localization;

namespace Workshops.Core.Domain.Announcements;

/// <summary>
/// An announcement's email for one person: the organiser's Markdown with the placeholders filled, and a footer with
/// their one-click unsubscribe link. Placeholders that the announcement cannot fill are an error before sending.
/// </summary>
public sealed class AnnouncementMail(TemplateRenderer renderer)
{
    private static string Footer => "---\n\n" + Tr.T("You receive this from {site_name}. [Unsubscribe]({unsubscribe_link}) from its announcements: one click, no sign-in.");

    /// <summary>Why this person gets the email, said truthfully at its foot: a pasted address has no account to speak of.</summary>
    public static string Reason(Recipient to, Workshop? workshop, string siteName) => to.Source switch
    {
        "Subscribers" => Tr.T("You receive this email because you subscribed to the announcements of {0}.", siteName),
        "Registrants" when workshop is not null => Tr.T("You receive this email because you registered for {0}.", workshop.Title),
        "Speakers" when workshop is not null => Tr.T("You receive this email because you speak at {0}.", workshop.Title),
        "Reviewers" => Tr.T("You receive this email because you review proposals for {0}.", siteName),
        "Pasted" => Tr.T("You receive this email because the organisers of {0} wrote to this address.", siteName),
        _ => Tr.T("You receive this email because of your account on {0}.", siteName),
    };

    /// <summary>The person previews and placeholder checks are written for, the one in the help list.</summary>
    public static readonly Recipient Example = new("ana.souza@example.org", "Ana Souza", null, null);

    /// <summary>Each placeholder with what it says for an example recipient, for the help list beside the editor.</summary>
    public static IReadOnlyDictionary<string, string> Placeholders(Workshop? workshop, string origin) =>
        Values(workshop, origin, Example with { Status = workshop is null ? null : RegistrationStatus.Admitted, Track = workshop?.Tracks.OrderBy(t => t.Position).FirstOrDefault()?.Name },
            origin + "/unsubscribe/…").ToDictionary();

    /// <summary>In the current language (the recipient's, see Tr.Use) when the announcement is written in it, else in its own.</summary>
    public RenderedEmail Render(Announcement a, Workshop? workshop, Recipient to, string unsubscribeUrl, string siteName)
    {
        var (subject, body) = a.In(Tr.Language);
        var origin = a.Origin ?? throw new InvalidOperationException("An announcement is sent with the site's address.");
        return renderer.Render(subject, body, WithSite(Values(workshop, origin, to, unsubscribeUrl), siteName), siteName, footer: Footer,
            reason: Reason(to, workshop, siteName));
    }

    /// <summary>Checks the wording against what it can fill, with an example recipient, so mistakes show before anything is queued.</summary>
    public RenderedEmail Preview(string subject, string body, Workshop? workshop, string origin, Recipient to, string siteName, string? unsubscribeUrl = null) =>
        renderer.Render(subject, body, WithSite(Values(workshop, origin, to, unsubscribeUrl ?? origin + "/unsubscribe/preview"), siteName), siteName, footer: Footer,
            reason: Reason(to, workshop, siteName));

    /// <summary>A workshop's reminder for one person: the same placeholders as an announcement, and the reminder's own (its dates and links).</summary>
    public RenderedEmail Reminder(string subject, string body, Workshop workshop, string origin, Recipient to, string unsubscribeUrl, string siteName,
        EmailValues reminder) =>
        renderer.Render(subject, body, WithSite(Values(workshop, origin, to, unsubscribeUrl), siteName, reminder), siteName, footer: Footer);

    /// <summary>
    /// The announcement as a news item: the same wording for a reader nobody knows, so "Dear {first_name}" reads
    /// "Dear colleague" and no one's personal values reach the public page.
    /// </summary>
    public RenderedEmail News(Announcement a, Workshop? workshop, string origin, string siteName)
    {
        var values = Values(workshop, origin, new Recipient("", null, null, null), origin + "/account") switch
        {
            WorkshopAnnouncementValues w => w with { FullName = Tr.T("colleague"), RegistrationStatus = "" },
            var v => v with { FullName = Tr.T("colleague") },
        };
        var (subject, body) = a.In(Tr.Language);
        return renderer.RenderFragment(subject, body, WithSite(values, siteName));
    }

    private static AnnouncementValues Values(Workshop? workshop, string origin, Recipient to, string unsubscribeUrl)
    {
        var name = string.IsNullOrWhiteSpace(to.Name) ? null : to.Name.Trim();
        // Someone known only by address is greeted as a colleague rather than by a blank.
        var first = name?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0] ?? Tr.T("colleague");
        if (workshop is not { } w)
            return new AnnouncementValues { FirstName = first, FullName = name ?? to.Email, Email = to.Email, UnsubscribeLink = unsubscribeUrl };
        return new WorkshopAnnouncementValues
        {
            FirstName = first,
            FullName = name ?? to.Email,
            Email = to.Email,
            UnsubscribeLink = unsubscribeUrl,
            WorkshopTitle = w.Title,
            WorkshopUrl = $"{origin}/workshops/{w.Slug}",
            WorkshopDates = Formats.DateRange(w.StartsLocal, w.EndsLocal),
            WorkshopPlace = string.Join(", ", new[] { w.Venue, w.City, w.Country }.Where(p => !string.IsNullOrWhiteSpace(p))) is { Length: > 0 } place ? place : Tr.T("place|online"),
            RegistrationStatus = to.Status?.Label().ToLowerInvariant() ?? Tr.T("not registered"),
            Track = to.Track ?? "",
        };
    }

    private static Dictionary<string, string> WithSite(AnnouncementValues values, string siteName, EmailValues? reminder = null)
    {
        var all = new Dictionary<string, string>(values.ToDictionary()) { [EditableEmail.SiteName] = siteName };
        foreach (var (k, v) in reminder?.ToDictionary() ?? new Dictionary<string, string>()) all[k] = v;
        return all;
    }
}
