using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;
using Workshops.Core.Domain.Announcements;

namespace Workshops.Core.Domain.Announcements;

/// <summary>Who wants the community's bulk email: members opt in from their account; any unsubscribe link opts the address out of all of it.</summary>
public sealed class Subscriptions(AppDbContext db, TimeProvider clock)
{
    /// <summary>Safe to repeat: a second click on the same link changes nothing.</summary>
    public async Task UnsubscribeAsync(string email, CancellationToken ct)
    {
        var normalized = EmailSuppression.Normalize(email);
        var keys = EmailSuppression.Keys(email);
        if (!await db.EmailSuppressions.AnyAsync(s => keys.Contains(s.AddressKey), ct))
            db.EmailSuppressions.Add(EmailSuppression.Of(normalized, clock.GetUtcNow()));
        foreach (var user in await db.Users.Where(u => u.NormalizedEmail == normalized && u.SubscribedToAnnouncements).ToListAsync(ct))
            user.SubscribedToAnnouncements = false;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Clicked twice at once (a mail client's one-click and the person): the other request did it.
            if (!await db.EmailSuppressions.AsNoTracking().AnyAsync(s => keys.Contains(s.AddressKey), ct)) throw;
        }
    }

    /// <summary>A member asks for announcements again, which also lifts an earlier unsubscribe of their address.</summary>
    public async Task SetAsync(string userId, bool subscribed, CancellationToken ct)
    {
        var user = await db.Users.SingleAsync(u => u.Id == userId, ct);
        if (!subscribed)
        {
            await UnsubscribeAsync(user.Email!, ct);
            return;
        }
        user.SubscribedToAnnouncements = true;
        var keys = EmailSuppression.Keys(user.Email!);
        await db.EmailSuppressions.Where(s => keys.Contains(s.AddressKey)).ExecuteDeleteAsync(ct);
        await db.SaveChangesAsync(ct);
    }
}
