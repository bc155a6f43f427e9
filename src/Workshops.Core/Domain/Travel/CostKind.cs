using Workshops.Core.Localization;

namespace Workshops.Core.Domain.Travel;

/// <summary>What travel support may pay for; organisers choose which kinds a workshop's fund offers.</summary>
public enum CostKind
{
    Travel,
    Lodging,
    Visa,
    DailyAllowance,
    RegistrationFee,
    Other,
}

public static class CostKinds
{
    public static string Label(this CostKind kind) => kind switch
    {
        CostKind.Travel => Tr.T("Travel (flights, trains, buses)"),
        CostKind.Lodging => Tr.T("Lodging"),
        CostKind.Visa => Tr.T("Visa"),
        CostKind.DailyAllowance => Tr.T("Daily allowance"),
        CostKind.RegistrationFee => Tr.T("Registration fee"),
        _ => Tr.T("cost|Other"),
    };

    /// <summary>The kind in a word or two, for table headings and charts.</summary>
    public static string Short(this CostKind kind) => kind switch
    {
        CostKind.Travel => Tr.T("cost|Travel"),
        _ => kind.Label(),
    };
}
