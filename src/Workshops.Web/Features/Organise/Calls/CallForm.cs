using System.ComponentModel.DataAnnotations;
using Workshops.Core.Domain.Proposals;

namespace Workshops.Web.Features.Organise.Calls;

/// <summary>The call form as posted; the window is wall-clock time in the chosen zone.</summary>
public sealed class CallForm
{
    [Required(ErrorMessage = "Give the call a title.")]
    [StringLength(200, MinimumLength = 3, ErrorMessage = "The title needs 3 to 200 characters.")]
    public string Title { get; set; } = "";

    [Required(ErrorMessage = "Enter the year of the workshop this call is for.")]
    [Range(1990, 2200, ErrorMessage = "The year must be between 1990 and 2200.")]
    public int? Year { get; set; }

    [StringLength(20_000, ErrorMessage = "The description can be at most 20,000 characters.")]
    public string? Description { get; set; }

    [Required(ErrorMessage = "Enter when the call opens.")]
    public DateTime? OpensLocal { get; set; }

    [Required(ErrorMessage = "Enter when the call closes.")]
    public DateTime? ClosesLocal { get; set; }

    [Required(ErrorMessage = "Choose the time zone of the deadline.")]
    public string TimeZoneId { get; set; } = "UTC";

    public ReviewerPool Reviewers { get; set; } = ReviewerPool.AllReviewers;

    [StringLength(64, ErrorMessage = "A late-submission code can be at most 64 characters.")]
    public string? LateAccessCode { get; set; }

    public List<QuestionForm> Questions { get; set; } = [];
    public List<CriterionForm> Criteria { get; set; } = [];

    public CallDetails ToDetails() => new(Title, Year ?? 0, Description, OpensLocal ?? default, ClosesLocal ?? default, TimeZoneId, Reviewers, LateAccessCode);

    public IEnumerable<QuestionDetails> ToQuestions() => Questions
        .Where(q => !q.Remove && !string.IsNullOrWhiteSpace(q.Text))
        .Select(q => new QuestionDetails(q.Id, q.Text!, q.Required));

    public IEnumerable<CriterionDetails> ToCriteria() => Criteria
        .Where(c => !c.Remove && !string.IsNullOrWhiteSpace(c.Name))
        .Select(c => new CriterionDetails(c.Id, c.Name!, c.Weight ?? 0));

    public static CallForm From(Call c) => new()
    {
        Title = c.Title,
        Year = c.Year,
        Description = c.Description,
        OpensLocal = Core.Time.WorkshopTime.ToLocal(c.OpensAt, Core.Time.WorkshopTime.Zone(c.TimeZoneId)).DateTime,
        ClosesLocal = Core.Time.WorkshopTime.ToLocal(c.ClosesAt, Core.Time.WorkshopTime.Zone(c.TimeZoneId)).DateTime,
        TimeZoneId = c.TimeZoneId,
        Reviewers = c.Reviewers,
        LateAccessCode = c.LateAccessCode,
        Questions = c.Questions.OrderBy(q => q.Position).Select(q => new QuestionForm { Id = q.Id, Text = q.Text, Required = q.Required }).ToList(),
        Criteria = c.Criteria.OrderBy(x => x.Position).Select(x => new CriterionForm { Id = x.Id, Name = x.Name, Weight = x.Weight }).ToList(),
    };

    /// <summary>A new yearly call starts with the criteria the community has used so far.</summary>
    public static CallForm ForYear(int year, DateTime today) => new()
    {
        Title = $"Host the {year} workshop",
        Year = year,
        OpensLocal = today.Date.AddHours(9),
        ClosesLocal = today.Date.AddDays(60).AddHours(23).AddMinutes(59),
        Criteria =
        [
            new() { Name = "Relevance to the community", Weight = 3 },
            new() { Name = "Feasibility and budget", Weight = 2 },
            new() { Name = "Access for participants", Weight = 1 },
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

public sealed class QuestionForm
{
    public Guid? Id { get; set; }

    [StringLength(1000, ErrorMessage = "A question can be at most 1,000 characters.")]
    public string? Text { get; set; }

    public bool Required { get; set; }
    public bool Remove { get; set; }
}

public sealed class CriterionForm
{
    public Guid? Id { get; set; }

    [StringLength(100, ErrorMessage = "A criterion name can be at most 100 characters.")]
    public string? Name { get; set; }

    [Range(1, 10, ErrorMessage = "A weight is from 1 to 10.")]
    public int? Weight { get; set; }

    public bool Remove { get; set; }
}
