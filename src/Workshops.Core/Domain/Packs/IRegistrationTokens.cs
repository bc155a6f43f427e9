namespace Workshops.Core.Domain.Packs;

/// <summary>The signed token of a registration's private address (/registrations/link/{token}), made by the web host's data protection.</summary>
public interface IRegistrationTokens
{
    string Token(Guid registrationId);
}
