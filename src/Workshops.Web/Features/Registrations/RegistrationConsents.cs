using Workshops.Core.Domain.Registrations;
using Workshops.Core.Privacy;

namespace Workshops.Web.Features.Registrations;

/// <summary>
/// The words of the registration form's consents as the person reads them (in their language), so the consent
/// recorded names exactly what was agreed to; the form shows the same texts.
/// </summary>
public sealed class RegistrationConsents(ConsentBook book, PrivacySettingsStore settings)
{
    public static string ListLabel => Tr.T("List my name and institution in the participant list (optional)");

    public static string PhotosLabel => Tr.T("Photos of me taken at the workshop may be published (optional)");

    public static string PrivacyLabel => Tr.T("I have read the privacy notice and agree that the organisers keep my registration (required)");

    public static string ControllerLine(string controller) => Tr.T("Data controller: {0}", controller);

    /// <summary>Who answers for the workshop's data: its own controller, else the site's, else nobody named.</summary>
    public async Task<string?> ControllerAsync(RegistrationSetup setup, CancellationToken ct) => setup.Controller ?? (await settings.GetAsync(ct)).Controller;

    /// <summary>The consents a new registration gives, added to the unit of work the registration is saved in.</summary>
    public async Task GiveAsync(Registration registration, RegistrationSetup setup, CancellationToken ct)
    {
        var controller = await ControllerAsync(setup, ct);
        var notice = string.Join("\n\n", new[] { setup.PrivacyNotice?.ToString(), controller is null ? null : ControllerLine(controller), PrivacyLabel }
            .Where(t => !string.IsNullOrWhiteSpace(t)));
        await book.GiveAsync(registration.UserId, ConsentKind.PrivacyNotice, registration.WorkshopId, registration.Id, notice, ct);
        if (registration.ListPublicly) await book.GiveAsync(registration.UserId, ConsentKind.ParticipantList, registration.WorkshopId, registration.Id, ListLabel, ct);
        if (registration.PhotosAllowed) await book.GiveAsync(registration.UserId, ConsentKind.Photos, registration.WorkshopId, registration.Id, PhotosLabel, ct);
    }

    /// <summary>An edit that ticks or unticks the list or the photos gives or withdraws that consent.</summary>
    public async Task FollowAsync(Registration registration, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(registration.UserId)) return;
        await book.FollowAsync(registration.UserId, registration.WorkshopId, registration.Id, ConsentKind.ParticipantList, registration.ListPublicly, ListLabel, ct);
        await book.FollowAsync(registration.UserId, registration.WorkshopId, registration.Id, ConsentKind.Photos, registration.PhotosAllowed, PhotosLabel, ct);
    }
}
