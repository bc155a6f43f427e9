using Microsoft.AspNetCore.Identity;
using Workshops.Core.Domain.Common;
using Workshops.Core.Domain.Registrations;
using Workshops.Core.Localization;
using Workshops.Core.Privacy;

namespace Workshops.Core.Domain.Travel;

/// <summary>
/// One participant's request for travel support, tied to their registration: what each cost comes to in their own
/// currency, the least they could come with, and their answers. Only <see cref="MoveTo"/> changes the status.
/// </summary>
public sealed class TravelApplication
{
    public const int MaxInstitutionShare = 500;

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid FundId { get; private set; }
    public Guid WorkshopId { get; private set; }
    /// <summary>One application per registration.</summary>
    public Guid RegistrationId { get; private set; }
    [PersonalData] public string ApplicantId { get; private set; } = "";
    /// <summary>The currency the applicant gives their costs in.</summary>
    public string Currency { get; private set; } = "EUR";
    [PersonalData] public bool InstitutionPays { get; private set; }
    /// <summary>What the applicant's institution pays, in their words ("the visa and half the flight").</summary>
    [PersonalData] public string? InstitutionShare { get; private set; }
    /// <summary>Asked only for the funder's counts, and only kept when the person chose to answer.</summary>
    [PersonalData] public Gender? Gender { get; private set; }
    public TravelStatus Status { get; private set; }
    /// <summary>What an organiser has staged; nothing changes, and nobody is told, until decisions are released.</summary>
    public TravelDecision Staged { get; private set; }
    /// <summary>Where the application stands on the reserve list: the time it joined it.</summary>
    public DateTimeOffset? ReservedAt { get; private set; }
    /// <summary>The language the applicant reads: their emails and award letter are written in it.</summary>
    public string Language { get; private set; } = "en";
    public DateTimeOffset? SubmittedAt { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public List<TravelCost> Costs { get; private set; } = [];
    public List<TravelAnswer> Answers { get; private set; } = [];

    private TravelApplication() { }

    /// <summary>A new draft for a registration; the applicant submits it when it is complete.</summary>
    public static TravelApplication Start(TravelFund fund, Registration registration, TravelRequest request,
        IReadOnlyDictionary<Guid, string?> answers, DateTimeOffset now, string language)
    {
        if (registration.WorkshopId != fund.WorkshopId) throw new ArgumentException("That is another workshop's registration.", nameof(registration));
        if (registration.IsErased || registration.Status is RegistrationStatus.Cancelled or RegistrationStatus.Declined)
            throw new DomainException(Tr.T("Travel support is for registered participants: this registration is {0}.", registration.Status.Label()));
        fund.EnsureOpen(now);
        var application = new TravelApplication
        {
            FundId = fund.Id,
            WorkshopId = fund.WorkshopId,
            RegistrationId = registration.Id,
            ApplicantId = registration.UserId,
            Status = TravelStatus.Draft,
            Language = language,
            CreatedAt = now,
        };
        application.Set(fund, request, answers, now);
        return application;
    }

    /// <summary>The history's first entry: a draft, by the applicant.</summary>
    public StatusChange Created() => StatusChange.Record(nameof(TravelApplication), Id, "", nameof(TravelStatus.Draft), ApplicantId, CreatedAt);

    /// <summary>The applicant changes their costs and answers, until the deadline and while no decision is made.</summary>
    public void Edit(TravelFund fund, TravelRequest request, IReadOnlyDictionary<Guid, string?> answers, DateTimeOffset now, string language)
    {
        if (!TravelStatuses.IsEditable(Status)) throw new DomainException(Tr.T("An application {0} can no longer be changed.", Status.Label()));
        fund.EnsureOpen(now);
        Language = language;
        Set(fund, request, answers, now);
        // A submitted application stays complete: what a reviewer may already have read cannot lose a required part.
        if (Status == TravelStatus.Submitted) EnsureComplete(fund);
    }

    /// <summary>Sends the draft to the reviewers; refused, naming what is missing, until it is complete.</summary>
    public StatusChange Submit(TravelFund fund, DateTimeOffset now)
    {
        fund.EnsureOpen(now);
        EnsureComplete(fund);
        SubmittedAt = now;
        return MoveTo(TravelStatus.Submitted, ApplicantId, now);
    }

    /// <summary>
    /// The one way an application changes status. A move away from <see cref="TravelStatus.Awarded"/> gives the award
    /// back: the caller does it through the ledger in the same transaction, stores the entry and queues the email.
    /// </summary>
    public StatusChange MoveTo(TravelStatus next, string? byUserId, DateTimeOffset at)
    {
        if (!TravelStatuses.CanMove(Status, next))
            throw new DomainException(Tr.T("An application {0} cannot become {1}.", Status.Label(), next.Label()));
        var change = StatusChange.Record(nameof(TravelApplication), Id, Status.ToString(), next.ToString(), byUserId, at);
        if (next == TravelStatus.Reserve) ReservedAt = at;
        Staged = TravelDecision.None;
        Status = next;
        UpdatedAt = at;
        return change;
    }

    /// <summary>
    /// The applicant's account is deleted: the amounts, kinds, country (on the registration) and status stay for the
    /// fund's accounts and the funder's counts; who it was, why and their answers go.
    /// </summary>
    public void Erase(DateTimeOffset now)
    {
        ApplicantId = "";
        InstitutionPays = false;
        InstitutionShare = null;
        Gender = null;
        foreach (var cost in Costs) cost.Justification = null;
        Answers.Clear();
        UpdatedAt = now;
    }

    public bool IsErased => ApplicantId.Length == 0;

    /// <summary>What the awards of every cost hold of the budget, in its minor units.</summary>
    public long AwardedMinor => Costs.Sum(c => c.AwardedMinor ?? 0);

    private void EnsureComplete(TravelFund fund)
    {
        var checks = new List<Action>
        {
            () => { if (Costs.Count == 0) throw new DomainException(Tr.T("Give the amount of at least one cost."), nameof(Costs)); },
        };
        foreach (var cost in Costs)
            checks.Add(() =>
            {
                if (cost.Justification is null)
                    throw new DomainException(Tr.T("Say why you need “{0}”.", cost.Kind.Label()), CostField(cost.Kind, nameof(cost.Justification)));
            });
        foreach (var question in fund.Questions.Where(q => q.Required))
            checks.Add(() =>
            {
                if (Answers.All(a => a.QuestionId != question.Id)) throw new DomainException(Tr.T("Answer “{0}”.", question.Text), question.Id.ToString());
            });
        DomainException.ThrowAll(checks);
    }

    /// <summary>The form field a cost's problem is shown beside: "Costs[Travel].Amount".</summary>
    public static string CostField(CostKind kind, string field) => $"{nameof(Costs)}[{kind}].{field}";

    private void Set(TravelFund fund, TravelRequest request, IReadOnlyDictionary<Guid, string?> answers, DateTimeOffset now)
    {
        var currency = Currencies.Find(request.Currency)
            ?? throw new DomainException(Tr.T("Choose your currency from the list."), nameof(Currency));
        var costs = new List<(CostKind Kind, long Amount, long Minimum, string? Justification)>();
        var checks = new List<Action>();
        foreach (var cost in request.Costs)
            checks.Add(() => { if (Check(fund, currency, cost) is { } checkedCost) costs.Add(checkedCost); });
        checks.Add(() =>
        {
            if (request.InstitutionShare?.Trim().Length > MaxInstitutionShare)
                throw new DomainException(Tr.T("Say what your institution pays in at most {0} characters.", MaxInstitutionShare), nameof(InstitutionShare));
        });
        var given = new List<(Guid Question, string Value)>();
        foreach (var question in fund.Questions)
            checks.Add(() =>
            {
                var value = answers.GetValueOrDefault(question.Id)?.Trim();
                if (string.IsNullOrEmpty(value)) return;
                if (value.Length > TravelAnswer.MaxValue)
                    throw new DomainException(Tr.T("The answer to “{0}” can be at most {1:N0} characters.", question.Text, TravelAnswer.MaxValue), question.Id.ToString());
                given.Add((question.Id, value));
            });
        DomainException.ThrowAll(checks);

        Currency = currency.Code;
        InstitutionPays = request.InstitutionPays;
        InstitutionShare = request.InstitutionPays && !string.IsNullOrWhiteSpace(request.InstitutionShare) ? request.InstitutionShare.Trim() : null;
        Gender = request.Gender;
        // Matched by kind, so a cost keeps its row (and what hangs on it) from one save to the next.
        Costs = Rows.Sync(Costs, costs, c => c.Id, d => Costs.FirstOrDefault(c => c.Kind == d.Kind)?.Id,
            (c, d, _) => (c.RequestedMinor, c.MinimumMinor, c.Justification) = (d.Amount, d.Minimum, d.Justification),
            (d, _) => new TravelCost(Id, d.Kind, d.Amount, d.Minimum, d.Justification));
        Answers = Rows.Sync(Answers, given, a => a.Id, d => Answers.FirstOrDefault(a => a.QuestionId == d.Question)?.Id,
            (a, d, _) => a.Value = d.Value, (d, _) => new TravelAnswer(Id, d.Question, d.Value));
        UpdatedAt = now;
    }

    /// <summary>The cost in minor units, or null for a row left empty; throws naming the field that is wrong.</summary>
    private static (CostKind, long, long, string?)? Check(TravelFund fund, Currencies.Currency currency, CostRequest cost)
    {
        var justification = string.IsNullOrWhiteSpace(cost.Justification) ? null : cost.Justification.Trim();
        if (cost.Amount is null)
        {
            if (cost.Minimum is null && justification is null) return null;
            throw new DomainException(Tr.T("Give the amount you ask for “{0}”.", cost.Kind.Label()), CostField(cost.Kind, "Amount"));
        }
        if (!fund.CostKinds.Contains(cost.Kind))
            // Only a hand-made post asks for a kind the form does not show: said above the form, where it is seen.
            throw new DomainException(Tr.T("This fund does not pay for “{0}”.", cost.Kind.Label()));
        var amount = Minor(cost.Amount.Value, currency, cost.Kind, "Amount");
        var minimum = cost.Minimum is { } m ? Minor(m, currency, cost.Kind, "Minimum", zeroAllowed: true) : amount;
        if (minimum > amount)
            throw new DomainException(Tr.T("The least you could come with for “{0}” cannot be more than you ask for.", cost.Kind.Label()), CostField(cost.Kind, "Minimum"));
        if (justification?.Length > TravelCost.MaxJustification)
            throw new DomainException(Tr.T("Say why you need “{0}” in at most {1:N0} characters.", cost.Kind.Label(), TravelCost.MaxJustification), CostField(cost.Kind, "Justification"));
        // A cost larger than the whole budget is a slip of the keyboard (a few zeros too many), not a request.
        if (fund.ToBudget(amount, currency.Code) is { } inBudget && inBudget > fund.BudgetMinor)
            throw new DomainException(Tr.T("{0} for “{1}” is more than the whole budget ({2}). Check the amount and the currency.",
                Currencies.Format(amount, currency.Code), cost.Kind.Label(), Currencies.Format(fund.BudgetMinor, fund.Currency)), CostField(cost.Kind, "Amount"));
        return (cost.Kind, amount, minimum, justification);
    }

    private static long Minor(decimal value, Currencies.Currency currency, CostKind kind, string field, bool zeroAllowed = false)
    {
        if (value < 0 || value == 0 && !zeroAllowed)
            throw new DomainException(Tr.T("The amount for “{0}” must be more than zero.", kind.Label()), CostField(kind, field));
        if (value > TravelCost.MaxAmount)
            throw new DomainException(Tr.T("The amount for “{0}” is too large. Check it.", kind.Label()), CostField(kind, field));
        if (decimal.Round(value, currency.Decimals) != value)
            throw new DomainException(Tr.T("Amounts in {0} have at most {1} decimals.", currency.Code, currency.Decimals), CostField(kind, field));
        return Currencies.ToMinor(value, currency)!.Value;
    }
}

/// <summary>The application as the applicant fills it in; amounts are in <paramref name="Currency"/>.</summary>
public sealed record TravelRequest(string? Currency, IReadOnlyList<CostRequest> Costs, bool InstitutionPays, string? InstitutionShare, Gender? Gender);

/// <summary>One cost as typed; a row left empty asks for nothing.</summary>
public sealed record CostRequest(CostKind Kind, decimal? Amount, decimal? Minimum, string? Justification);

/// <summary>Asked only for the funder's report; not answering is a choice the counts respect.</summary>
public enum Gender
{
    Woman,
    Man,
    Other,
}

/// <summary>One cost of an application: asked for in the applicant's currency; awarded, approved and paid in the budget's.</summary>
public sealed class TravelCost
{
    public const int MaxJustification = 2000;
    /// <summary>In major units of any currency: more is a typing mistake.</summary>
    public const decimal MaxAmount = 1_000_000_000m;

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid ApplicationId { get; private set; }
    public CostKind Kind { get; private set; }
    public long RequestedMinor { get; internal set; }
    /// <summary>The least the applicant could come with, for this cost.</summary>
    public long MinimumMinor { get; internal set; }
    [PersonalData] public string? Justification { get; internal set; }
    /// <summary>The award an organiser has staged, in the budget's minor units; nobody sees it until release.</summary>
    public long? StagedMinor { get; internal set; }
    /// <summary>The released award, in the budget's minor units; what the ledger holds for this cost.</summary>
    public long? AwardedMinor { get; internal set; }

    private TravelCost() { }

    internal TravelCost(Guid applicationId, CostKind kind, long requested, long minimum, string? justification) =>
        (ApplicationId, Kind, RequestedMinor, MinimumMinor, Justification) = (applicationId, kind, requested, minimum, justification);
}

public sealed class TravelAnswer
{
    public const int MaxValue = 5000;

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid ApplicationId { get; private set; }
    public Guid QuestionId { get; private set; }
    [PersonalData] public string Value { get; internal set; } = "";

    private TravelAnswer() { }

    internal TravelAnswer(Guid applicationId, Guid questionId, string value) => (ApplicationId, QuestionId, Value) = (applicationId, questionId, value);
}
