using Workshops.Core.Domain.Common;

namespace Workshops.Core.Domain.Announcements;

public sealed record AnnouncementDetails(string Subject, string Body, Guid? WorkshopId, Audience Audience, bool PublishAsNews)
{
    public const int MaxSubject = 200;
    public const int MaxBody = 50_000;

    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Subject)) throw new DomainException("Give the announcement a subject.", nameof(Subject));
        if (Subject.Trim().Length > MaxSubject) throw new DomainException($"Keep the subject under {MaxSubject} characters.", nameof(Subject));
        if (string.IsNullOrWhiteSpace(Body)) throw new DomainException("Write the announcement's text.", nameof(Body));
        if (Body.Length > MaxBody) throw new DomainException($"Keep the text under {MaxBody:N0} characters.", nameof(Body));
        Audience.Validate(WorkshopId);
    }
}

/// <summary>
/// An email to many people, written by an organiser: composed as a draft, then sent now or at a time, paused and
/// resumed while it goes out, and optionally published as a news item. Each recipient's email is an outbox row.
/// </summary>
public sealed class Announcement
{
    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid? WorkshopId { get; private set; }
    public string Subject { get; private set; } = "";
    public string Body { get; private set; } = "";
    public bool ToSubscribers { get; private set; }
    public string? RegistrantStatuses { get; private set; }
    public string? TrackIds { get; private set; }
    public bool ToSpeakers { get; private set; }
    public bool ToReviewers { get; private set; }
    public string? PastedAddresses { get; private set; }
    public bool PublishAsNews { get; private set; }
    public AnnouncementStatus Status { get; private set; }
    public DateTimeOffset? ScheduledFor { get; private set; }
    /// <summary>The site's address when it was sent or scheduled, which the links in its emails start with.</summary>
    public string? Origin { get; private set; }
    /// <summary>How many emails it made when it started: the denominator of its progress.</summary>
    public int Recipients { get; private set; }
    public string CreatedById { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public DateTimeOffset? StartedAt { get; private set; }
    public DateTimeOffset? FinishedAt { get; private set; }
    /// <summary>When it appeared at /news: when it started sending, if it is published as news.</summary>
    public DateTimeOffset? PublishedAt { get; private set; }

    private Announcement() { }

    public Audience Audience => new(ToSubscribers, Audience.StatusesFrom(RegistrantStatuses), Audience.TracksFrom(TrackIds), ToSpeakers, ToReviewers, PastedAddresses);

    public bool IsEditable => Status is AnnouncementStatus.Draft or AnnouncementStatus.Scheduled;

    public static Announcement Create(AnnouncementDetails details, string byUserId, DateTimeOffset now)
    {
        var a = new Announcement { CreatedById = byUserId, CreatedAt = now, Status = AnnouncementStatus.Draft };
        a.Apply(details, now);
        return a;
    }

    public void Edit(AnnouncementDetails details, DateTimeOffset now)
    {
        if (!IsEditable) throw new DomainException($"An announcement that is {Status.Label().ToLowerInvariant()} can no longer be changed.", "Status");
        Apply(details, now);
    }

    private void Apply(AnnouncementDetails d, DateTimeOffset now)
    {
        d.Validate();
        (Subject, Body, WorkshopId, PublishAsNews) = (d.Subject.Trim(), d.Body.Trim(), d.WorkshopId, d.PublishAsNews);
        var a = d.Audience;
        ToSubscribers = a.Subscribers;
        RegistrantStatuses = a.Statuses.Count == 0 ? null : Audience.Join(a.Statuses.Distinct());
        TrackIds = a.Tracks.Count == 0 ? null : Audience.Join(a.Tracks.Distinct());
        (ToSpeakers, ToReviewers) = (a.Speakers, a.Reviewers);
        PastedAddresses = string.IsNullOrWhiteSpace(a.Pasted) ? null : a.Pasted.Trim();
        UpdatedAt = now;
    }

    /// <summary>To be sent at <paramref name="at"/>; a time already past sends it at the next sweep.</summary>
    public void Schedule(DateTimeOffset at, string origin, DateTimeOffset now)
    {
        if (!IsEditable) throw new DomainException($"An announcement that is {Status.Label().ToLowerInvariant()} cannot be scheduled.", "Status");
        if (at <= now) throw new DomainException("Choose a time in the future, or send it now.", nameof(ScheduledFor));
        (Status, ScheduledFor, Origin, UpdatedAt) = (AnnouncementStatus.Scheduled, at, origin, now);
    }

    /// <summary>Sent as soon as a worker gets to it: its emails are written by a job, as for a scheduled one.</summary>
    public void SendNow(string origin, DateTimeOffset now)
    {
        if (!IsEditable) throw new DomainException($"An announcement that is {Status.Label().ToLowerInvariant()} cannot be sent again.", "Status");
        (Status, ScheduledFor, Origin, UpdatedAt) = (AnnouncementStatus.Scheduled, now, origin, now);
    }

    /// <summary>A scheduled announcement goes back to being a draft: nothing has been sent.</summary>
    public void Cancel(DateTimeOffset now)
    {
        if (Status != AnnouncementStatus.Scheduled) throw new DomainException("Only a scheduled announcement can be cancelled.", "Status");
        (Status, ScheduledFor, UpdatedAt) = (AnnouncementStatus.Draft, null, now);
    }

    /// <summary>Its emails have been written to the outbox, in the same transaction as this change.</summary>
    public void Start(int recipients, DateTimeOffset now)
    {
        if (Status != AnnouncementStatus.Scheduled) throw new DomainException($"An announcement that is {Status.Label().ToLowerInvariant()} cannot start sending.", "Status");
        (Status, Recipients, StartedAt, UpdatedAt) = (AnnouncementStatus.Sending, recipients, now, now);
        if (PublishAsNews) PublishedAt = now;
        // Everyone unsubscribed between scheduling and now: nothing to wait for.
        if (recipients == 0) Finish(now);
    }

    public void Pause(DateTimeOffset now)
    {
        if (Status != AnnouncementStatus.Sending) throw new DomainException("Only an announcement that is sending can be paused.", "Status");
        (Status, UpdatedAt) = (AnnouncementStatus.Paused, now);
    }

    public void Resume(DateTimeOffset now)
    {
        if (Status != AnnouncementStatus.Paused) throw new DomainException("Only a paused announcement can be resumed.", "Status");
        (Status, UpdatedAt) = (AnnouncementStatus.Sending, now);
    }

    /// <summary>Nothing of it is waiting in the outbox any more (each email sent or failed for good).</summary>
    public void Finish(DateTimeOffset now)
    {
        if (Status != AnnouncementStatus.Sending) return;
        (Status, FinishedAt, UpdatedAt) = (AnnouncementStatus.Sent, now, now);
    }

    /// <summary>Failed emails went back to the queue: it is sending again.</summary>
    public void Retry(DateTimeOffset now)
    {
        if (Status is not (AnnouncementStatus.Sent or AnnouncementStatus.Sending))
            throw new DomainException("Failed emails can be sent again once the announcement has gone out.", "Status");
        (Status, FinishedAt, UpdatedAt) = (AnnouncementStatus.Sending, null, now);
    }
}

/// <summary>An address that asked for no more bulk email. Kept by normalised address so a pasted list cannot bring it back.</summary>
public sealed class EmailSuppression
{
    public string NormalizedEmail { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }

    private EmailSuppression() { }

    public static EmailSuppression Of(string email, DateTimeOffset now) => new() { NormalizedEmail = Normalize(email), CreatedAt = now };

    public static string Normalize(string email) => email.Trim().ToUpperInvariant();
}
