namespace Workshops.Core.Email.Editable;

/// <summary>Every email organisers may reword, area by area, and whether a wording is one of ours.</summary>
public static class EditableEmails
{
    public static readonly IReadOnlyList<EditableEmail> All =
        [.. ProposalEmails.All, .. RegistrationEmails.All, .. AgendaEmails.All, .. PackEmails.All];

    public static EditableEmail? Find(string key) => All.FirstOrDefault(e => e.Key == key);

    private static readonly HashSet<string> BuiltInBodies = All.Select(e => e.DefaultBody).ToHashSet(StringComparer.Ordinal);

    /// <summary>Whether a body is one of ours, unedited: written by us, not by an organiser.</summary>
    public static bool IsBuiltIn(string body) => BuiltInBodies.Contains(body);
}
