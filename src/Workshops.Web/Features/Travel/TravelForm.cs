using Workshops.Core.Text;
using System.ComponentModel.DataAnnotations;
using Workshops.Core.Domain.Common;
using Workshops.Core.Domain.Travel;

namespace Workshops.Web.Features.Travel;

/// <summary>A travel support application as posted: one row per kind of cost the fund pays for, amounts as text.</summary>
public sealed class TravelForm
{
    /// <summary>The application's version when the form was drawn (see Versions); empty for a new one.</summary>
    public long? Version { get; set; }

    [Required(ErrorMessage = "Choose your currency from the list.")]
    public string? Currency { get; set; }

    /// <summary>By kind, so a problem the domain names ("Costs[Travel].Amount") lands beside its field.</summary>
    public Dictionary<CostKind, CostForm> Costs { get; set; } = [];

    public bool InstitutionPays { get; set; }

    [StringLength(TravelApplication.MaxInstitutionShare, ErrorMessage = "Say what your institution pays in at most {1} characters.")]
    public string? InstitutionShare { get; set; }

    /// <summary>Empty when the person chose not to answer.</summary>
    public Gender? Gender { get; set; }

    public Dictionary<Guid, string?> Answers { get; set; } = [];

    /// <summary>What the domain takes; throws, naming the field, when an amount is not a number.</summary>
    public TravelRequest ToRequest()
    {
        var costs = new List<CostRequest>();
        var checks = new List<Action>();
        foreach (var (kind, cost) in Costs)
            checks.Add(() =>
            {
                if (!Amounts.TryRead(cost.Amount, out var amount))
                    throw new DomainException(Tr.T("Write the amount for “{0}” as a number, like 450 or 450.50.", kind.Label()), TravelApplication.CostField(kind, "Amount"));
                if (!Amounts.TryRead(cost.Minimum, out var minimum))
                    throw new DomainException(Tr.T("Write the amount for “{0}” as a number, like 450 or 450.50.", kind.Label()), TravelApplication.CostField(kind, "Minimum"));
                costs.Add(new CostRequest(kind, amount, minimum, cost.Justification));
            });
        DomainException.ThrowAll(checks);
        return new TravelRequest(Currency, costs, InstitutionPays, InstitutionShare, Gender);
    }

    /// <summary>An empty row for each kind the fund pays for, and the currency of the applicant's country when the site knows it.</summary>
    public TravelForm For(TravelFund fund, string? country)
    {
        foreach (var kind in fund.CostKinds.Where(k => !Costs.ContainsKey(k))) Costs[kind] = new CostForm();
        Currency ??= Currencies.ForCountry(country) ?? fund.Currency;
        return this;
    }

    public static TravelForm From(TravelApplication a) => new()
    {
        Version = Core.Data.Versions.Of(a.UpdatedAt),
        Currency = a.Currency,
        Costs = a.Costs.ToDictionary(c => c.Kind, c => new CostForm
        {
            Amount = Amounts.Write(Currencies.FromMinor(c.RequestedMinor, Currencies.Find(a.Currency)!)),
            Minimum = Amounts.Write(Currencies.FromMinor(c.MinimumMinor, Currencies.Find(a.Currency)!)),
            Justification = c.Justification,
        }),
        InstitutionPays = a.InstitutionPays,
        InstitutionShare = a.InstitutionShare,
        Gender = a.Gender,
        Answers = a.Answers.ToDictionary(x => x.QuestionId, x => (string?)x.Value),
    };
}

public sealed class CostForm
{
    [StringLength(30, ErrorMessage = "Write each amount as a number, like 450 or 450.50.")]
    public string? Amount { get; set; }

    [StringLength(30, ErrorMessage = "Write each amount as a number, like 450 or 450.50.")]
    public string? Minimum { get; set; }

    [StringLength(TravelCost.MaxJustification, ErrorMessage = "Say why in at most {1:N0} characters.")]
    public string? Justification { get; set; }
}
