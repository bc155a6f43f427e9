using Workshops.Core.Localization;

namespace Workshops.Core.Domain.Accounts;

public static class Roles
{
    public const string Admin = "Admin";
    public const string Organiser = "Organiser";
    public const string Reviewer = "Reviewer";
    public const string Member = "Member";

    /// <summary>Organisers run workshops; admins may do everything an organiser may.</summary>
    public const string OrganiserOrAdmin = Organiser + "," + Admin;

    public static readonly IReadOnlyList<string> All = [Admin, Organiser, Reviewer, Member];

    public static string Describe(string role) => role switch
    {
        Admin => Tr.T("Manages users, roles, settings and jobs"),
        Organiser => Tr.T("Creates and runs workshops"),
        Reviewer => Tr.T("Scores proposals"),
        Member => Tr.T("Proposes, registers and downloads"),
        _ => role,
    };
}
