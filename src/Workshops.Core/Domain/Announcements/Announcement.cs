using Microsoft.AspNetCore.Identity;
using Workshops.Core.Privacy;
using System.Text.RegularExpressions;
using Workshops.Core.Domain.Common;
using Workshops.Core.Localization;

namespace Workshops.Core.Domain.Announcements;

public sealed partial record AnnouncementDetails(string Subject, string Body, Guid? WorkshopId, Audience Audience, bool PublishAsNews,
    string Language = "en", IReadOnlyDictionary<string, AnnouncementTranslation>? Translations = null)
{
    public const int MaxSubject = 200;
    public const int MaxBody = 50_000;

    /// <summary>The other languages it is written in, each with both its subject and its text.</summary>
    public IEnumerable<KeyValuePair<string, AnnouncementTranslation>> Written => (Translations ?? new Dictionary<string, AnnouncementTranslation>())
        .Where(t => t.Key != Language && (!string.IsNullOrWhiteSpace(t.Value.Subject) || !string.IsNullOrWhiteSpace(t.Value.Body)));

    /// <summary>Every problem of the subject, the text and the audience at once.</summary>
    public void Validate() => DomainException.ThrowAll(
        () =>
        {
            if (string.IsNullOrWhiteSpace(Subject)) throw new DomainException(Tr.T("Give the announcement a subject."), nameof(Subject));
            if (Subject.Trim().Length > MaxSubject) throw new DomainException(Tr.T("Keep the subject under {0} characters.", MaxSubject), nameof(Subject));
        },
        () =>
        {
            if (string.IsNullOrWhiteSpace(Body)) throw new DomainException(Tr.T("Write the announcement's text."), nameof(Body));
            if (Body.Length > MaxBody) throw new DomainException(Tr.T("Keep the text under {0:N0} characters.", MaxBody), nameof(Body));
        },
        () =>
        {
            if (Language is null || !LanguageCode().IsMatch(Language)) throw new DomainException(Tr.T("Choose the language from the list."), nameof(Language));
            foreach (var (language, t) in Written)
            {
                if (!LanguageCode().IsMatch(language)) throw new DomainException(Tr.T("Choose the language from the list."), nameof(Language));
                var name = LanguageOptions.Name(language);
                // Half a translation would mix two languages in one email.
                if (string.IsNullOrWhiteSpace(t.Subject) || string.IsNullOrWhiteSpace(t.Body))
                    throw new DomainException(Tr.T("Give the subject and the text in {0}, or leave both empty.", name), $"Translations[{language}].Subject");
                if (t.Subject.Trim().Length > MaxSubject || t.Body.Length > MaxBody)
                    throw new DomainException(Tr.T("In {0}, keep the subject under {1} characters and the text under {2:N0}.", name, MaxSubject, MaxBody), $"Translations[{language}].Body");
            }
        },
        () => Audience.Validate(WorkshopId),
        () =>
        {
            var all = string.Join("\n", [Subject, Body, .. Written.SelectMany(t => new[] { t.Value.Subject, t.Value.Body })]);
            if (!Audience.IsEmpty && !Audience.OnlyRegistrants && RegistrantPlaceholder().Match(all) is { Success: true } used)
                throw new DomainException(Tr.T("{0} is a registrant's own: {1} have none, so they would read a blank. Write to registrants only, or take the placeholder out.",
                    "{" + used.Groups[1].Value + "}", Audience.WithoutRegistration()), nameof(Body));
        });

    /// <summary>The subject in every language given, its own first.</summary>
    public LocalText Subjects() => LocalText.Of(Language, [new(Language, Subject), .. Written.Select(t => new KeyValuePair<string, string?>(t.Key, t.Value.Subject))]);

    /// <summary>The text in the same languages as the subject.</summary>
    public LocalText Bodies() => LocalText.Of(Language, [new(Language, Body), .. Written.Select(t => new KeyValuePair<string, string?>(t.Key, t.Value.Body))]);

    [GeneratedRegex("^[a-z]{2,3}$")]
    private static partial Regex LanguageCode();

    // Either way of writing a placeholder: {track} or {{ track }}.
    [GeneratedRegex(@"\{\{?\s*(registration_status|track)\s*\}\}?")]
    private static partial Regex RegistrantPlaceholder();
}

