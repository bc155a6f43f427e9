using Workshops.Core.Domain.Common;
using Workshops.Core.Localization;

namespace Workshops.Core.Domain.Accounts;

/// <summary>What a person says about themselves on their account page; it fills their registration forms in.</summary>
public sealed record ProfileDetails(string? DisplayName, string? Institution, string? Country)
{
    /// <summary>Every problem at once, each with its field, so the form shows them together.</summary>
    public IReadOnlyList<(string Field, string Message)> Problems()
    {
        var problems = new List<(string, string)>();
        var name = DisplayName?.Trim() ?? "";
        if (name.Length is < 2 or > AppUser.MaxDisplayName)
            problems.Add((nameof(DisplayName), Tr.T("Give your name: 2 to {0} characters.", AppUser.MaxDisplayName)));
        if (Institution?.Trim().Length > AppUser.MaxInstitution)
            problems.Add((nameof(Institution), Tr.T("Your institution can be at most {0} characters.", AppUser.MaxInstitution)));
        if (!string.IsNullOrWhiteSpace(Country) && Countries.Find(Country) is null)
            problems.Add((nameof(Country), Tr.T("Choose your country from the list.")));
        return problems;
    }
}
