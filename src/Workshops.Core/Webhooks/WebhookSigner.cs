using System.Security.Cryptography;
using System.Text;

namespace Workshops.Core.Webhooks;

/// <summary>
/// Signatures as the Standard Webhooks specification writes them, so receivers can use its libraries: HMAC-SHA256 with
/// the endpoint's secret over "{id}.{timestamp}.{body}", sent as "v1,{base64}" in webhook-signature beside
/// webhook-id and webhook-timestamp. The secret is "whsec_" and 32 random bytes in base64.
/// </summary>
public static class WebhookSigner
{
    public const string SecretPrefix = "whsec_";

    public static string NewSecret() => SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public static string Sign(string secret, string id, long timestamp, string body)
    {
        var key = Convert.FromBase64String(secret.StartsWith(SecretPrefix, StringComparison.Ordinal) ? secret[SecretPrefix.Length..] : secret);
        var mac = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{id}.{timestamp}.{body}"));
        return "v1," + Convert.ToBase64String(mac);
    }

    /// <summary>What a receiver checks: one of the signatures matches, and the timestamp is within five minutes.</summary>
    public static bool Verify(string secret, string id, string timestamp, string body, string signatures, DateTimeOffset now)
    {
        if (!long.TryParse(timestamp, out var seconds) || Math.Abs(now.ToUnixTimeSeconds() - seconds) > 300) return false;
        var expected = Encoding.ASCII.GetBytes(Sign(secret, id, seconds, body));
        return signatures.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Any(s => CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(s), expected));
    }
}
