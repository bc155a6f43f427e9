using Workshops.Core.Localization;

namespace Workshops.Core.Domain.Accounts;

/// <summary>
/// What an API token may do, each scope named as clients write it. A token holds the scopes its owner chose, and a
/// scope works only while the owner still has the role it needs: a token never outlives a role taken away.
/// </summary>
public static class ApiScopes
{
    public const string AccountRead = "account:read";
    public const string ProposalsWrite = "proposals:write";
    public const string RegistrationsOwn = "registrations:own";
    public const string RegistrationsRead = "registrations:read";
    public const string RegistrationsWrite = "registrations:write";
    public const string AgendaWrite = "agenda:write";
    public const string MaterialsWrite = "materials:write";
    public const string GrantsRead = "grants:read";

    public static readonly IReadOnlyList<string> All = [AccountRead, ProposalsWrite, RegistrationsOwn, RegistrationsRead, RegistrationsWrite, AgendaWrite, MaterialsWrite, GrantsRead];

    /// <summary>The scopes that act for organisers on a workshop, and can be limited to some workshops.</summary>
    public static readonly IReadOnlyList<string> Organising = [RegistrationsRead, RegistrationsWrite, AgendaWrite, MaterialsWrite, GrantsRead];

    public static bool IsKnown(string scope) => All.Contains(scope);

    /// <summary>Whether someone with these roles may hold and use the scope.</summary>
    public static bool Allowed(string scope, IEnumerable<string> roles) =>
        scope is AccountRead or ProposalsWrite or RegistrationsOwn || Organising.Contains(scope) && roles.Any(r => r is Roles.Organiser or Roles.Admin);

    public static string Describe(string scope) => scope switch
    {
        AccountRead => Tr.T("Read your account, your registrations and your proposals."),
        ProposalsWrite => Tr.T("Submit proposals to calls in your name."),
        RegistrationsOwn => Tr.T("Register for workshops in your name."),
        RegistrationsRead => Tr.T("Read and export the registrations of workshops."),
        RegistrationsWrite => Tr.T("Admit, waitlist and decline registrations."),
        AgendaWrite => Tr.T("Create and move agenda items."),
        MaterialsWrite => Tr.T("Upload materials."),
        GrantsRead => Tr.T("Read travel support applications and awards."),
        _ => scope,
    };
}
