namespace Workshops.Core.Email.Editable;

/// <summary>
/// The emails an organiser may send when publishing a version of the agenda: one to each speaker whose slot
/// changed, one to each admitted participant. Placeholders as in <see cref="EditableEmails"/>.
/// </summary>
public static class AgendaEmails
{
    private static readonly Dictionary<string, string> Common = new()
    {
        ["name"] = "Ana Souza",
        ["workshop_title"] = "Living Atlases Workshop 2027, Madrid",
        ["workshop_dates"] = "8 to 12 March 2027",
        ["version"] = "v2",
        ["agenda_link"] = "https://workshops.example.org/workshops/2027-madrid/agenda",
        ["changes_link"] = "https://workshops.example.org/workshops/2027-madrid/agenda/changes",
        ["note"] = "The social dinner moves to Thursday because of the venue.",
        ["site_name"] = "Workshops",
    };

    public static readonly EditableEmail SpeakerSlotChanged = new(
        "agenda-speaker-changed",
        "Agenda: your session changed",
        "when an organiser publishes a version of the agenda and chooses to tell speakers, to each speaker of a session that was added, moved, retimed or renamed",
        "Your session in the {{ workshop_title }} agenda ({{ version }})",
        """
        Hello {{ name }},

        The organisers published version {{ version }} of the agenda of **{{ workshop_title }}**, and it changes your sessions:

        {{ your_changes }}

        {{ note }}

        Your session's page: {{ session_link }}

        The whole agenda: {{ agenda_link }}
        """,
        With(new()
        {
            ["your_changes"] = "New time: “Publishing sampling-event data with the IPT” from Tue 9 Mar 11:00–11:30 to Wed 10 Mar 09:00–09:30.",
            ["session_link"] = "https://workshops.example.org/workshops/2027-madrid/agenda/4f1c",
        }));

    public static readonly EditableEmail Published = new(
        "agenda-published",
        "Agenda: a new version",
        "when an organiser publishes a version of the agenda and chooses to tell participants, to each admitted participant",
        "The {{ workshop_title }} agenda: {{ version }}",
        """
        Hello {{ name }},

        The organisers published version {{ version }} of the agenda of **{{ workshop_title }}**.

        {{ note }}

        {{ changes }}

        The agenda, which you can add to your calendar: {{ agenda_link }}

        Every change so far: {{ changes_link }}
        """,
        With(new() { ["changes"] = "Moved: “Biocache in practice” from Sala 1 to Aula Magna.\n\nAdded: “Social dinner”, Thu 11 Mar 20:00–23:00 in Casa de Campo." }));

    public static readonly IReadOnlyList<EditableEmail> All = [SpeakerSlotChanged, Published];

    private static Dictionary<string, string> With(Dictionary<string, string> extra)
    {
        foreach (var (k, v) in Common) extra.TryAdd(k, v);
        return extra;
    }
}
