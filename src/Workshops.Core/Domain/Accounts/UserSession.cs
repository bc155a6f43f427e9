using Microsoft.AspNetCore.Identity;

namespace Workshops.Core.Domain.Accounts;

/// <summary>
/// One signed-in browser. The cookie holds only this row's key: signing out deletes the row, so a cookie copied
/// before sign-out opens nothing, and "sign out everywhere" deletes them all.
/// </summary>
public sealed class UserSession
{
    public string Id { get; set; } = "";
    [PersonalData] public string UserId { get; set; } = "";
    /// <summary>When the person signed in with their password; the absolute lifetime counts from here, whatever the sliding renewals.</summary>
    public DateTimeOffset SignedInAt { get; set; }
    public DateTimeOffset LastSeenAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    /// <summary>The serialized authentication ticket (claims and properties), protected with the site's keys.</summary>
    public byte[] Ticket { get; set; } = [];
    [PersonalData] public string? IpAddress { get; set; }
    [PersonalData] public string? UserAgent { get; set; }
}
