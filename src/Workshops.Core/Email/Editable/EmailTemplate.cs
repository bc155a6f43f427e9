namespace Workshops.Core.Email.Editable;

/// <summary>An organiser's wording of one editable email; without a row the built-in wording is used.</summary>
public sealed class EmailTemplate
{
    public const int MaxSubject = 300;
    public const int MaxBody = 20_000;

    public string Key { get; private set; } = "";
    public string Subject { get; private set; } = "";
    public string Body { get; private set; } = "";
    public DateTimeOffset UpdatedAt { get; private set; }
    public string? UpdatedBy { get; private set; }

    private EmailTemplate() { }

    public EmailTemplate(string key) => Key = key;

    public void Change(string subject, string body, string? by, DateTimeOffset now) =>
        (Subject, Body, UpdatedBy, UpdatedAt) = (subject.Trim(), body.Trim(), by, now);
}
