using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Workshops.Core.Domain.Common;
using Workshops.Core.Domain.Proposals;
using Workshops.Core.Domain.Workshops;

namespace Workshops.Web.Features.Organise.Calls;

/// <summary>The call form as posted; the window is wall-clock time in the chosen zone.</summary>
public sealed class CallForm
{
    /// <summary>The call's version when the form was drawn (see Versions); empty for a new one.</summary>
    public long? Version { get; set; }

    [Required(ErrorMessage = "Give the call a title.")]
    [StringLength(CallDetails.MaxTitle, MinimumLength = 3, ErrorMessage = "The title needs 3 to {1} characters.")]
    public string Title { get; set; } = "";

    [Required(ErrorMessage = "Enter the year of the workshop this call is for.")]
    [Range(1990, 2200, ErrorMessage = "The year must be between 1990 and 2200.")]
    public int? Year { get; set; }

    [StringLength(CallDetails.MaxDescription, ErrorMessage = "The description can be at most {1:N0} characters.")]
    public string? Description { get; set; }

    [Required(ErrorMessage = "Enter when the call opens.")]
    public DateTime? OpensLocal { get; set; }

    [Required(ErrorMessage = "Enter when the call closes.")]
    public DateTime? ClosesLocal { get; set; }

    [Required(ErrorMessage = "Choose the time zone of the deadline.")]
    public string TimeZoneId { get; set; } = "UTC";

    public ReviewerPool Reviewers { get; set; } = ReviewerPool.AllReviewers;

    [StringLength(CallDetails.MaxLateAccessCode, ErrorMessage = "A late-submission code can be at most {1} characters.")]
    public string? LateAccessCode { get; set; }

    public List<QuestionForm> Questions { get; set; } = [];
    public List<CriterionForm> Criteria { get; set; } = [];

    /// <summary>The language the texts above are written in; a call for sessions is always in its workshop's.</summary>
    public string Language { get; set; } = "en";

    /// <summary>The title, description and questions in the site's other languages, by code; questions by their row.</summary>
    public Dictionary<string, CallTranslationForm> Translations { get; set; } = [];

    /// <summary>Set for a workshop's call for sessions; the yearly call has none.</summary>
    public Guid? WorkshopId { get; set; }
    public List<SessionFormatForm> Formats { get; set; } = [];
    public List<Guid> TrackIds { get; set; } = [];

    /// <summary>Shown, not posted: the workshop a call for sessions belongs to, with its tracks.</summary>
    [BindNever] public string? WorkshopTitle { get; set; }
    [BindNever] public IReadOnlyList<(Guid Id, string Name)> WorkshopTracks { get; set; } = [];

    public bool ForSessions => WorkshopId is not null;

    /// <summary>The session setup as typed; lengths are whole minutes separated by commas or spaces.</summary>
    public SessionSetup ToSessionSetup() => new(
        Formats.Where(f => f.Offered).Select(f => new SessionFormatDetails(f.Type, ParseMinutes(f))).ToList(),
        TrackIds);

