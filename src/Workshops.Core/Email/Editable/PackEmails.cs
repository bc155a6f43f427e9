namespace Workshops.Core.Email.Editable;

/// <summary>The email an admitted participant gets when their attendee pack is first ready. Placeholders as in <see cref="EditableEmails"/>.</summary>
public static class PackEmails
{
    public static readonly EditableEmail Ready = new(
        "pack-ready",
        "Attendee pack ready",
        "when an admitted participant's personal attendee pack (PDF) is built for the first time",
        "Your attendee pack for {{ workshop_title }}",
        """
        Hello {{ name }},

        Your personal attendee pack for **{{ workshop_title }}** ({{ workshop_dates }}) is ready: your check-in QR code, the agenda of your track and the full programme, practical information and the list of participants.

        Download it from your registration page: {{ pack_link }}

        When the organisers publish a new version of the agenda, your pack is made again; the latest one is always on that page.
        """,
        new Dictionary<string, string>
        {
            ["name"] = "Ana Souza",
            ["workshop_title"] = "Living Atlases Workshop 2027, Madrid",
            ["workshop_dates"] = "8 to 12 March 2027",
            ["pack_link"] = "https://workshops.example.org/registrations/link/q3L…",
            ["site_name"] = "Workshops",
        });

    public static readonly IReadOnlyList<EditableEmail> All = [Ready];
}
