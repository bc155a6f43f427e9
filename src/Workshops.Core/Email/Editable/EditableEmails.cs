namespace Workshops.Core.Email.Editable;

/// <summary>One email organisers may reword: when it is sent, its built-in wording and the placeholders it offers.</summary>
public sealed record EditableEmail(string Key, string Name, string SentWhen, string DefaultSubject, string DefaultBody,
    IReadOnlyDictionary<string, string> Placeholders);

/// <summary>
/// The emails of the proposal flow, for workshop and session proposals alike. Placeholders are Liquid ({{ proposal_title }}); the body is Markdown. The sample
/// values are what the preview shows.
/// </summary>
public static class EditableEmails
{
    private static readonly Dictionary<string, string> Common = new()
    {
        ["name"] = "Ana Souza",
        ["proposal_title"] = "Bogotá 2028 at the Humboldt Institute",
        ["call_title"] = "Host the 2028 workshop",
        ["proposal_link"] = "https://workshops.example.org/proposals/4f1c",
        ["site_name"] = "Workshops",
    };

    public static readonly EditableEmail ProposalReceived = new(
        "proposal-received",
        "Submission receipt",
        "when a proposer submits a proposal",
        "We received your proposal “{{ proposal_title }}”",
        """
        Hello {{ name }},

        Thank you: your proposal **{{ proposal_title }}** to *{{ call_title }}* is submitted.

        You can still change it until the call closes on {{ closes }}: {{ proposal_link }}

        Reviewers read every proposal; we will write again when the organisers have decided.
        """,
        With(new() { ["closes"] = "31 January 2027, 23:59 (Europe/Madrid time)" }));

    public static readonly EditableEmail Accepted = new(
        "decision-accepted",
        "Decision: accepted",
        "when decisions are released, to each proposer whose proposal was accepted",
        "Your proposal “{{ proposal_title }}” is accepted",
        """
        Hello {{ name }},

        Good news: the organisers accepted your proposal **{{ proposal_title }}** to *{{ call_title }}*.

        {{ next_steps }}

        Your proposal and its history: {{ proposal_link }}
        """,
        With(new() { ["next_steps"] = "The organisers have made “Living Atlases Workshop 2028, Bogotá” from your proposal and will finish its page with you." }));

    public static readonly EditableEmail Rejected = new(
        "decision-rejected",
        "Decision: not accepted",
        "when decisions are released, to each proposer whose proposal was not accepted",
        "About your proposal “{{ proposal_title }}”",
        """
        Hello {{ name }},

        Thank you for proposing **{{ proposal_title }}** to *{{ call_title }}*. We received more good proposals than we can take, and this one was not accepted.

        We hope to read your next proposal. Your proposal and its history: {{ proposal_link }}
        """,
        With(new()));

    public static readonly EditableEmail CoSpeakerInvitation = new(
        "co-speaker-invitation",
        "Co-speaker invitation",
        "when a session proposal naming co-speakers is submitted, or a co-speaker is added to it later, to each new co-speaker",
        "{{ proposer_name }} names you as co-speaker of “{{ proposal_title }}”",
        """
        Hello {{ name }},

        {{ proposer_name }} has proposed the session **{{ proposal_title }}** to *{{ call_title }}* and names you as a co-speaker.

        Please tell us whether you will present it with them: {{ confirm_link }}

        The link is yours alone; you need no account to answer. If you do not know this session, ignore this email.
        """,
        With(new()
        {
            ["proposer_name"] = "Ana Souza",
            ["proposal_title"] = "Publishing sampling-event data with the IPT",
            ["call_title"] = "Sessions for the Bogotá 2028 workshop",
            ["confirm_link"] = "https://workshops.example.org/speakers/invitation/q3L…",
        }));

    public static readonly EditableEmail ConfirmationReminder = new(
        "speaker-confirmation-reminder",
        "Reminder: confirm your session",
        "when an organiser reminds the speakers of accepted sessions who have not confirmed yet",
        "Please confirm your session “{{ proposal_title }}”",
        """
        Hello {{ name }},

        Your session **{{ proposal_title }}** was accepted for *{{ workshop_title }}*, and we still need you to confirm that you will present it.

        Confirm (or withdraw, if you cannot come) on the session's page: {{ proposal_link }}

        Until you confirm, the organisers cannot place it on the agenda.
        """,
        With(new()
        {
            ["proposal_title"] = "Publishing sampling-event data with the IPT",
            ["workshop_title"] = "Living Atlases Workshop 2028, Bogotá",
        }));

    public static readonly IReadOnlyList<EditableEmail> All =
        [ProposalReceived, Accepted, Rejected, CoSpeakerInvitation, ConfirmationReminder, .. RegistrationEmails.All, .. AgendaEmails.All, .. PackEmails.All];

    public static EditableEmail? Find(string key) => All.FirstOrDefault(e => e.Key == key);

    private static readonly HashSet<string> BuiltInBodies = All.Select(e => e.DefaultBody).ToHashSet(StringComparer.Ordinal);

    /// <summary>Whether a body is one of ours, unedited: written by us, not by an organiser.</summary>
    public static bool IsBuiltIn(string body) => BuiltInBodies.Contains(body);

    private static Dictionary<string, string> With(Dictionary<string, string> extra)
    {
        foreach (var (k, v) in Common) extra.TryAdd(k, v);
        return extra;
    }
}
