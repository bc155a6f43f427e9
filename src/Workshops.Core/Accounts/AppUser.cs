using Microsoft.AspNetCore.Identity;

namespace Workshops.Core.Accounts;

public sealed class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>Wants the community's announcements (calls, registrations, news); set in their account, cleared by any unsubscribe link.</summary>
    public bool SubscribedToAnnouncements { get; set; }
}
