using System.Diagnostics.CodeAnalysis;
using Workshops.Core.Localization;

namespace Workshops.Core.Email.Editable;

/// <summary>
/// The emails of travel support: the receipt of an application, and one for each decision released. Placeholders as
/// in <see cref="ProposalEmails"/>; {application_link} is the application's page, where the applicant signs in.
/// </summary>
public static class TravelEmails
{
    private static readonly TravelValues Example = new()
    {
        Name = "Ana Souza",
        WorkshopTitle = "Living Atlases Workshop 2027, Madrid",
        WorkshopDates = "8 to 12 March 2027",
        ApplicationLink = "https://workshops.example.org/registrations/4f1c/travel",
    };

    public static readonly EditableEmail<TravelReceivedValues> Received = new(
        "travel-received",
        Tr.Key("Travel support: application receipt"),
        Tr.Key("when a participant submits an application for travel support"),
        Tr.Key("We received your application for travel support to {workshop_title}"),
        Tr.Key("""
        Hello {name},

        Thank you: your application for travel support to **{workshop_title}** ({workshop_dates}) is submitted. You asked for {requested}.

        You can still change it until applications close on {closes}: {application_link}

        Reviewers read every application; we will write again when the organisers have decided.
        """),
        new TravelReceivedValues(Example, "1,450.00 EUR", "15 January 2027, 23:59 (Europe/Madrid time)"));

    public static readonly EditableEmail<TravelAwardValues> Awarded = new(
        "travel-awarded",
        Tr.Key("Travel support: awarded"),
        Tr.Key("when decisions are released, to each applicant who is awarded travel support, and to someone on the reserve list when money comes back"),
        Tr.Key("Travel support to {workshop_title}: your award"),
        Tr.Key("""
        Hello {name},

        Good news: you are awarded **{awarded}** of travel support to **{workshop_title}** ({workshop_dates}), funded by {funder}.

        {costs}

        {conditions}

        Your award letter, and where you upload your receipts after the workshop: {application_link}
        """),
        new TravelAwardValues(Example, "1,200.00 EUR", "- Travel: 900.00 EUR\n- Lodging: 300.00 EUR", "GBIF Capacity Enhancement Support Programme",
            "Keep your boarding passes and receipts; upload them within 30 days of the workshop. We pay by bank transfer in EUR."));

    public static readonly EditableEmail<TravelValues> Reserve = new(
        "travel-reserve",
        Tr.Key("Travel support: reserve list"),
        Tr.Key("when decisions are released, to each applicant put on the reserve list"),
        Tr.Key("Travel support to {workshop_title}: on the reserve list"),
        Tr.Key("""
        Hello {name},

        Thank you for applying for travel support to **{workshop_title}** ({workshop_dates}). The budget does not stretch to your application now, and you are on the reserve list.

        If money comes back (someone cancels), it goes to the reserve list in order, and we write to you at once.

        Your application: {application_link}
        """),
        Example);

    public static readonly EditableEmail<TravelValues> NotFunded = new(
        "travel-not-funded",
        Tr.Key("Travel support: not funded"),
        Tr.Key("when decisions are released, to each applicant who is not funded"),
        Tr.Key("Travel support to {workshop_title}"),
        Tr.Key("""
        Hello {name},

        Thank you for applying for travel support to **{workshop_title}** ({workshop_dates}). We received more applications than the budget can fund, and we cannot support yours.

        Your registration stays as it is. Your application: {application_link}
        """),
        Example);

    public static readonly IReadOnlyList<EditableEmail> All = [Received, Awarded, Reserve, NotFunded];
}

/// <summary>What every email about a travel support application names.</summary>
public record TravelValues : EmailValues
{
    public required string Name { get; init; }
    public required string WorkshopTitle { get; init; }
    public required string WorkshopDates { get; init; }
    public required string ApplicationLink { get; init; }
}

/// <summary>The receipt says what was asked for and until when it can change.</summary>
public sealed record TravelReceivedValues : TravelValues
{
    public TravelReceivedValues() { }

    [SetsRequiredMembers]
    public TravelReceivedValues(TravelValues values, string requested, string closes) : base(values) => (Requested, Closes) = (requested, closes);

    public required string Requested { get; init; }
    public required string Closes { get; init; }
}

/// <summary>An award says how much, for which costs, from whom, and on what conditions.</summary>
public sealed record TravelAwardValues : TravelValues
{
    public TravelAwardValues() { }

    [SetsRequiredMembers]
    public TravelAwardValues(TravelValues values, string awarded, string costs, string funder, string conditions) : base(values) =>
        (Awarded, Costs, Funder, Conditions) = (awarded, costs, funder, conditions);

    public required string Awarded { get; init; }
    /// <summary>One line per cost awarded, as a Markdown list.</summary>
    public required string Costs { get; init; }
    public required string Funder { get; init; }
    public required string Conditions { get; init; }
}
