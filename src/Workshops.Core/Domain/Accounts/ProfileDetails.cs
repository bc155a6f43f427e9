using Workshops.Core.Domain.Common;

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
            problems.Add((nameof(DisplayName), $"Give your name: 2 to {AppUser.MaxDisplayName} characters."));
        if (Institution?.Trim().Length > AppUser.MaxInstitution)
            problems.Add((nameof(Institution), $"Your institution can be at most {AppUser.MaxInstitution} characters."));
        if (!string.IsNullOrWhiteSpace(Country) && Countries.Find(Country) is null)
            problems.Add((nameof(Country), "Choose your country from the list."));
        return problems;
    }
}
