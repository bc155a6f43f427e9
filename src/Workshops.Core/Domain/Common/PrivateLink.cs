using System.Security.Cryptography;
using System.Text;

namespace Workshops.Core.Domain.Common;

/// <summary>
/// The secret part of a private address sent by email. Only its hash is stored, so the table holds no working links.
/// </summary>
public static class PrivateLink
{
    public static (string Token, string Hash) New()
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');
        return (token, Hash(token));
    }

    public static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
