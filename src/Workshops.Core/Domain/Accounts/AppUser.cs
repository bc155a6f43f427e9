using Workshops.Core.Privacy;
using Microsoft.AspNetCore.Identity;
using Workshops.Core.Domain.Common;
using Workshops.Core.Text;

namespace Workshops.Core.Domain.Accounts;

public sealed class AppUser : IdentityUser
{
    // The same as a registration's name, so a name that fits the account fits every form it fills in.
    public const int MaxDisplayName = Registrations.RegistrationDetails.MaxName;
    public const int MaxInstitution = 200;

    private string _displayName = "";

    [PersonalData]
    public string DisplayName
    {
        get => _displayName;
        set => (_displayName, SearchName) = (value, SearchText.Fold(value));
    }

    /// <summary>The name as admins' searches compare it (see <see cref="SearchText"/>); kept with the name, never set alone.</summary>
    [PersonalData] public string SearchName { get; private set; } = "";
    /// <summary>Where the person works, from their profile; fills the registration form in.</summary>
    [PersonalData] public string? Institution { get; set; }
    /// <summary>Their country (ISO 3166-1 alpha-2), from their profile; fills the registration form in.</summary>
    [PersonalData] public string? Country { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>The language the person reads the site and their emails in ("es"); null until they choose or sign up.</summary>
    public string? Language { get; set; }
    /// <summary>Wants the community's announcements (calls, registrations, news); set in their account, cleared by any unsubscribe link.</summary>
    public bool SubscribedToAnnouncements { get; set; }

    /// <summary>
    /// Disabled by an admin: no sign-in, reset, confirmation or session gets past it until an admin enables the
    /// account again. Kept apart from Identity's lockout, which counts wrong passwords and ends by itself.
    /// </summary>
    public DateTimeOffset? DisabledAt { get; set; }
    [ActedBy] public string? DisabledById { get; set; }

    public bool IsDisabled => DisabledAt is not null;

    /// <summary>Changes the name, institution and country the person gives on their account page.</summary>
    public void SetProfile(ProfileDetails details)
    {
        if (details.Problems() is [var (field, message), ..]) throw new DomainException(message, field);
        DisplayName = details.DisplayName!.Trim();
        Institution = string.IsNullOrWhiteSpace(details.Institution) ? null : details.Institution.Trim();
        Country = Countries.Find(details.Country);
    }
}
