using Workshops.Core.Domain.Registrations;

namespace Workshops.Web.Features.Registrations;

/// <summary>
/// A registration's further answers (beyond name, institution, country, role, track, the questions and the participant list), listed once for the two
/// places that show them: the registration's page and the organisers' export. A new field is one line here.
/// </summary>
public static class RegistrationFacts
{
    /// <param name="Value">What the page and the export say; null when there is nothing to say (the page leaves the line out).</param>
    public sealed record Fact(string Label, Func<Registration, string?> Value);

    public static readonly IReadOnlyList<Fact> More =
    [
        new("Invitation letter", r => r.WantsLetter ? "Asked for" : "Not needed"),
        new("Nationality (passport)", r => r.PassportNationality),
    ];
}
