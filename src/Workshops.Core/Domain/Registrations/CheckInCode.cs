using System.Security.Cryptography;
using System.Text;

namespace Workshops.Core.Domain.Registrations;

/// <summary>
/// The code on an admitted participant's badge and in their QR code: the registration's id signed with the
/// workshop's key (HMAC-SHA256), cut to 50 bits and written in Crockford base32, like "7KQ2M-9XPAB". It names nobody
/// by itself and cannot be made up; short enough to type when the camera fails. The check-in desk finds the
/// registration by signing each admitted one and comparing, which at a workshop's scale is instant.
/// </summary>
public static class CheckInCode
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public static string For(RegistrationSetup setup, Guid registrationId)
    {
        var mac = HMACSHA256.HashData(Convert.FromBase64String(setup.CheckInKey), registrationId.ToByteArray());
        var bits = BitConverter.ToUInt64(mac, 0);
        var code = new StringBuilder(11);
        for (var i = 0; i < 10; i++)
        {
            if (i == 5) code.Append('-');
            code.Append(Alphabet[(int)(bits & 31)]);
            bits >>= 5;
        }
        return code.ToString();
    }

    /// <summary>What was typed or scanned, as <see cref="For"/> writes it: upper case, the look-alikes O, I and L read as 0 and 1.</summary>
    public static string Normalize(string input)
    {
        var clean = new StringBuilder(10);
        foreach (var c in input.ToUpperInvariant())
        {
            var d = c switch { 'O' => '0', 'I' or 'L' => '1', _ => c };
            if (Alphabet.Contains(d)) clean.Append(d);
        }
        return clean.Length == 10 ? clean.ToString(0, 5) + "-" + clean.ToString(5, 5) : clean.ToString();
    }
}
