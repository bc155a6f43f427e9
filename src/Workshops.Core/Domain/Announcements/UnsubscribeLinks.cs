using Microsoft.AspNetCore.DataProtection;

namespace Workshops.Core.Domain.Announcements;

/// <summary>
/// One-click unsubscribe addresses: the address itself says whose it is, signed so nobody can unsubscribe someone
/// else, and it never expires (an old email's link must still work).
/// </summary>
public sealed class UnsubscribeLinks(IDataProtectionProvider protection)
{
    private readonly IDataProtector _protector = protection.CreateProtector("Workshops.Unsubscribe.v1");

    public string Url(string origin, string email) => $"{origin.TrimEnd('/')}/unsubscribe/{_protector.Protect(AudienceResolver.Normalize(email))}";

    /// <summary>The normalised address the token was made for, or null for a token this site did not make.</summary>
    public string? Read(string token)
    {
        try
        {
            return _protector.Unprotect(token);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}
