using Workshops.Core.Domain.Announcements;
using Workshops.Core.Domain.Registrations;

namespace Workshops.Web.Features.Organise.Announcements;

/// <summary>What the compose form posts. Version is the announcement's UpdatedAt when the form was opened, so a stale form is refused.</summary>
public sealed class AnnouncementForm
{
    public Guid? WorkshopId { get; set; }
    public string? Subject { get; set; }
    public string? Body { get; set; }
    public bool Subscribers { get; set; }
    public List<RegistrationStatus> Statuses { get; set; } = [];
    public List<Guid> Tracks { get; set; } = [];
    public bool Speakers { get; set; }
    public bool Reviewers { get; set; }
    public string? Pasted { get; set; }
    public bool PublishAsNews { get; set; }
    public long Version { get; set; }
    /// <summary>The language the subject and text above are written in; readers of a language it is not written in get it.</summary>
    public string? Language { get; set; } = "en";
    /// <summary>The subject and text in the site's other languages, by language code.</summary>
    public Dictionary<string, AnnouncementTranslationForm> Translations { get; set; } = [];

    public AnnouncementDetails ToDetails() =>
        new(Subject ?? "", Body ?? "", WorkshopId, new Audience(Subscribers, Statuses, Tracks, Speakers, Reviewers, Pasted), PublishAsNews, Language ?? "",
            Translations.Where(t => t.Value is not null).ToDictionary(t => t.Key, t => new AnnouncementTranslation(t.Value.Subject, t.Value.Body)));

    public static AnnouncementForm From(Announcement a) => new()
    {
        WorkshopId = a.WorkshopId,
        Subject = a.Subject.Default,
        Body = a.Body.Default,
        Language = a.Language,
        Translations = a.Subject.Languages.Where(l => l != a.Language)
            .ToDictionary(l => l, l => new AnnouncementTranslationForm { Subject = a.Subject.Exactly(l), Body = a.Body.Exactly(l) }),
        Subscribers = a.ToSubscribers,
        Statuses = [.. a.Audience.Statuses],
        Tracks = [.. a.Audience.Tracks],
        Speakers = a.ToSpeakers,
        Reviewers = a.ToReviewers,
        Pasted = a.PastedAddresses,
        PublishAsNews = a.PublishAsNews,
        Version = a.UpdatedAt.UtcTicks,
    };

    /// <summary>The statuses an organiser would write to; cancelled registrations are left out on purpose.</summary>
    public static readonly RegistrationStatus[] StatusChoices =
        [RegistrationStatus.Submitted, RegistrationStatus.Admitted, RegistrationStatus.Waitlisted, RegistrationStatus.Declined];
}

/// <summary>An announcement's subject and text in one more language.</summary>
public sealed class AnnouncementTranslationForm
{
    public string? Subject { get; set; }
    public string? Body { get; set; }
}
