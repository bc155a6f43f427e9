using Workshops.Core.Privacy;
namespace Workshops.Core.Email.Editable;

/// <summary>
/// An organiser's wording of one editable email in one language. A recipient gets the wording in their language,
/// else the organisers' English one, else the built-in wording in their language (see <see cref="TemplateMail"/>).
/// </summary>
public sealed class EmailTemplate
{
    public const int MaxSubject = 300;
    public const int MaxBody = 20_000;

    public string Key { get; private set; } = "";
    /// <summary>The language this wording is written in ("en", "es").</summary>
    public string Language { get; private set; } = "en";
    public string Subject { get; private set; } = "";
    public string Body { get; private set; } = "";
    public DateTimeOffset UpdatedAt { get; private set; }
    [ActedBy] public string? UpdatedBy { get; private set; }

    private EmailTemplate() { }

    public EmailTemplate(string key, string language = "en") => (Key, Language) = (key, language);

    public void Change(string subject, string body, string? by, DateTimeOffset now) =>
        (Subject, Body, UpdatedBy, UpdatedAt) = (subject.Trim(), body.Trim(), by, now);
}
