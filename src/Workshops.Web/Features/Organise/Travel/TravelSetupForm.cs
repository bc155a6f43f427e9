using Workshops.Core.Text;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Workshops.Core.Domain.Common;
using Workshops.Core.Domain.Proposals;
using Workshops.Core.Domain.Travel;
using Workshops.Core.Domain.Workshops;
using Workshops.Core.Time;

namespace Workshops.Web.Features.Organise.Travel;

/// <summary>A workshop's travel support settings as posted; the window is wall-clock time in the workshop's zone.</summary>
public sealed class TravelSetupForm
{
    /// <summary>The fund's version when the form was drawn (see Versions); empty before there is one.</summary>
    public long? Version { get; set; }

    public bool Offered { get; set; } = true;

    [Required(ErrorMessage = "Choose the budget's currency from the list.")]
    public string? Currency { get; set; } = "EUR";

    /// <summary>Text, read by <see cref="Amounts"/>: model binding would misread "1250.50" in some languages.</summary>
    [Required(ErrorMessage = "Give a budget of more than zero.")]
    [StringLength(30, ErrorMessage = "Give a budget of more than zero.")]
    public string? Budget { get; set; }

    [Required(ErrorMessage = "Enter when applications open.")]
    public DateTime? OpensLocal { get; set; }

    [Required(ErrorMessage = "Enter when applications close.")]
    public DateTime? ClosesLocal { get; set; }

    public List<CostKind> CostKinds { get; set; } = [];

    [StringLength(TravelFund.MaxFunder, ErrorMessage = "The funder can be at most {1} characters.")]
    public string? Funder { get; set; }

    public Guid? FunderProjectId { get; set; }

    [StringLength(TravelFund.MaxConditions, ErrorMessage = "The conditions can be at most {1:N0} characters.")]
    public string? Conditions { get; set; }

    public List<RateForm> Rates { get; set; } = [];
    public List<QuestionForm> Questions { get; set; } = [];
    public List<CriterionForm> Criteria { get; set; } = [];

    /// <summary>Shown, not posted: the community's funded projects to name as the funder.</summary>
    [BindNever] public IReadOnlyList<(Guid Id, string Title)> Projects { get; set; } = [];

    /// <summary>The settings as the domain takes them; throws, naming the field, when an amount is not a number.</summary>
    public TravelFundDetails ToDetails()
    {
        if (!Amounts.TryRead(Budget, out var budget))
            throw new DomainException(Tr.T("Write the budget as a number, like 25000 or 25000.50."), nameof(Budget));
        var rates = new List<RateDetails>();
        for (var i = 0; i < Rates.Count; i++)
        {
            if (!Amounts.TryRead(Rates[i].Rate, out var rate))
                throw new DomainException(Tr.T("Write each rate as a number, like 0.92."), nameof(Rates));
            rates.Add(new RateDetails(Rates[i].Currency, rate));
        }
        return new(Offered, Currency, budget, OpensLocal ?? default, ClosesLocal ?? default, CostKinds, Funder, FunderProjectId, Conditions, rates);
    }

    public IEnumerable<QuestionDetails> ToQuestions() => Questions
        .Where(q => !q.Remove && !string.IsNullOrWhiteSpace(q.Text))
        .Select(q => new QuestionDetails(q.Id, q.Text!, q.Required));

    public IEnumerable<CriterionDetails> ToCriteria() => Criteria
        .Where(c => !c.Remove && !string.IsNullOrWhiteSpace(c.Name))
        .Select(c => new CriterionDetails(c.Id, c.Name!, c.Weight ?? 0, c.Description));

    public static TravelSetupForm From(TravelFund f) => new()
    {
        Version = Core.Data.Versions.Of(f.UpdatedAt),
        Offered = f.Offered,
        Currency = f.Currency,
        Budget = Amounts.Write(Currencies.FromMinor(f.BudgetMinor, f.Money)),
        OpensLocal = WorkshopTime.ToLocal(f.OpensAt, WorkshopTime.Zone(f.TimeZoneId)).DateTime,
        ClosesLocal = WorkshopTime.ToLocal(f.ClosesAt, WorkshopTime.Zone(f.TimeZoneId)).DateTime,
        CostKinds = f.CostKinds.ToList(),
        Funder = f.Funder,
        FunderProjectId = f.FunderProjectId,
        Conditions = f.Conditions,
        Rates = f.Rates.OrderBy(r => r.Currency).Select(r => new RateForm { Currency = r.Currency, Rate = Amounts.Write(r.Rate) }).ToList(),
        Questions = f.Questions.OrderBy(q => q.Position).Select(q => new QuestionForm { Id = q.Id, Text = q.Text.Default, Required = q.Required }).ToList(),
        Criteria = f.Criteria.OrderBy(c => c.Position).Select(c => new CriterionForm { Id = c.Id, Name = c.Name, Description = c.Description, Weight = c.Weight }).ToList(),
    };

    /// <summary>A first fund: open from today, for travel, lodging and visas, with the community's usual questions and criteria.</summary>
    public static TravelSetupForm For(Workshop w, DateTimeOffset now)
    {
        var zone = WorkshopTime.Zone(w.TimeZoneId);
        var today = WorkshopTime.ToLocal(now, zone).Date;
        var start = WorkshopTime.ToLocal(w.StartsAt, zone).Date;
        // A month before the workshop leaves time to decide and to book; a workshop sooner than that gets a month from now.
        var closes = start.AddDays(-30) > today.AddDays(7) ? start.AddDays(-30) : today.AddDays(30);
        return new()
        {
            OpensLocal = today.AddHours(9),
            ClosesLocal = closes.AddHours(23).AddMinutes(59),
            CostKinds = [CostKind.Travel, CostKind.Lodging, CostKind.Visa],
            Questions =
            [
                new() { Text = Tr.T("What is your role in your node or institution?"), Required = true },
                new() { Text = Tr.T("What will you do with what you learn at the workshop?"), Required = true },
            ],
            Criteria =
            [
                new() { Name = Tr.T("Benefit to their node"), Weight = 3, Description = Tr.T("Will what they learn reach their node's portal and its community?") },
                new() { Name = Tr.T("Need for support"), Weight = 2, Description = Tr.T("Could they come without it? Does their institution pay part?") },
                new() { Name = Tr.T("Part in the programme"), Weight = 1, Description = Tr.T("Do they teach, present or lead a session?") },
            ],
        };
    }

    public TravelSetupForm WithSpareRows(int spare = 2)
    {
        for (var i = 0; i < spare; i++)
        {
            Questions.Add(new QuestionForm());
            Criteria.Add(new CriterionForm());
            Rates.Add(new RateForm());
        }
        return this;
    }
}

public sealed class RateForm
{
    [StringLength(3, ErrorMessage = "Choose each rate's currency from the list.")]
    public string? Currency { get; set; }

    [StringLength(30, ErrorMessage = "Write each rate as a number, like 0.92.")]
    public string? Rate { get; set; }
}
