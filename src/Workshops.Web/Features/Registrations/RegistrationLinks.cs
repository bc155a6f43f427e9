using Workshops.Core;
using Microsoft.AspNetCore.DataProtection;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Features.Registrations;

/// <summary>
/// The private address of a registration, sent in every email to the participant: a signed token that names the
/// registration, so any email can carry it without the database keeping a secret.
/// </summary>
public sealed class RegistrationLinks(IDataProtectionProvider protection, SiteAddress links) : Core.Domain.Packs.IRegistrationTokens
{
    private readonly IDataProtector _protector = protection.CreateProtector("Workshops.RegistrationLink.v1");

    public string Absolute(Guid registrationId) => links.Absolute($"/registrations/link/{Token(registrationId)}");

    /// <summary>The token alone, for a background job that writes the address with the site's configured origin.</summary>
    public string Token(Guid registrationId) => _protector.Protect(registrationId.ToString("N"));

    public Guid? Read(string token)
    {
        try
        {
            return Guid.TryParseExact(_protector.Unprotect(token), "N", out var id) ? id : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}
