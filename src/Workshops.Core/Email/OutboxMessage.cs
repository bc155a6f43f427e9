using Microsoft.AspNetCore.Identity;
namespace Workshops.Core.Email;

public enum OutboxStatus
{
    Queued,
    Sending,
    Sent,
    Failed,
    /// <summary>Part of a paused announcement: not sent until it is resumed.</summary>
    Held,
}

/// <summary>
/// One email to one recipient. Written in the same transaction as the change it announces;
/// (Kind, Reference, To) is unique so that repeating that change never mails the same person twice.
/// </summary>
public sealed class OutboxMessage
{
    public Guid Id { get; private set; } = Guid.NewGuid();
    public string Kind { get; private set; } = "";
    /// <summary>What the email is about, unique with the kind and recipient; an account email's starts with the account's id.</summary>
    [PersonalData] public string Reference { get; private set; } = "";
    [PersonalData] public string To { get; private set; } = "";
    [PersonalData] public string? ToName { get; private set; }
    [PersonalData] public string Subject { get; private set; } = "";
    [PersonalData] public string HtmlBody { get; private set; } = "";
    [PersonalData] public string TextBody { get; private set; } = "";
    public OutboxStatus Status { get; private set; }
    public int Attempts { get; private set; }
    [PersonalData] public string? LastError { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset NextAttemptAt { get; private set; }
    public DateTimeOffset? ClaimedAt { get; private set; }
    /// <summary>Which run claimed the row: one update claims a whole batch, and this finds what it got.</summary>
    public Guid? ClaimToken { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }
    /// <summary>The announcement this email is part of, if any: its progress, pause and resend work on these rows.</summary>
    public Guid? CampaignId { get; private set; }
    /// <summary>0 for a person's own email (a receipt, an admission), 1 for bulk: a campaign never holds up a receipt.</summary>
    public int Priority { get; private set; }
    /// <summary>Bulk email only: the recipient's one-click unsubscribe address, sent as List-Unsubscribe.</summary>
    [PersonalData] public string? UnsubscribeUrl { get; private set; }
    /// <summary>One text attachment (a calendar file), if any.</summary>
    [PersonalData] public string? AttachmentName { get; private set; }
    public string? AttachmentType { get; private set; }
    [PersonalData] public string? AttachmentText { get; private set; }

    public const int MaxName = 256;
    public const int MaxSubject = 300;

    private OutboxMessage() { }

    private static string? Cut(string? s, int max) => s is null || s.Length <= max ? s : s[..(max - 1)] + "…";

    /// <summary>
    /// The recipient's account is deleted: the row stays so the counts of what was sent stay true, and says no more
    /// than its kind, date and status.
    /// </summary>
    public void Erase()
    {
        // One being sent right now ends as failed, so a retry can never send this empty row again.
        if (Status == OutboxStatus.Sending) Status = OutboxStatus.Failed;
        Reference = "erased:" + Id.ToString("N");
        To = Privacy.Erasure.Address(Id);
        ToName = null;
        Subject = "";
        HtmlBody = "";
        TextBody = "";
        LastError = null;
        UnsubscribeUrl = null;
        AttachmentName = null;
        AttachmentText = null;
    }

    /// <summary>An email to someone else that names the erased person: the name and address are taken out of it.</summary>
    public void Scrub(Func<string?, string?> scrub)
    {
        ToName = scrub(ToName);
        Subject = scrub(Subject) ?? "";
        HtmlBody = scrub(HtmlBody) ?? "";
        TextBody = scrub(TextBody) ?? "";
        LastError = scrub(LastError);
        AttachmentText = scrub(AttachmentText);
    }

    /// <summary>Marks the email as bulk: part of a campaign or a reminder, with its unsubscribe link, sent after people's own emails.</summary>
    public OutboxMessage AsBulk(Guid? campaignId, string unsubscribeUrl)
    {
        (CampaignId, UnsubscribeUrl, Priority) = (campaignId, unsubscribeUrl, 1);
        return this;
    }

    public OutboxMessage WithAttachment(string name, string contentType, string text)
    {
        (AttachmentName, AttachmentType, AttachmentText) = (name, contentType, text);
        return this;
    }

    public static OutboxMessage For(string kind, string reference, string to, string? toName, RenderedEmail email, DateTimeOffset now) => new()
    {
        Kind = kind,
        Reference = reference,
        To = to,
        // Filled-in placeholders and pasted names can outgrow the columns; a long subject line helps nobody anyway.
        ToName = Cut(toName, MaxName),
        Subject = Cut(email.Subject, MaxSubject)!,
        HtmlBody = email.Html,
        TextBody = email.Text,
        Status = OutboxStatus.Queued,
        CreatedAt = now,
        NextAttemptAt = now,
    };
}
