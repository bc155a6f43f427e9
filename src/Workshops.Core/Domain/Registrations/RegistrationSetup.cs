using Workshops.Core.Domain.Common;
using Workshops.Core.Domain.Workshops;
using Workshops.Core.Time;
using Workshops.Core.Localization;

namespace Workshops.Core.Domain.Registrations;

/// <summary>
/// How a workshop takes registrations: the window (in the workshop's time zone), the mode, the optional total of seats
/// over its tracks (each track has its own), the waiting list's behaviour and the organiser's own questions.
/// </summary>
public sealed class RegistrationSetup
{
    public Guid WorkshopId { get; private set; }
    public DateTimeOffset OpensAt { get; private set; }
    public DateTimeOffset ClosesAt { get; private set; }
    public string TimeZoneId { get; private set; } = "UTC";
    public RegistrationMode Mode { get; private set; }
    /// <summary>Seats over all tracks together, when they overlap (total 50, developers 25, managers 25); null for no total.</summary>
    public int? TotalSeats { get; private set; }
    /// <summary>When an admitted participant cancels, offer the seat to the next on the waiting list without asking.</summary>
    public bool AutoPromote { get; private set; }
    /// <summary>The day applicants are told they will hear by, in approval mode.</summary>
    public DateOnly? DecisionBy { get; private set; }
    /// <summary>The privacy notice in the workshop's languages; null when none is given.</summary>
    public LocalText? PrivacyNotice { get; private set; }
    /// <summary>Who is responsible for this workshop's data (its host, say); null names the site's controller.</summary>
    [Privacy.NotPersonal("an institution's name and contact, given by organisers")] public string? Controller { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    /// <summary>The secret check-in codes are signed with; each workshop has its own.</summary>
    public string CheckInKey { get; private set; } = "";
    public List<RegistrationQuestion> Questions { get; private set; } = [];

    private RegistrationSetup() { }

    public static RegistrationSetup For(Workshop workshop, RegistrationSetupDetails details, IEnumerable<RegistrationQuestionDetails> questions, DateTimeOffset now)
    {
        var setup = new RegistrationSetup { WorkshopId = workshop.Id, CheckInKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)) };
        setup.Update(workshop, details, questions, now);
        return setup;
    }

    public void Update(Workshop workshop, RegistrationSetupDetails details, IEnumerable<RegistrationQuestionDetails> questions, DateTimeOffset now)
    {
        if (workshop.Id != WorkshopId) throw new ArgumentException("That is another workshop.", nameof(workshop));
        var zone = WorkshopTime.Zone(workshop.TimeZoneId);
        var opens = LocalTimes.ToUtc(details.OpensLocal, zone, "opening", nameof(details.OpensLocal));
        var closes = LocalTimes.ToUtc(details.ClosesLocal, zone, "closing", nameof(details.ClosesLocal));
        if (closes <= opens) throw new DomainException(Tr.T("Registration must close after it opens."), nameof(details.ClosesLocal));
        if (closes > workshop.EndsAt) throw new DomainException(Tr.T("Registration must close before the workshop ends."), nameof(details.ClosesLocal));
        if (details.TotalSeats is < 1 or > 100_000) throw new DomainException(Tr.T("The total is between 1 and 100,000 seats, or left empty."), nameof(details.TotalSeats));
        if (details.PrivacyNotice?.Length > RegistrationSetupDetails.MaxPrivacyNotice
            || details.PrivacyNotices?.Values.Any(n => n?.Length > RegistrationSetupDetails.MaxPrivacyNotice) == true)
            throw new DomainException(Tr.T("The privacy notice can be at most {0:N0} characters.", RegistrationSetupDetails.MaxPrivacyNotice), nameof(details.PrivacyNotice));
        if (details.Controller?.Trim().Length > RegistrationSetupDetails.MaxController)
            throw new DomainException(Tr.T("The controller can be at most {0} characters.", RegistrationSetupDetails.MaxController), nameof(details.Controller));
        var wanted = questions.Where(q => !string.IsNullOrWhiteSpace(q.Text)).ToList();
        if (wanted.Count > 50) throw new DomainException(Tr.T("Ask at most 50 questions."), "Questions");
        foreach (var q in wanted) q.Validate();

        OpensAt = opens;
        ClosesAt = closes;
        TimeZoneId = workshop.TimeZoneId;
        Mode = details.Mode;
        TotalSeats = details.TotalSeats;
        AutoPromote = details.AutoPromote;
        DecisionBy = details.DecisionBy;
        // The questions and the notice are written in the workshop's own language first, like its title.
        var language = workshop.Language;
        var notice = LocalText.Of(language, [new(language, details.PrivacyNotice),
            .. (details.PrivacyNotices ?? new Dictionary<string, string?>()).Select(n => new KeyValuePair<string, string?>(n.Key, n.Value))]);
        PrivacyNotice = notice.Default.Length == 0 ? null : notice;
        Controller = string.IsNullOrWhiteSpace(details.Controller) ? null : details.Controller.Trim();
        // Kept ids keep their rows, so answers already given stay attached to the same question.
        var kept = new List<RegistrationQuestion>();
        for (var i = 0; i < wanted.Count; i++)
        {
            var existing = wanted[i].Id is { } id ? Questions.FirstOrDefault(q => q.Id == id) : null;
            if (existing is null) kept.Add(new RegistrationQuestion(wanted[i], i, language));
            else
            {
                existing.Set(wanted[i], i, language);
                kept.Add(existing);
            }
        }
        Questions = kept;
        UpdatedAt = now;
    }

    public bool IsOpen(DateTimeOffset now) => OpensAt <= now && now < ClosesAt;

    /// <summary>Throws, with the window in the workshop's time, unless registering or changing answers is possible now.</summary>
    public void EnsureOpen(DateTimeOffset now)
    {
        if (now < OpensAt) throw new DomainException(Tr.T("Registration opens on {0}.", Local(OpensAt)));
        if (now >= ClosesAt) throw new DomainException(Tr.T("Registration closed on {0}.", Local(ClosesAt)));
    }

    private string Local(DateTimeOffset instant)
    {
        var local = WorkshopTime.ToLocal(instant, WorkshopTime.Zone(TimeZoneId));
        return Formats.InZone(local, TimeZoneId);
    }
}

/// <summary>What an organiser types about registration; the window is wall-clock time in the workshop's zone.</summary>
public sealed record RegistrationSetupDetails(DateTime OpensLocal, DateTime ClosesLocal, RegistrationMode Mode, int? TotalSeats, bool AutoPromote,
    DateOnly? DecisionBy, string? PrivacyNotice, IReadOnlyDictionary<string, string?>? PrivacyNotices = null, string? Controller = null)
{
    public const int MaxPrivacyNotice = 20_000;
    public const int MaxController = Privacy.PrivacySettings.MaxController;
}