/// <summary>An announcement's subject and text in one more language than its own.</summary>
public sealed record AnnouncementTranslation(string? Subject, string? Body);

/// <summary>
/// An email to many people, written by an organiser: composed as a draft, then sent now or at a time, paused and
/// resumed while it goes out, and optionally published as a news item. Each recipient's email is an outbox row.
/// </summary>
public sealed class Announcement
{
    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid? WorkshopId { get; private set; }
    /// <summary>The subject in each language it is written in; the first is the one it was written in.</summary>
    public LocalText Subject { get; private set; } = new("");
    /// <summary>The Markdown text, in the same languages as the subject.</summary>
    public LocalText Body { get; private set; } = new("");

    /// <summary>The language it was written in, which readers of languages it is not written in get.</summary>
    public string Language => Subject.DefaultLanguage;

    /// <summary>The language a reader of <paramref name="language"/> gets it in: theirs when it is written in it.</summary>
    public string LanguageFor(string? language) => language is not null && Subject.Has(language) ? language : Language;

    /// <summary>The subject and text for a reader of <paramref name="language"/>, both from the same language.</summary>
    public (string Subject, string Body) In(string? language)
    {
        var chosen = LanguageFor(language);
        return (Subject.In(chosen), Body.In(chosen));
    }
    public bool ToSubscribers { get; private set; }
    public string? RegistrantStatuses { get; private set; }
    public string? TrackIds { get; private set; }
    [NotPersonal("whether speakers receive it")] public bool ToSpeakers { get; private set; }
    public bool ToReviewers { get; private set; }
    [PersonalData] public string? PastedAddresses { get; private set; }
    public bool PublishAsNews { get; private set; }
    public AnnouncementStatus Status { get; private set; }
    public DateTimeOffset? ScheduledFor { get; private set; }
    /// <summary>The site's address when it was sent or scheduled, which the links in its emails start with.</summary>
    public string? Origin { get; private set; }
    /// <summary>How many emails it made when it started: the denominator of its progress.</summary>
    public int Recipients { get; private set; }
    [ActedBy] public string CreatedById { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public DateTimeOffset? StartedAt { get; private set; }
    public DateTimeOffset? FinishedAt { get; private set; }
    /// <summary>When it appeared at /news: when it started sending, if it is published as news.</summary>
    public DateTimeOffset? PublishedAt { get; private set; }

    private Announcement() { }

    /// <summary>Whether the pasted list holds one of these addresses, compared whole, as the audience reads them.</summary>
    public bool Names(IReadOnlyCollection<string> normalizedEmails) =>
        Announcements.PastedAddresses.Parse(PastedAddresses).Valid.Any(p => normalizedEmails.Contains(EmailSuppression.Normalize(p.Address)));

    /// <summary>An erased person's addresses are taken out of the pasted list, each line read as the audience reads it; everyone else stays.</summary>
    public void ForgetAddresses(IReadOnlyCollection<string> normalizedEmails)
    {
        if (PastedAddresses is null) return;
        var lines = new List<string>();
        foreach (var line in PastedAddresses.Split('\n'))
        {
            var parsed = Announcements.PastedAddresses.Parse(line).Valid;
            if (!parsed.Any(p => normalizedEmails.Contains(EmailSuppression.Normalize(p.Address)))) lines.Add(line);
            else lines.AddRange(parsed.Where(p => !normalizedEmails.Contains(EmailSuppression.Normalize(p.Address)))
                .Select(p => new MimeKit.MailboxAddress(p.Name ?? "", p.Address).ToString()));
        }
        PastedAddresses = string.Join('\n', lines);
    }

    public Audience Audience => new(ToSubscribers, Audience.StatusesFrom(RegistrantStatuses), Audience.TracksFrom(TrackIds), ToSpeakers, ToReviewers, PastedAddresses);

    public bool IsEditable => Status is AnnouncementStatus.Draft or AnnouncementStatus.Scheduled;

    public static Announcement Create(AnnouncementDetails details, string byUserId, DateTimeOffset now)
    {
        var a = new Announcement { CreatedById = byUserId, CreatedAt = now, Status = AnnouncementStatus.Draft };
        a.Apply(details, now);
        return a;
    }

    /// <summary>The first entry of its history, stored with it.</summary>
    public StatusChange Created() => StatusChange.Record(nameof(Announcement), Id, "", nameof(AnnouncementStatus.Draft), CreatedById, CreatedAt);

    public void Edit(AnnouncementDetails details, DateTimeOffset now)
    {
        if (!IsEditable) throw new DomainException(Tr.T("An announcement that is {0} can no longer be changed.", Status.Label().ToLowerInvariant()), "Status");
        Apply(details, now);
    }

    private void Apply(AnnouncementDetails d, DateTimeOffset now)
    {
        d.Validate();
        (Subject, Body, WorkshopId, PublishAsNews) = (d.Subjects(), d.Bodies(), d.WorkshopId, d.PublishAsNews);
        var a = d.Audience;
        ToSubscribers = a.Subscribers;
        RegistrantStatuses = a.Statuses.Count == 0 ? null : Audience.Join(a.Statuses.Distinct());
        TrackIds = a.Tracks.Count == 0 ? null : Audience.Join(a.Tracks.Distinct());
        (ToSpeakers, ToReviewers) = (a.Speakers, a.Reviewers);
        PastedAddresses = string.IsNullOrWhiteSpace(a.Pasted) ? null : a.Pasted.Trim();
        UpdatedAt = now;
    }

    /// <summary>To be sent at <paramref name="at"/>; a time already past sends it at the next sweep.</summary>
    public StatusChange? Schedule(DateTimeOffset at, string origin, string byUserId, DateTimeOffset now)
    {
        if (!IsEditable) throw new DomainException(Tr.T("An announcement that is {0} cannot be scheduled.", Status.Label().ToLowerInvariant()), "Status");
        if (at <= now) throw new DomainException(Tr.T("Choose a time in the future, or send it now."), nameof(ScheduledFor));
        (ScheduledFor, Origin) = (at, origin);
        return Keep(AnnouncementStatus.Scheduled, byUserId, now);
    }

    /// <summary>Sent as soon as a worker gets to it: its emails are written by a job, as for a scheduled one.</summary>
    public StatusChange? SendNow(string origin, string byUserId, DateTimeOffset now)
    {
        if (!IsEditable) throw new DomainException(Tr.T("An announcement that is {0} cannot be sent again.", Status.Label().ToLowerInvariant()), "Status");
        (ScheduledFor, Origin) = (now, origin);
        return Keep(AnnouncementStatus.Scheduled, byUserId, now);
    }

    /// <summary>A scheduled announcement goes back to being a draft: nothing has been sent.</summary>
    public StatusChange Cancel(string byUserId, DateTimeOffset now)
    {
        if (Status != AnnouncementStatus.Scheduled) throw new DomainException(Tr.T("Only a scheduled announcement can be cancelled."), "Status");
        ScheduledFor = null;
        return MoveTo(AnnouncementStatus.Draft, byUserId, now);
    }

    /// <summary>Its emails have been written to the outbox, in the same transaction as this change.</summary>
    /// <summary>By the site (the sweep or the job), so the history says "the site".</summary>
    public StatusChange Start(int recipients, DateTimeOffset now)
    {
        if (Status != AnnouncementStatus.Scheduled) throw new DomainException(Tr.T("An announcement that is {0} cannot start sending.", Status.Label().ToLowerInvariant()), "Status");
        (Recipients, StartedAt) = (recipients, now);
        if (PublishAsNews) PublishedAt = now;
        if (recipients > 0) return MoveTo(AnnouncementStatus.Sending, null, now);
        // Everyone unsubscribed between scheduling and now: nothing to wait for.
        FinishedAt = now;
        return MoveTo(AnnouncementStatus.Sent, null, now);
    }

    public StatusChange Pause(string byUserId, DateTimeOffset now)
    {
        if (Status != AnnouncementStatus.Sending) throw new DomainException(Tr.T("Only an announcement that is sending can be paused."), "Status");
        return MoveTo(AnnouncementStatus.Paused, byUserId, now);
    }

    public StatusChange Resume(string byUserId, DateTimeOffset now)
    {
        if (Status != AnnouncementStatus.Paused) throw new DomainException(Tr.T("Only a paused announcement can be resumed."), "Status");
        return MoveTo(AnnouncementStatus.Sending, byUserId, now);
    }

    /// <summary>Nothing of it is waiting in the outbox any more (each email sent or failed for good); null when it was not sending.</summary>
    public StatusChange? Finish(DateTimeOffset now)
    {
        if (Status != AnnouncementStatus.Sending) return null;
        FinishedAt = now;
        return MoveTo(AnnouncementStatus.Sent, null, now);
    }

    /// <summary>Failed emails went back to the queue: it is sending again (null when it never stopped).</summary>
    public StatusChange? Retry(string byUserId, DateTimeOffset now)
    {
        if (Status is not (AnnouncementStatus.Sent or AnnouncementStatus.Sending))
            throw new DomainException(Tr.T("Failed emails can be sent again once the announcement has gone out."), "Status");
        FinishedAt = null;
        return Keep(AnnouncementStatus.Sending, byUserId, now);
    }

    /// <summary>
    /// The one way its status changes: checked against <see cref="AnnouncementStatuses"/>, and returned as a history
    /// entry that the caller stores in the same save.
    /// </summary>
    private StatusChange MoveTo(AnnouncementStatus next, string? byUserId, DateTimeOffset at)
    {
        if (!AnnouncementStatuses.CanMove(Status, next))
            throw new DomainException(Tr.T("An announcement that is {0} cannot become {1}.", Status.Label().ToLowerInvariant(), next.Label().ToLowerInvariant()), "Status");
        var change = StatusChange.Record(nameof(Announcement), Id, Status.ToString(), next.ToString(), byUserId, at);
        (Status, UpdatedAt) = (next, at);
        return change;
    }

    /// <summary>As <see cref="MoveTo"/>, where staying in the same status is allowed and leaves no entry (rescheduling).</summary>
    private StatusChange? Keep(AnnouncementStatus next, string? byUserId, DateTimeOffset at)
    {
        if (Status != next) return MoveTo(next, byUserId, at);
        UpdatedAt = at;
        return null;
    }
}

/// <summary>An address that asked for no more bulk email. Kept by normalised address so a pasted list cannot bring it back.</summary>
public sealed class EmailSuppression
{
    /// <summary>
    /// The SHA-256 of the upper-cased address, so the list of people who want no more email names nobody: the
    /// address of a deleted account stays suppressed without staying in the database. Rows written before hashing
    /// hold the upper-cased address itself and still count (see <see cref="Keys"/>).
    /// </summary>
    [PersonalData] public string AddressKey { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }

    private EmailSuppression() { }

    public static EmailSuppression Of(string email, DateTimeOffset now) => new() { AddressKey = Hash(email), CreatedAt = now };

    public static string Normalize(string email) => email.Trim().ToUpperInvariant();

    public static string Hash(string email) =>
        "sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Normalize(email))));

    /// <summary>Every key an address may be suppressed under: its hash, and the address itself in older rows.</summary>
    public static string[] Keys(string email) => [Hash(email), Normalize(email)];
}
