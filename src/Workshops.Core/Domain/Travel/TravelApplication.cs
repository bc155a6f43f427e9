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
        // The organisers have weighed it as it stands: a change now would be released unseen.
        if (Staged != TravelDecision.None) throw new DomainException(Tr.T("The organisers are deciding on your application: it can no longer be changed."));
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
        if (Status == TravelStatus.Awarded && IsSettling)
            throw new DomainException(Tr.T("The organisers have approved costs of this award against their receipts: it can no longer be withdrawn. Write to them."));
        if (next == TravelStatus.Awarded && Costs.Sum(c => c.StagedMinor ?? 0) <= 0)
            throw new DomainException(Tr.T("Give an amount for at least one cost before awarding it."));
        var change = StatusChange.Record(nameof(TravelApplication), Id, Status.ToString(), next.ToString(), byUserId, at);
        if (next == TravelStatus.Reserve) ReservedAt = at;
        foreach (var cost in Costs)
        {
            // An award takes the amounts staged (or offered on the reserve list); the reserve list keeps them as its offer.
            if (next == TravelStatus.Awarded) (cost.AwardedMinor, cost.StagedMinor) = (cost.StagedMinor ?? 0, null);
            else if (next != TravelStatus.Reserve && Status != TravelStatus.Awarded) cost.StagedMinor = null;
        }
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

    /// <summary>An award being settled: a cost approved against its receipts, or paid. It stays an award, whatever happens to the registration.</summary>
    public bool IsSettling => Costs.Any(c => c.ApprovedMinor is not null || c.PaidOn is not null);

    /// <summary>Organisers, or the retention job, erase the answers of a decided application; its amounts stay.</summary>
    public int ForgetAnswers(DateTimeOffset now)
    {
        var count = Answers.Count;
        Answers.Clear();
        if (count > 0) UpdatedAt = now;
        return count;
    }

    /// <summary>What the award holds of the budget now, in its minor units: each cost's approved amount once approved, its award before; nothing unless awarded.</summary>
    public long HeldMinor => Status == TravelStatus.Awarded ? Costs.Sum(c => c.ApprovedMinor ?? c.AwardedMinor ?? 0) : 0;

    /// <summary>What was awarded, in the budget's minor units, whether or not it still holds.</summary>
    public long AwardedMinor => Costs.Sum(c => c.AwardedMinor ?? 0);

    /// <summary>The award staged, or offered on the reserve list, in the budget's minor units.</summary>
    public long StagedMinor => Costs.Sum(c => c.StagedMinor ?? 0);

    /// <summary>
    /// An organiser stages a decision to release later with others. An award, or a place on the reserve list, names
    /// the amount for each cost in the budget's currency: never below zero nor above what was asked for.
    /// </summary>
    public void Stage(TravelDecision decision, IReadOnlyDictionary<CostKind, long>? amounts, TravelFund fund, DateTimeOffset now)
    {
        if (decision != TravelDecision.None && !TravelStatuses.CanMove(Status, decision.Target()))
            throw new DomainException(Tr.T("An application {0} cannot become {1}.", Status.Label(), decision.Target().Label()));
        if (decision is TravelDecision.Award or TravelDecision.Reserve)
        {
            // Without a rate nothing says whether an award is more than was asked for.
            if (!fund.Converts(Currency))
                throw new DomainException(Tr.T("Give the exchange rate of {0} in the settings before awarding this application.", Currency));
            var checks = new List<Action>();
            var given = new Dictionary<TravelCost, long>();
            foreach (var cost in Costs)
                checks.Add(() =>
                {
                    var amount = amounts?.GetValueOrDefault(cost.Kind) ?? 0;
                    if (amount < 0) throw new DomainException(Tr.T("An award for “{0}” cannot be below zero.", cost.Kind.Label()), AwardField(cost.Kind));
                    if (fund.ToBudget(cost.RequestedMinor, Currency) is { } asked && amount > asked)
                        throw new DomainException(Tr.T("The award for “{0}” is more than was asked for ({1}).", cost.Kind.Label(), Currencies.Format(asked, fund.Currency)),
                            AwardField(cost.Kind));
                    given[cost] = amount;
                });
            DomainException.ThrowAll(checks);
            if (given.Values.Sum() <= 0)
                throw new DomainException(Tr.T("Give an amount for at least one cost, or stage “not funded”."), AwardField(Costs.FirstOrDefault()?.Kind ?? CostKind.Travel));
            foreach (var (cost, amount) in given) cost.StagedMinor = amount;
        }
        // Unstaging a reserve place keeps its offer; anything else unstaged forgets the amounts.
        else if (Status != TravelStatus.Reserve) foreach (var cost in Costs) cost.StagedMinor = null;
        Staged = decision;
        UpdatedAt = now;
    }

    /// <summary>
    /// An organiser approves a cost against its receipts: the award, or less (adjusted). Returns how much more (or,
    /// below zero, less) the award now holds of the budget; the caller moves the ledger by as much, in the same transaction.
    /// </summary>
    public long Approve(CostKind kind, long amount, DateTimeOffset now)
    {
        var cost = AwardedCost(kind);
        if (cost.PaidOn is not null) throw new DomainException(Tr.T("“{0}” is already paid; its amount can no longer change.", kind.Label()), ApproveField(kind));
        if (amount < 0) throw new DomainException(Tr.T("An award for “{0}” cannot be below zero.", kind.Label()), ApproveField(kind));
        if (amount > cost.AwardedMinor)
            throw new DomainException(Tr.T("The amount approved for “{0}” cannot be more than was awarded.", kind.Label()), ApproveField(kind));
        var before = HeldMinor;
        (cost.ApprovedMinor, cost.ApprovedAt) = (amount, now);
        UpdatedAt = now;
        return HeldMinor - before;
    }

    /// <summary>The approved amount of a cost was paid, on a day, with the transfer's reference.</summary>
    public void MarkPaid(CostKind kind, DateOnly paidOn, string? reference, DateTimeOffset now)
    {
        var cost = AwardedCost(kind);
        if (cost.ApprovedMinor is null) throw new DomainException(Tr.T("Approve “{0}” before marking it paid.", kind.Label()), PaidField(kind));
        if (reference?.Trim().Length > TravelCost.MaxReference)
            throw new DomainException(Tr.T("A payment reference can be at most {0} characters.", TravelCost.MaxReference), PaidField(kind));
        (cost.PaidOn, cost.PaymentReference) = (paidOn, string.IsNullOrWhiteSpace(reference) ? null : reference.Trim());
        UpdatedAt = now;
    }

    private TravelCost AwardedCost(CostKind kind)
    {
        if (Status != TravelStatus.Awarded) throw new DomainException(Tr.T("Only an award is approved and paid; this application is {0}.", Status.Label()));
        return Costs.FirstOrDefault(c => c.Kind == kind && c.AwardedMinor > 0)
            ?? throw new DomainException(Tr.T("Nothing was awarded for “{0}”.", kind.Label()));
    }

    public static string ApproveField(CostKind kind) => $"Approve[{kind}]";
    public static string PaidField(CostKind kind) => $"Paid[{kind}]";

    /// <summary>The form field an award's problem is shown beside: "Award[Travel]".</summary>
    public static string AwardField(CostKind kind) => $"Award[{kind}]";

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

public static class Genders
{
    /// <summary>The answer as the form offers it; no answer is "I prefer not to say".</summary>
    public static string Label(this Gender? gender) => gender switch
    {
        Gender.Woman => Tr.T("Woman"),
        Gender.Man => Tr.T("Man"),
        Gender.Other => Tr.T("In another way"),
        _ => Tr.T("I prefer not to say"),
    };
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
    /// <summary>
    /// The award an organiser proposes, in the budget's minor units: staged, nobody sees it until release; on the
    /// reserve list, what is awarded when money comes back.
    /// </summary>
    public long? StagedMinor { get; internal set; }
    /// <summary>The released award, in the budget's minor units; what the ledger holds for this cost until it is approved.</summary>
    public long? AwardedMinor { get; internal set; }
    /// <summary>What the organisers approved against the receipts: the award, or less; the ledger then holds this.</summary>
    public long? ApprovedMinor { get; internal set; }
    public DateTimeOffset? ApprovedAt { get; internal set; }
    /// <summary>When the approved amount was paid, and the transfer's reference, as the finance team gives them.</summary>
    public DateOnly? PaidOn { get; internal set; }
    [NotPersonal("a bank transfer's reference")] public string? PaymentReference { get; internal set; }

    public const int MaxReference = 100;

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
