using System.Globalization;
using Workshops.Core.Localization;

namespace Workshops.Core.Email.Editable;

/// <summary>Every email organisers may reword, area by area, and whether a wording is one of ours.</summary>
public static class EditableEmails
{
    public static readonly IReadOnlyList<EditableEmail> All =
        [.. ProposalEmails.All, .. RegistrationEmails.All, .. AgendaEmails.All, .. PackEmails.All, .. TravelEmails.All];

    public static EditableEmail? Find(string key) => All.FirstOrDefault(e => e.Key == key);

    /// <summary>Whether a body is one of ours, unedited, in English or in the current language: written by us, not by an organiser.</summary>
    public static bool IsBuiltIn(string body) =>
        All.Any(e => e.BodyText == body || Tr.Lookup(e.BodyText, CultureInfo.CurrentUICulture) == body);
}
