using Microsoft.AspNetCore.Identity;

namespace Workshops.Core.Domain.Accounts;

public sealed class AppUser : IdentityUser
{
    public const int MaxDisplayName = 100;

    public string DisplayName { get; set; } = "";
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