    private static List<int> ParseMinutes(SessionFormatForm f)
    {
        var parts = (f.Durations ?? "").Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries);
        var minutes = new List<int>();
        foreach (var part in parts)
        {
            if (!int.TryParse(part, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var m))
                throw new DomainException(Tr.T("Give the lengths of a {0} as whole minutes separated by commas, like 20, 30.", f.Type.Label().ToLowerInvariant()), nameof(Formats));
            minutes.Add(m);
        }
        return minutes;
    }

    /// <summary>Shows this form for a workshop: its title and tracks, and every kind of session with a row.</summary>
    public CallForm ForWorkshop(Workshop w)
    {
        WorkshopId = w.Id;
        WorkshopTitle = w.Title;
        Year = w.Year;
        WorkshopTracks = w.Tracks.OrderBy(t => t.Position).Select(t => (t.Id, t.Name)).ToList();
        foreach (var type in Enum.GetValues<SessionType>().Where(t => Formats.All(f => f.Type != t)))
            Formats.Add(new SessionFormatForm { Type = type, Offered = false });
        Formats = Formats.OrderBy(f => f.Type).ToList();
        return this;
    }

    public CallDetails ToDetails() => new(Title, Year ?? 0, Description, OpensLocal ?? default, ClosesLocal ?? default, TimeZoneId, Reviewers, LateAccessCode,
        Language, Translations.Where(t => t.Key != Language).ToDictionary(t => t.Key, t => new CallTranslation(t.Value.Title, t.Value.Description)));

    public IEnumerable<QuestionDetails> ToQuestions() => Questions
        .Select((q, row) => (q, row))
        .Where(x => !x.q.Remove && !string.IsNullOrWhiteSpace(x.q.Text))
        .Select(x => new QuestionDetails(x.q.Id, x.q.Text!, x.q.Required,
            Translations.Where(t => t.Key != Language).ToDictionary(t => t.Key, t => t.Value.Questions.ElementAtOrDefault(x.row))));

    public IEnumerable<CriterionDetails> ToCriteria() => Criteria
        .Where(c => !c.Remove && !string.IsNullOrWhiteSpace(c.Name))
        .Select(c => new CriterionDetails(c.Id, c.Name!, c.Weight ?? 0, c.Description));

    public static CallForm From(Call c) => new()
    {
        Version = Workshops.Core.Data.Versions.Of(c.UpdatedAt),
        Title = c.Title.Default,
        Year = c.Year,
        Description = c.Description?.Exactly(c.Language),
        Language = c.Language,
        Translations = c.Title.Languages.Concat(c.Description?.Languages ?? []).Concat(c.Questions.SelectMany(q => q.Text.Languages))
            .Where(l => l != c.Language).Distinct()
            .ToDictionary(l => l, l => new CallTranslationForm
            {
                Title = c.Title.Exactly(l),
                Description = c.Description?.Exactly(l),
                Questions = c.Questions.OrderBy(q => q.Position).Select(q => q.Text.Exactly(l)).ToList(),
            }),
        OpensLocal = Core.Time.WorkshopTime.ToLocal(c.OpensAt, Core.Time.WorkshopTime.Zone(c.TimeZoneId)).DateTime,
        ClosesLocal = Core.Time.WorkshopTime.ToLocal(c.ClosesAt, Core.Time.WorkshopTime.Zone(c.TimeZoneId)).DateTime,
        TimeZoneId = c.TimeZoneId,
        Reviewers = c.Reviewers,
        LateAccessCode = c.LateAccessCode,
        Questions = c.Questions.OrderBy(q => q.Position).Select(q => new QuestionForm { Id = q.Id, Text = q.Text.Default, Required = q.Required }).ToList(),
        Criteria = c.Criteria.OrderBy(x => x.Position).Select(x => new CriterionForm { Id = x.Id, Name = x.Name, Description = x.Description, Weight = x.Weight }).ToList(),
        WorkshopId = c.WorkshopId,
        Formats = c.SessionFormats.Select(f => new SessionFormatForm { Type = f.Type, Offered = true, Durations = string.Join(", ", f.Durations) }).ToList(),
        TrackIds = c.TrackIds.ToList(),
    };

    /// <summary>A new call for sessions offers every kind of session and every track, with the community's criteria for sessions.</summary>
    public static CallForm ForSessionsOf(Workshop w, DateTime today) => new CallForm
    {
        Title = Tr.T("Sessions for {0}", w.Title),
        Language = w.Language,
        OpensLocal = today.Date.AddHours(9),
        ClosesLocal = today.Date.AddDays(45).AddHours(23).AddMinutes(59),
        TimeZoneId = w.TimeZoneId,
        Formats = SessionTypes.Defaults.Select(d => new SessionFormatForm { Type = d.Type, Offered = true, Durations = string.Join(", ", d.Durations) }).ToList(),
        TrackIds = w.Tracks.Select(t => t.Id).ToList(),
        Criteria =
        [
            new() { Name = Tr.T("Relevance to the participants"), Weight = 3, Description = Tr.T("Would the track's participants use this in their own portal within the year?") },
            new() { Name = Tr.T("Clarity of the abstract"), Weight = 2, Description = Tr.T("Does the abstract say what people will learn and what they need to bring?") },
            new() { Name = Tr.T("Hands-on value"), Weight = 1, Description = Tr.T("Will participants try things themselves, not only listen?") },
        ],
    }.ForWorkshop(w);

    /// <summary>A new yearly call starts with the criteria the community has used so far.</summary>
    public static CallForm ForYear(int year, DateTime today) => new()
    {
        Title = Tr.T("Host the {0} workshop", year),
        Year = year,
        OpensLocal = today.Date.AddHours(9),
        ClosesLocal = today.Date.AddDays(60).AddHours(23).AddMinutes(59),
        Criteria =
        [
            new() { Name = Tr.T("Relevance to the community"), Weight = 3, Description = Tr.T("Does the programme answer what the nodes asked for this year?") },
            new() { Name = Tr.T("Feasibility and budget"), Weight = 2, Description = Tr.T("Are the venue, dates and funding realistic and confirmed?") },
            new() { Name = Tr.T("Access for participants"), Weight = 1, Description = Tr.T("Can people from every region reach it: flights, visas, costs, remote attendance?") },
        ],
    };

    public CallForm WithSpareRows(int spare = 2)
    {
        for (var i = 0; i < spare; i++)
        {
            Questions.Add(new QuestionForm());
            Criteria.Add(new CriterionForm());
        }
        return this;
    }
}

public sealed class SessionFormatForm
{
    /// <summary>Only the form holds the lengths as text; the call keeps them as numbers.</summary>
    public const int MaxDurations = 100;

    public SessionType Type { get; set; }
    public bool Offered { get; set; }

    [StringLength(MaxDurations, ErrorMessage = "List the lengths in minutes, like 20, 30.")]
    public string? Durations { get; set; }
}

/// <summary>A call's title, description and questions in one more language; questions line up with the rows above.</summary>
public sealed class CallTranslationForm
{
    [StringLength(CallDetails.MaxTitle, ErrorMessage = "The title can be at most {1} characters.")]
    public string? Title { get; set; }

    [StringLength(CallDetails.MaxDescription, ErrorMessage = "The description can be at most {1:N0} characters.")]
    public string? Description { get; set; }

    public List<string?> Questions { get; set; } = [];
}
