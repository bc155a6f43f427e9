using Workshops.Core.Domain.Registrations;

namespace Workshops.Web.Features.Registrations;

/// <summary>
/// A registration's further answers (beyond name, institution, country, role, track, the questions and the participant list), listed once for the two
/// places that show them: the registration's page and the organisers' export. A new field is one line here.
/// </summary>
public static class RegistrationFacts
{
    /// <param name="Label">In English, marked with Tr.Key: the export's column keeps it, the page shows it in the reader's language.</param>
    /// <param name="Value">What the page and the export say; null when there is nothing to say (the page leaves the line out).</param>
    /// <param name="Worded">Whether the value is one of the site's own texts (marked with Tr.Key), which the page shows in the reader's
    /// language and the export keeps in English; otherwise it is the participant's own answer, shown as given.</param>
    public sealed record Fact(string Label, Func<Registration, string?> Value, bool Worded = false);

    public static readonly IReadOnlyList<Fact> More =
    [
        new(Tr.Key("Invitation letter"), r => r.WantsLetter ? Tr.Key("Asked for") : Tr.Key("Not needed"), Worded: true),
        new(Tr.Key("Nationality (passport)"), r => r.PassportNationality),
    ];
}
