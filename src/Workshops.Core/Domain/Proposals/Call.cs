using Workshops.Core.Domain.Common;
using Workshops.Core.Domain.Workshops;
using Workshops.Core.Time;
using Workshops.Core.Localization;

namespace Workshops.Core.Domain.Proposals;

/// <summary>A call for proposals: the yearly one for workshops, or one workshop's call for sessions.</summary>
public sealed class Call
{
    public Guid Id { get; private set; } = Guid.NewGuid();
    public CallKind Kind { get; private set; }
    /// <summary>The workshop whose agenda a call for sessions fills; null for the yearly call.</summary>
    public Guid? WorkshopId { get; private set; }
    public int Year { get; private set; }
    /// <summary>The title in the call's languages; written where a string is expected, it is the reader's.</summary>
    public LocalText Title { get; private set; } = new("");
    public LocalText? Description { get; private set; }

    /// <summary>The language the call is written in first: its workshop's, or the one the organisers chose for a yearly call.</summary>
    public string Language => Title.DefaultLanguage;
    public DateTimeOffset OpensAt { get; private set; }
    public DateTimeOffset ClosesAt { get; private set; }
    public string TimeZoneId { get; private set; } = "UTC";
    public ReviewerPool Reviewers { get; private set; }
    public string? LateAccessCode { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public List<CallQuestion> Questions { get; private set; } = [];
    public List<ReviewCriterion> Criteria { get; private set; } = [];
    /// <summary>Calls for sessions only: the kinds of session offered, with their lengths.</summary>
    public List<SessionFormat> SessionFormats { get; private set; } = [];
    /// <summary>Calls for sessions only: the workshop's tracks a session may be proposed for.</summary>
    public List<Guid> TrackIds { get; private set; } = [];

    private Call() { }

    public static Call ForWorkshops(CallDetails details, IEnumerable<QuestionDetails> questions, IEnumerable<CriterionDetails> criteria, DateTimeOffset now)
    {
        var call = new Call { Kind = CallKind.Workshops, CreatedAt = now };
        call.Update(details, questions, criteria, now);
        return call;
    }

    /// <summary>A workshop's call for sessions; its year is the workshop's.</summary>
    public static Call ForSessions(Workshop workshop, CallDetails details, IEnumerable<QuestionDetails> questions, IEnumerable<CriterionDetails> criteria,
        SessionSetup sessions, DateTimeOffset now)
    {
        var call = new Call { Kind = CallKind.Sessions, WorkshopId = workshop.Id, CreatedAt = now };
        call.Update(details with { Year = workshop.Year }, questions, criteria, now, sessions, workshop);
        return call;
    }

    /// <summary>Changes the call; a call for sessions also takes its session setup, checked against its workshop.</summary>
    public void Update(CallDetails details, IEnumerable<QuestionDetails> questions, IEnumerable<CriterionDetails> criteria, DateTimeOffset now,
        SessionSetup? sessions = null, Workshop? workshop = null)
    {
        var (opens, closes) = details.Validate();
        if (Kind == CallKind.Sessions)
        {
            if (sessions is null || workshop is null || workshop.Id != WorkshopId)
                throw new ArgumentException("A call for sessions is changed with its session setup and its workshop.", nameof(sessions));
            sessions.Validate(workshop.Tracks.Select(t => t.Id).ToList());
        }
        var questionList = questions.Where(q => !string.IsNullOrWhiteSpace(q.Text)).ToList();
        var criterionList = criteria.Where(c => !string.IsNullOrWhiteSpace(c.Name)).ToList();
        if (questionList.Any(q => q.Text.Length > QuestionDetails.MaxText || q.Translations?.Values.Any(t => t?.Trim().Length > QuestionDetails.MaxText) == true))
            throw new DomainException(Tr.T("A question can be at most {0:N0} characters.", QuestionDetails.MaxText), nameof(Questions));
        CriterionDetails.Validate(criterionList);

        // A call for sessions is written in its workshop's language first, like everything else about the workshop.
        var language = workshop?.Language ?? details.Language;
        Title = details.Titles(language);
        Year = details.Year;
        Description = details.Descriptions(language);
        OpensAt = opens;
        ClosesAt = closes;
        TimeZoneId = details.TimeZoneId;
        Reviewers = details.Reviewers;
        LateAccessCode = string.IsNullOrWhiteSpace(details.LateAccessCode) ? null : details.LateAccessCode.Trim();
        // Kept ids keep their rows, so answers and scores already given stay attached to the same question or criterion.
        Questions = Rows.Sync(Questions, questionList, q => q.Id, q => q.Id, (q, d, i) => (q.Text, q.Required, q.Position) = (d.Texts(language), d.Required, i),
            (d, i) => new CallQuestion(d.Texts(language), d.Required, i));
        Criteria = Rows.Sync(Criteria, criterionList, c => c.Id, c => c.Id,
            (c, d, i) => (c.Name, c.Description, c.Weight, c.Position) = (d.Name.Trim(), Blank(d.Description), d.Weight, i),
            (d, i) => new ReviewCriterion(d.Name.Trim(), Blank(d.Description), d.Weight, i));
        if (sessions is not null && Kind == CallKind.Sessions)
        {
            Year = workshop!.Year;
            // Matched by type, so a format's row (and what proposals chose) survives a change of its lengths.
            SessionFormats = Rows.Sync(SessionFormats, sessions.Formats.ToList(), f => f.Id, d => SessionFormats.FirstOrDefault(f => f.Type == d.Type)?.Id,
                (f, d, i) => (f.Durations, f.Position) = (d.Durations.Distinct().Order().ToList(), i),
                (d, i) => new SessionFormat(d.Type, d.Durations.Distinct().Order(), i));
            TrackIds = sessions.TrackIds.Distinct().ToList();
        }
        UpdatedAt = now;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>Drops tracks the workshop no longer has; proposals that chose one keep it, as history.</summary>
    public void KeepTracks(IReadOnlyCollection<Guid> workshopTrackIds)
    {
        if (TrackIds.All(workshopTrackIds.Contains)) return;
        TrackIds = TrackIds.Where(workshopTrackIds.Contains).ToList();
    }

    public SessionFormat? FormatOf(SessionType type) => SessionFormats.FirstOrDefault(f => f.Type == type);

    public bool IsOpen(DateTimeOffset now) => OpensAt <= now && now < ClosesAt;

    /// <summary>Throws, with a message for the proposer, unless they may submit or edit now.</summary>
    public void EnsureAcceptsChanges(DateTimeOffset now, string? accessCode)
    {
        if (now < OpensAt)
            throw new DomainException(Tr.T("This call opens on {0}.", Local(OpensAt)));
        if (now >= ClosesAt && !CodeMatches(accessCode))
            throw new DomainException(Tr.T("This call closed on {0}. If the organisers gave you a late-submission code, enter it.", Local(ClosesAt)));
    }

    private bool CodeMatches(string? code) =>
        LateAccessCode is not null && code is not null && string.Equals(LateAccessCode, code.Trim(), StringComparison.Ordinal);

    private string Local(DateTimeOffset instant)
    {
        var local = WorkshopTime.ToLocal(instant, WorkshopTime.Zone(TimeZoneId));
        return Formats.InZone(local, TimeZoneId);
    }
}
