using Workshops.Core.Domain.Common;
using Workshops.Core.Domain.Proposals;
using Workshops.Core.Domain.Workshops;
using Workshops.Core.Localization;
using Workshops.Core.Privacy;
using Workshops.Core.Time;

namespace Workshops.Core.Domain.Travel;

/// <summary>
/// A workshop's travel support: the budget, when people may apply, what it pays for, what applicants answer and what
/// reviewers score. Money is kept in minor units (cents) of the budget's currency. What awards hold of the budget is
/// counted apart (see the travel ledger), with conditional updates, so two organisers awarding at once cannot overrun it.
/// </summary>
public sealed class TravelFund
{
    public const int MaxFunder = 200;
    public const int MaxConditions = 4000;
    /// <summary>No community's travel budget comes near this; more is a typing mistake.</summary>
    public const decimal MaxBudget = 100_000_000m;

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid WorkshopId { get; private set; }
    /// <summary>Offered to participants; turned off, nobody new applies and what exists stays.</summary>
    public bool Offered { get; private set; }
    public string Currency { get; private set; } = "EUR";
    /// <summary>The budget in minor units; changed only through the ledger, never below what awards hold.</summary>
    public long BudgetMinor { get; private set; }
    /// <summary>What released awards hold of the budget, in minor units; changed only through the ledger.</summary>
    public long CommittedMinor { get; private set; }
    public DateTimeOffset OpensAt { get; private set; }
    public DateTimeOffset ClosesAt { get; private set; }
    /// <summary>The workshop's zone when the window was set: deadlines are said in it.</summary>
    public string TimeZoneId { get; private set; } = "UTC";
    public List<CostKind> CostKinds { get; private set; } = [];
    /// <summary>Who pays, as award letters name them ("GBIF CESP project ...").</summary>
    [NotPersonal("the funder, an organisation")] public string? Funder { get; private set; }
    /// <summary>One of the community's funded projects, when the money comes from one.</summary>
    public Guid? FunderProjectId { get; private set; }
    /// <summary>What an award comes with (receipts, deadlines, attendance), in the award email and letter.</summary>
    public string? Conditions { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public List<TravelQuestion> Questions { get; private set; } = [];
    public List<TravelCriterion> Criteria { get; private set; } = [];
    public List<TravelRate> Rates { get; private set; } = [];

    public Currencies.Currency Money => Currencies.Find(Currency)!;
    public long LeftMinor => BudgetMinor - CommittedMinor;

    private TravelFund() { }

    public static TravelFund Start(Workshop workshop, TravelFundDetails details, IEnumerable<QuestionDetails> questions,
        IEnumerable<CriterionDetails> criteria, DateTimeOffset now)
    {
        var fund = new TravelFund { WorkshopId = workshop.Id, CreatedAt = now };
        fund.Update(workshop, details, questions, criteria, now);
        fund.BudgetMinor = fund.Budget(details);
        return fund;
    }

    /// <summary>Changes everything but the budget, which the caller sets through the ledger (see <see cref="Budget"/>).</summary>
    public void Update(Workshop workshop, TravelFundDetails details, IEnumerable<QuestionDetails> questions, IEnumerable<CriterionDetails> criteria,
        DateTimeOffset now)
    {
        if (workshop.Id != WorkshopId) throw new ArgumentException("That is another workshop's fund.", nameof(workshop));
        var currency = Currencies.Find(details.Currency)
            ?? throw new DomainException(Tr.T("Choose the budget's currency from the list."), nameof(Currency));
        if (CommittedMinor > 0 && !string.Equals(currency.Code, Currency, StringComparison.Ordinal))
            throw new DomainException(Tr.T("Awards are already counted in {0}: the currency can no longer change.", Currency), nameof(Currency));
        var zone = WorkshopTime.Zone(workshop.TimeZoneId);
        var opens = LocalTimes.ToUtc(details.OpensLocal, zone, "opening", "OpensLocal");
        var closes = LocalTimes.ToUtc(details.ClosesLocal, zone, "closing", "ClosesLocal");
        if (closes <= opens) throw new DomainException(Tr.T("Applications must close after they open."), "ClosesLocal");
        var kinds = details.CostKinds.Distinct().Order().ToList();
        if (kinds.Count == 0) throw new DomainException(Tr.T("Choose at least one kind of cost the fund pays for."), nameof(CostKinds));
        if (details.Funder?.Trim().Length > MaxFunder) throw new DomainException(Tr.T("The funder can be at most {0} characters.", MaxFunder), nameof(Funder));
        if (details.Conditions?.Trim().Length > MaxConditions)
            throw new DomainException(Tr.T("The conditions can be at most {0:N0} characters.", MaxConditions), nameof(Conditions));
        var rates = CheckRates(details.Rates, currency);
        var questionList = questions.Where(q => !string.IsNullOrWhiteSpace(q.Text)).ToList();
        if (questionList.Any(q => q.Text.Trim().Length > QuestionDetails.MaxText))
            throw new DomainException(Tr.T("A question can be at most {0:N0} characters.", QuestionDetails.MaxText), nameof(Questions));
        var criterionList = criteria.Where(c => !string.IsNullOrWhiteSpace(c.Name)).ToList();
        CriterionDetails.Validate(criterionList);
        Budget(details);

        Offered = details.Offered;
        Currency = currency.Code;
        (OpensAt, ClosesAt, TimeZoneId) = (opens, closes, workshop.TimeZoneId);
        CostKinds = kinds;
        Funder = Blank(details.Funder);
        FunderProjectId = details.FunderProjectId;
        Conditions = Blank(details.Conditions);
        var language = workshop.Language;
        // Kept ids keep their rows, so answers and scores already given stay attached to the same question or criterion.
        Questions = Rows.Sync(Questions, questionList, q => q.Id, q => q.Id,
            (q, d, i) => (q.Text, q.Required, q.Position) = (d.Texts(language), d.Required, i),
            (d, i) => new TravelQuestion(d.Texts(language), d.Required, i));
        Criteria = Rows.Sync(Criteria, criterionList, c => c.Id, c => c.Id,
            (c, d, i) => (c.Name, c.Description, c.Weight, c.Position) = (d.Name.Trim(), Blank(d.Description), d.Weight, i),
            (d, i) => new TravelCriterion(d.Name.Trim(), Blank(d.Description), d.Weight, i));
        Rates = Rows.Sync(Rates, rates, r => r.Id, d => Rates.FirstOrDefault(r => r.Currency == d.Currency)?.Id,
            (r, d, _) => r.Rate = d.Rate!.Value, (d, _) => new TravelRate(d.Currency!, d.Rate!.Value));
        UpdatedAt = now;
    }

    /// <summary>The budget as given, in minor units; throws when it is missing, not positive or absurd.</summary>
    public long Budget(TravelFundDetails details)
    {
        var currency = Currencies.Find(details.Currency) ?? Money;
        if (details.Budget is not { } budget || budget <= 0)
            throw new DomainException(Tr.T("Give a budget of more than zero."), "Budget");
        if (budget > MaxBudget)
            throw new DomainException(Tr.T("A budget can be at most {0}.", Currencies.Format(Currencies.ToMinor(MaxBudget, currency)!.Value, currency.Code)), "Budget");
        if (decimal.Round(budget, currency.Decimals) != budget)
            throw new DomainException(Tr.T("Amounts in {0} have at most {1} decimals.", currency.Code, currency.Decimals), "Budget");
        return Currencies.ToMinor(budget, currency)!.Value;
    }

    private static List<RateDetails> CheckRates(IEnumerable<RateDetails> given, Currencies.Currency budget)
    {
        var rates = new List<RateDetails>();
        foreach (var rate in given.Where(r => !string.IsNullOrWhiteSpace(r.Currency) || r.Rate is not null))
        {
            var currency = Currencies.Find(rate.Currency)
                ?? throw new DomainException(Tr.T("Choose each rate's currency from the list."), nameof(Rates));
            if (currency.Code == budget.Code) continue;
            if (rate.Rate is not { } value || value <= 0 || value > TravelRate.MaxRate)
                throw new DomainException(Tr.T("Give the rate of {0} as the {1} that one {0} buys, more than zero.", currency.Code, budget.Code), nameof(Rates));
            if (rates.Any(r => r.Currency == currency.Code))
                throw new DomainException(Tr.T("{0} has two rates; keep one.", currency.Code), nameof(Rates));
            rates.Add(new RateDetails(currency.Code, value));
        }
        return rates;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    public bool IsOpen(DateTimeOffset now) => Offered && OpensAt <= now && now < ClosesAt;

    /// <summary>Throws, with a message for the applicant, unless they may apply or change their application now.</summary>
    public void EnsureOpen(DateTimeOffset now)
    {
        if (!Offered) throw new DomainException(Tr.T("This workshop does not offer travel support."));
        if (now < OpensAt) throw new DomainException(Tr.T("Applications for travel support open on {0}.", Local(OpensAt)));
        if (now >= ClosesAt) throw new DomainException(Tr.T("Applications for travel support closed on {0}.", Local(ClosesAt)));
    }

    public string Local(DateTimeOffset instant) => Formats.InZone(WorkshopTime.ToLocal(instant, WorkshopTime.Zone(TimeZoneId)), TimeZoneId);

    /// <summary>Whether amounts in <paramref name="currency"/> can be counted in the budget's: its own, or one the organisers gave a rate for.</summary>
    public bool Converts(string currency) => currency == Currency || Rates.Any(r => r.Currency == currency);

    /// <summary>An amount in another currency as the budget counts it, at the organisers' rate; null without a rate.</summary>
    public long? ToBudget(long minor, string currency)
    {
        if (currency == Currency) return minor;
        var rate = Rates.FirstOrDefault(r => r.Currency == currency);
        var from = Currencies.Find(currency);
        if (rate is null || from is null) return null;
        return Currencies.ToMinor(Currencies.FromMinor(minor, from) * rate.Rate, Money);
    }
}

/// <summary>The fund's settings as the organiser edits them; the window is wall-clock time in the workshop's zone.</summary>
public sealed record TravelFundDetails(bool Offered, string? Currency, decimal? Budget, DateTime OpensLocal, DateTime ClosesLocal,
    IReadOnlyList<CostKind> CostKinds, string? Funder, Guid? FunderProjectId, string? Conditions, IReadOnlyList<RateDetails> Rates);

/// <summary>One exchange rate as typed: one unit of <paramref name="Currency"/> buys <paramref name="Rate"/> of the budget's.</summary>
public sealed record RateDetails(string? Currency, decimal? Rate);

/// <summary>An exchange rate the organisers use to compare what people ask for in their own currencies.</summary>
public sealed class TravelRate
{
    public const decimal MaxRate = 1_000_000m;

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid FundId { get; private set; }
    public string Currency { get; private set; } = "";
    /// <summary>How much of the budget's currency one unit of <see cref="Currency"/> buys.</summary>
    public decimal Rate { get; internal set; }

    private TravelRate() { }

    internal TravelRate(string currency, decimal rate) => (Currency, Rate) = (currency, rate);
}

/// <summary>A question of the fund that applicants answer beyond their costs.</summary>
public sealed class TravelQuestion
{
    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid FundId { get; private set; }
    /// <summary>The question in the workshop's languages; written where a string is expected, it is the reader's.</summary>
    public LocalText Text { get; internal set; } = new("");
    public bool Required { get; internal set; }
    public int Position { get; internal set; }

    private TravelQuestion() { }

    internal TravelQuestion(LocalText text, bool required, int position) => (Text, Required, Position) = (text, required, position);
}

/// <summary>Something reviewers score applications on from 1 to 5, counted with its weight in the ranking.</summary>
public sealed class TravelCriterion
{
    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid FundId { get; private set; }
    [NotPersonal("a review criterion's name")] public string Name { get; internal set; } = "";
    public string? Description { get; internal set; }
    public int Weight { get; internal set; }
    public int Position { get; internal set; }

    private TravelCriterion() { }

    internal TravelCriterion(string name, string? description, int weight, int position) =>
        (Name, Description, Weight, Position) = (name, description, weight, position);
}
