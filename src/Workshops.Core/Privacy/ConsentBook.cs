using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Workshops.Core.Data;
using Workshops.Core.Domain.Common;
using Workshops.Core.Localization;

namespace Workshops.Core.Privacy;

/// <summary>Writes down the consents people give and withdraw, with the words they saw; the caller saves.</summary>
public sealed class ConsentBook(AppDbContext db, TimeProvider clock, IMemoryCache known, IServiceScopeFactory scopes)
{
    /// <summary>Adds the consent, and the words unless they are known already (read before any transaction).</summary>
    public async Task<Consent> GiveAsync(string userId, ConsentKind kind, Guid? workshopId, Guid? registrationId, string text, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var version = ConsentText.VersionOf(text);
        await KeepTextAsync(version, text, now, ct);
        var consent = Consent.Give(userId, kind, workshopId, registrationId, version, now);
        db.Consents.Add(consent);
        return consent;
    }

    /// <summary>
    /// Stores the words once, in a unit of work of their own: when registration opens, many first registrations carry
    /// the same new notice at once, and a clash over its row must not fail any of them. One known to be stored is not
    /// looked up again.
    /// </summary>
    private async Task KeepTextAsync(string version, string text, DateTimeOffset now, CancellationToken ct)
    {
        var key = "consent-text:" + version;
        if (known.TryGetValue(key, out _)) return;
        await using var scope = scopes.CreateAsyncScope();
        var own = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (!await own.ConsentTexts.AnyAsync(t => t.Version == version, ct))
        {
            own.ConsentTexts.Add(ConsentText.Of(text, now));
            try { await own.SaveChangesAsync(ct); }
            catch (DbUpdateException)
            {
                // Stored by another request meanwhile, which is all that was wanted.
                own.ChangeTracker.Clear();
                if (!await own.ConsentTexts.AnyAsync(t => t.Version == version, ct)) throw;
            }
        }
        known.Set(key, true, TimeSpan.FromHours(1));
    }

    /// <summary>
    /// Withdraws the person's consent and what it allowed: off the participant list (and so out of the packs made
    /// from now on), no more photos, or their name out of past programmes should they leave.
    /// </summary>
    public async Task WithdrawAsync(string userId, Guid consentId, CancellationToken ct)
    {
        var consent = await db.Consents.FirstOrDefaultAsync(c => c.Id == consentId && c.UserId == userId, ct)
            ?? throw new DomainException(Tr.T("This consent no longer exists."));
        if (!consent.CanWithdraw) throw new DomainException(Tr.T("This consent cannot be withdrawn on its own; cancel the registration instead."));
        var now = clock.GetUtcNow();
        consent.Withdraw(now);
        if (consent.RegistrationId is { } id && await db.Registrations.FirstOrDefaultAsync(r => r.Id == id && r.UserId == userId, ct) is { } registration)
            registration.Withdraw(consent.Kind, now);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            throw new DomainException(Tr.T("Your registration changed at the same moment. Try again."));
        }
    }

    /// <summary>The consents of one registration that a change of the form gives or withdraws (the edit page).</summary>
    public async Task FollowAsync(string userId, Guid workshopId, Guid registrationId, ConsentKind kind, bool given, string text, CancellationToken ct)
    {
        var active = await db.Consents.Where(c => c.RegistrationId == registrationId && c.Kind == kind && c.WithdrawnAt == null).ToListAsync(ct);
        if (given && active.Count == 0) await GiveAsync(userId, kind, workshopId, registrationId, text, ct);
        if (!given) foreach (var consent in active) consent.Withdraw(clock.GetUtcNow());
    }
}
