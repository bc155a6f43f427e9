using Microsoft.AspNetCore.DataProtection.KeyManagement;

namespace Workshops.Core.Security;

/// <summary>
/// Makes the Data Protection keys ahead of need, outside any transaction. Left to itself, Data Protection makes a key
/// inside the first call that signs something, and again inside whichever call comes once the current key is about
/// to expire. Its key store writes through a connection of its own; on SQLite that write waits for any write
/// transaction the signer holds open (an announcement signs its unsubscribe links inside one), so the two wait on
/// each other until the busy timeout. Kept here at start and every day, the ring always holds a key for now and its
/// successor well before the switch, and Data Protection never needs to make one itself.
/// </summary>
public sealed class SigningKeys(IKeyManager keys)
{
    /// <summary>Data Protection's own default lifetime.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(90);

    /// <summary>How long before the last key expires its successor is made: far longer than Data Protection's two-day window, so other nodes see it long before it is used.</summary>
    public static readonly TimeSpan Lead = TimeSpan.FromDays(14);

    /// <summary>Makes what is missing; returns how many keys it made.</summary>
    public int EnsureAhead()
    {
        // Data Protection judges keys by the system clock, not by an injected TimeProvider: a key made by a test's
        // clock would look expired or not yet active to it and it would make its own.
        var now = DateTimeOffset.UtcNow;
        var usable = keys.GetAllKeys().Where(k => !k.IsRevoked && k.ExpirationDate > now).ToList();
        var made = 0;
        if (!usable.Any(k => k.ActivationDate <= now))
        {
            usable.Add(keys.CreateNewKey(now, now + Lifetime));
            made++;
        }
        var lastExpiry = usable.Max(k => k.ExpirationDate);
        if (lastExpiry - now < Lead)
        {
            keys.CreateNewKey(lastExpiry, lastExpiry + Lifetime);
            made++;
        }
        return made;
    }
}
