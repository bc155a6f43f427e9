using Microsoft.AspNetCore.Identity;
using Workshops.Core.Text;

namespace Workshops.Core.Domain.Accounts;

public sealed class AppUser : IdentityUser
{
    public const int MaxDisplayName = 100;

    private string _displayName = "";

    public string DisplayName
    {
        get => _displayName;
        set => (_displayName, SearchName) = (value, SearchText.Fold(value));
    }

    /// <summary>The name as admins' searches compare it (see <see cref="SearchText"/>); kept with the name, never set alone.</summary>
    public string SearchName { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>Wants the community's announcements (calls, registrations, news); set in their account, cleared by any unsubscribe link.</summary>
    public bool SubscribedToAnnouncements { get; set; }

    /// <summary>
    /// Disabled by an admin: no sign-in, reset, confirmation or session gets past it until an admin enables the
    /// account again. Kept apart from Identity's lockout, which counts wrong passwords and ends by itself.
    /// </summary>
    public DateTimeOffset? DisabledAt { get; set; }
    public string? DisabledById { get; set; }

    public bool IsDisabled => DisabledAt is not null;
}
