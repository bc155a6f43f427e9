using System.ComponentModel.DataAnnotations;
using Workshops.Core.Domain.Proposals;
using Workshops.Core.Domain.Workshops;

namespace Workshops.Web.Features.Proposals;

/// <summary>The proposal form as posted: the common part, the call's answers, and the workshop part of a yearly call.</summary>
public sealed class ProposalForm
{
    [Required(ErrorMessage = "Give your proposal a title.")]
    [StringLength(Proposal.MaxTitle, MinimumLength = 3, ErrorMessage = "The title needs 3 to {1} characters.")]
    public string Title { get; set; } = "";

    [StringLength(Proposal.MaxText, ErrorMessage = "The description can be at most {1:N0} characters.")]
    public string? Text { get; set; }

    public Dictionary<Guid, string?> Answers { get; set; } = [];

    [StringLength(WorkshopPlanDetails.MaxHostInstitution, ErrorMessage = "The host institution can be at most {1} characters.")]
    public string? HostInstitution { get; set; }

    [StringLength(WorkshopPlanDetails.MaxCity, ErrorMessage = "The city can be at most {1} characters.")]
    public string? City { get; set; }

    [StringLength(WorkshopPlanDetails.MaxCountry, ErrorMessage = "The country can be at most {1} characters.")]
    public string? Country { get; set; }

    public DateOnly? StartsOn { get; set; }
    public DateOnly? EndsOn { get; set; }
    public string TimeZoneId { get; set; } = "UTC";
    public WorkshopFormat Format { get; set; } = WorkshopFormat.InPerson;

    [StringLength(WorkshopPlanDetails.MaxTopics, ErrorMessage = "The topics can be at most {1:N0} characters.")]
    public string? Topics { get; set; }

    [Range(1, 10_000, ErrorMessage = "Expect between 1 and 10,000 participants.")]
    public int? ExpectedParticipants { get; set; }

    [StringLength(WorkshopPlanDetails.MaxFundingNotes, ErrorMessage = "The funding notes can be at most {1:N0} characters.")]
    public string? FundingNotes { get; set; }

    public List<ProposedTrackForm> Tracks { get; set; } = [];

    public SessionType? Type { get; set; }
    public Guid? TrackId { get; set; }

    [Range(5, 480, ErrorMessage = "A session lasts from 5 to 480 minutes.")]
    public int? DurationMinutes { get; set; }

    [StringLength(SessionPlanDetails.MaxOrganiserNotes, ErrorMessage = "The notes for organisers can be at most {1:N0} characters.")]
    public string? OrganiserNotes { get; set; }

    public List<CoSpeakerForm> CoSpeakers { get; set; } = [];

    /// <summary>The late-submission code, for changes after the deadline.</summary>
    [StringLength(CallDetails.MaxLateAccessCode)]
    public string? AccessCode { get; set; }

    public ProposalContent ToContent(Call call) => new(Title, Text, Answers,
        call.Kind == CallKind.Workshops
            ? new WorkshopPlanDetails(HostInstitution, City, Country, StartsOn, EndsOn, TimeZoneId, Format, Topics, ExpectedParticipants, FundingNotes,
                Tracks.Where(t => !string.IsNullOrWhiteSpace(t.Name) || t.Seats is not null).Select(t => new ProposedTrackDetails(t.Name ?? "", t.Seats ?? 0)).ToList())
            : null,
        call.Kind == CallKind.Sessions
            ? new SessionPlanDetails(Type, TrackId, DurationMinutes, OrganiserNotes, CoSpeakers.Select(c => new CoSpeakerDetails(c.Name, c.Email)).ToList())
            : null);

    public static ProposalForm For(Call call) => call.Kind == CallKind.Workshops
        ? new()
        {
            TimeZoneId = call.TimeZoneId,
            Tracks = [new() { Name = Tr.T("Developers"), Seats = 25 }, new() { Name = Tr.T("Managers"), Seats = 25 }],
        }
        : new()
        {
            // A call with one kind or one track has nothing to choose: pre-select it.
            Type = call.SessionFormats.Count == 1 ? call.SessionFormats[0].Type : null,
            DurationMinutes = call.SessionFormats is [{ Durations: [var only] }] ? only : null,
            TrackId = call.TrackIds is [var track] ? track : null,
        };

    public static ProposalForm From(Proposal p) => new()
    {
        Title = p.Title,
        Text = p.Text,
        Answers = p.Answers.ToDictionary(a => a.QuestionId, a => (string?)a.Text),
        HostInstitution = p.Workshop?.HostInstitution,
        City = p.Workshop?.City,
        Country = p.Workshop?.Country,
        StartsOn = p.Workshop?.StartsOn,
        EndsOn = p.Workshop?.EndsOn,
        TimeZoneId = p.Workshop?.TimeZoneId ?? "UTC",
        Format = p.Workshop?.Format ?? WorkshopFormat.InPerson,
        Topics = p.Workshop?.Topics,
        ExpectedParticipants = p.Workshop?.ExpectedParticipants,
        FundingNotes = p.Workshop?.FundingNotes,
        Tracks = p.Workshop?.Tracks.OrderBy(t => t.Position).Select(t => new ProposedTrackForm { Name = t.Name, Seats = t.Seats }).ToList() ?? [],
        Type = p.Session?.Type,
        TrackId = p.Session?.TrackId,
        DurationMinutes = p.Session?.DurationMinutes,
        OrganiserNotes = p.Session?.OrganiserNotes,
        CoSpeakers = p.ListedCoSpeakers().Select(c => new CoSpeakerForm { Name = c.Name, Email = c.Email }).ToList(),
    };

    /// <summary>Empty rows to add a track or a co-speaker (only the rows of the call's kind are shown).</summary>
    public ProposalForm WithSpareRows(int spare = 1)
    {
        for (var i = 0; i < spare; i++) Tracks.Add(new ProposedTrackForm());
        var speakerRows = Math.Min(spare + 1, SessionPlanDetails.MaxCoSpeakers - CoSpeakers.Count);
        for (var i = 0; i < speakerRows; i++) CoSpeakers.Add(new CoSpeakerForm());
        return this;
    }

    /// <summary>Where a domain message about <paramref name="field"/> shows on this form.</summary>
    public static string Key(string? field) => field switch
    {
        null or "" => "",
        _ when Guid.TryParse(field, out var id) => $"Input.Answers[{id}]",
        _ => "Input." + field,
    };
}

public sealed class CoSpeakerForm
{
    [StringLength(CoSpeakerDetails.MaxName, ErrorMessage = "A name can be at most {1} characters.")]
    public string? Name { get; set; }

    [StringLength(CoSpeakerDetails.MaxEmail, ErrorMessage = "An email address can be at most {1} characters.")]
    public string? Email { get; set; }
}

public sealed class ProposedTrackForm
{
    [StringLength(ProposedTrackDetails.MaxName, ErrorMessage = "A track name can be at most {1} characters.")]
    public string? Name { get; set; }

    [Range(1, 10_000, ErrorMessage = "Seats must be between 1 and 10,000.")]
    public int? Seats { get; set; }
}
