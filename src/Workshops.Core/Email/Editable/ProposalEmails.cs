using Workshops.Core.Localization;
using System.Diagnostics.CodeAnalysis;

namespace Workshops.Core.Email.Editable;

/// <summary>
/// The emails of the proposal flow, for workshop and session proposals alike. Placeholders are Liquid
/// ({proposal_title}) and come from each email's values record; the body is Markdown; the example values are
/// what the preview shows.
/// </summary>
public static class ProposalEmails
{
    /// <summary>The proposal the previews are written for, and a session proposal for the speakers' emails.</summary>
    private static readonly ProposalValues Example = new()
    {
        Name = "Ana Souza",
        ProposalTitle = "Bogotá 2028 at the Humboldt Institute",
        CallTitle = "Host the 2028 workshop",
        ProposalLink = "https://workshops.example.org/proposals/4f1c",
    };

    private static readonly ProposalValues Session = Example with { ProposalTitle = "Publishing sampling-event data with the IPT" };

    public static readonly EditableEmail<ProposalReceivedValues> ProposalReceived = new(
        "proposal-received",
        Tr.Key("Submission receipt"),
        Tr.Key("when a proposer submits a proposal"),
        Tr.Key("We received your proposal “{proposal_title}”"),
        Tr.Key("""
        Hello {name},

        Thank you: your proposal **{proposal_title}** to *{call_title}* is submitted.

        You can still change it until the call closes on {closes}: {proposal_link}

        Reviewers read every proposal; we will write again when the organisers have decided.
        """),
        new ProposalReceivedValues(Example, "31 January 2027, 23:59 (Europe/Madrid time)"));

    public static readonly EditableEmail<AcceptedValues> Accepted = new(
        "decision-accepted",
        Tr.Key("Decision: accepted"),
        Tr.Key("when decisions are released, to each proposer whose proposal was accepted"),
        Tr.Key("Your proposal “{proposal_title}” is accepted"),
        Tr.Key("""
        Hello {name},

        Good news: the organisers accepted your proposal **{proposal_title}** to *{call_title}*.

        {next_steps}

        Your proposal and its history: {proposal_link}
        """),
        new AcceptedValues(Example, "The organisers have made “Living Atlases Workshop 2028, Bogotá” from your proposal and will finish its page with you."));

    public static readonly EditableEmail<ProposalValues> Rejected = new(
        "decision-rejected",
        Tr.Key("Decision: not accepted"),
        Tr.Key("when decisions are released, to each proposer whose proposal was not accepted"),
        Tr.Key("About your proposal “{proposal_title}”"),
        Tr.Key("""
        Hello {name},

        Thank you for proposing **{proposal_title}** to *{call_title}*. We received more good proposals than we can take, and this one was not accepted.

        We hope to read your next proposal. Your proposal and its history: {proposal_link}
        """),
        Example);

    public static readonly EditableEmail<CoSpeakerInvitationValues> CoSpeakerInvitation = new(
        "co-speaker-invitation",
        Tr.Key("Co-speaker invitation"),
        Tr.Key("when a session proposal naming co-speakers is submitted, or a co-speaker is added to it later, to each new co-speaker"),
        Tr.Key("{proposer_name} names you as co-speaker of “{proposal_title}”"),
        Tr.Key("""
        Hello {name},

        {proposer_name} has proposed the session **{proposal_title}** to *{call_title}* and names you as a co-speaker.

        Please tell us whether you will present it with them: {confirm_link}

        The link is yours alone; you need no account to answer. If you do not know this session, ignore this email.
        """),
        new CoSpeakerInvitationValues(Session with { CallTitle = "Sessions for the Bogotá 2028 workshop" }, "Ana Souza",
            "https://workshops.example.org/speakers/invitation/q3L…"));

    public static readonly EditableEmail<ConfirmationReminderValues> ConfirmationReminder = new(
        "speaker-confirmation-reminder",
        Tr.Key("Reminder: confirm your session"),
        Tr.Key("when an organiser reminds the speakers of accepted sessions who have not confirmed yet"),
        Tr.Key("Please confirm your session “{proposal_title}”"),
        Tr.Key("""
        Hello {name},

        Your session **{proposal_title}** was accepted for *{workshop_title}*, and we still need you to confirm that you will present it.

        Confirm (or withdraw, if you cannot come) on the session's page: {proposal_link}

        Until you confirm, the organisers cannot place it on the agenda.
        """),
        new ConfirmationReminderValues(Session, "Living Atlases Workshop 2028, Bogotá"));

    public static readonly IReadOnlyList<EditableEmail> All = [ProposalReceived, Accepted, Rejected, CoSpeakerInvitation, ConfirmationReminder];
}

/// <summary>What every email about a proposal names.</summary>
public record ProposalValues : EmailValues
{
    public required string Name { get; init; }
    public required string ProposalTitle { get; init; }
    public required string CallTitle { get; init; }
    public required string ProposalLink { get; init; }
}

/// <summary>The receipt also says until when the proposal can still change.</summary>
public sealed record ProposalReceivedValues : ProposalValues
{
    public ProposalReceivedValues() { }

    [SetsRequiredMembers]
    public ProposalReceivedValues(ProposalValues values, string closes) : base(values) => Closes = closes;

    public required string Closes { get; init; }
}

/// <summary>An acceptance says what happens next (a workshop made from it, or a session to confirm).</summary>
public sealed record AcceptedValues : ProposalValues
{
    public AcceptedValues() { }

    [SetsRequiredMembers]
    public AcceptedValues(ProposalValues values, string nextSteps) : base(values) => NextSteps = nextSteps;

    public required string NextSteps { get; init; }
}

/// <summary>A co-speaker is asked by name, with a private link to answer.</summary>
public sealed record CoSpeakerInvitationValues : ProposalValues
{
    public CoSpeakerInvitationValues() { }

    [SetsRequiredMembers]
    public CoSpeakerInvitationValues(ProposalValues values, string proposerName, string confirmLink) : base(values) => (ProposerName, ConfirmLink) = (proposerName, confirmLink);

    public required string ProposerName { get; init; }
    public required string ConfirmLink { get; init; }
}

/// <summary>A reminder names the workshop the session is accepted for.</summary>
public sealed record ConfirmationReminderValues : ProposalValues
{
    public ConfirmationReminderValues() { }

    [SetsRequiredMembers]
    public ConfirmationReminderValues(ProposalValues values, string workshopTitle) : base(values) => WorkshopTitle = workshopTitle;

    public required string WorkshopTitle { get; init; }
}
