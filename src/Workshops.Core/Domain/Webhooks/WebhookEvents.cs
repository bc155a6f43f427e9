using Workshops.Core.Localization;

namespace Workshops.Core.Domain.Webhooks;

/// <summary>
/// What an endpoint can hear of, named as receivers read them. An event carries ids, states and addresses, never a
/// person's name or email: a receiver that needs more asks the API with a token, so no personal data travels in
/// webhooks and none is kept in the deliveries.
/// </summary>
public static class WebhookEvents
{
    public const string RegistrationCreated = "registration.created";
    public const string RegistrationChanged = "registration.status_changed";
    public const string AgendaPublished = "agenda.published";
    public const string MaterialAdded = "material.added";
    public const string ProposalDecided = "proposal.decided";
    public const string AwardReleased = "award.released";
    public const string NewsPublished = "news.published";

    public static readonly IReadOnlyList<string> All =
        [RegistrationCreated, RegistrationChanged, AgendaPublished, MaterialAdded, ProposalDecided, AwardReleased, NewsPublished];

    public static bool IsKnown(string name) => All.Contains(name);

    public static string Describe(string name) => name switch
    {
        RegistrationCreated => Tr.T("Someone registered for a workshop."),
        RegistrationChanged => Tr.T("A registration was admitted, waitlisted, declined, cancelled or checked in."),
        AgendaPublished => Tr.T("A version of an agenda was published."),
        MaterialAdded => Tr.T("A material was added."),
        ProposalDecided => Tr.T("A proposal was accepted or declined."),
        AwardReleased => Tr.T("Travel support decisions were released."),
        NewsPublished => Tr.T("News was published."),
        _ => name,
    };
}
