using Microsoft.EntityFrameworkCore;
using Workshops.Core.Domain.Accounts;
using Workshops.Core.Data;
using Workshops.Core.Domain.Announcements;
using Workshops.Core.Domain.Proposals;
using Workshops.Core.Domain.Registrations;

namespace Workshops.Core.Domain.Announcements;

/// <summary>One person an announcement goes to, with what its placeholders say about them.</summary>
/// <param name="Source">Which audience brought them in (Subscribers, Registrants, Speakers, Reviewers, Pasted): the email says why it came.</param>
/// <param name="Language">The language their email is written in: the one they registered for the workshop in, else their account's; null for the site's.</param>
public sealed record Recipient(string Email, string? Name, RegistrationStatus? Status, string? Track, string? Source = null, string? Language = null);

/// <summary>Everyone an audience reaches, each address once, less those who unsubscribed.</summary>
public sealed record ResolvedAudience(IReadOnlyList<Recipient> Recipients, int Unsubscribed, IReadOnlyDictionary<string, int> BySource);

/// <summary>Turns an audience into people: subscribers, registrants, speakers, reviewers and pasted addresses, de-duplicated by address.</summary>
public sealed class AudienceResolver(AppDbContext db)
{
    private static readonly ProposalStatus[] Speaking = [ProposalStatus.Accepted, ProposalStatus.Confirmed];

    public async Task<ResolvedAudience> ResolveAsync(Audience audience, Guid? workshopId, CancellationToken ct)
    {
        var found = new List<(string Source, string Email, string? Name)>();
        if (audience.Subscribers)
            found.AddRange((await db.Users.Where(u => u.SubscribedToAnnouncements && u.EmailConfirmed && u.Email != null)
                .Select(u => new { u.Email, u.DisplayName }).ToListAsync(ct)).Select(u => ("Subscribers", u.Email!, (string?)u.DisplayName)));
        if (workshopId is { } w && audience.Statuses.Count > 0)
        {
            var statuses = audience.Statuses.ToList();
            var tracks = audience.Tracks.Select(t => (Guid?)t).ToList();
            // An erased registration is counted, never written to.
            var registrants = db.Registrations.Where(r => r.WorkshopId == w && statuses.Contains(r.Status) && r.ErasedAt == null);
            if (tracks.Count > 0) registrants = registrants.Where(r => tracks.Contains(r.TrackId));
            found.AddRange((await registrants.OrderBy(r => r.CreatedAt).Select(r => new { r.Email, r.Name }).ToListAsync(ct))
                .Select(r => ("Registrants", r.Email, (string?)r.Name)));
        }
        if (workshopId is { } ws && audience.Speakers)
        {
            var named = db.AgendaItems.Where(i => i.WorkshopId == ws).SelectMany(i => i.Speakers).Where(s => s.UserId != null).Select(s => s.UserId!);
            var calls = db.Calls.Where(c => c.WorkshopId == ws).Select(c => c.Id);
            var proposers = db.Proposals.Where(p => calls.Contains(p.CallId) && Speaking.Contains(p.Status)).Select(p => p.ProposerId);
            found.AddRange((await db.Users.Where(u => (named.Contains(u.Id) || proposers.Contains(u.Id)) && u.Email != null)
                .Select(u => new { u.Email, u.DisplayName }).ToListAsync(ct)).Select(u => ("Speakers", u.Email!, (string?)u.DisplayName)));
        }
        if (audience.Reviewers)
        {
            var role = db.Roles.Where(r => r.Name == Roles.Reviewer).Select(r => r.Id);
            var ids = db.UserRoles.Where(ur => role.Contains(ur.RoleId)).Select(ur => ur.UserId);
            found.AddRange((await db.Users.Where(u => ids.Contains(u.Id) && u.Email != null).Select(u => new { u.Email, u.DisplayName }).ToListAsync(ct))
                .Select(u => ("Reviewers", u.Email!, (string?)u.DisplayName)));
        }
        found.AddRange(PastedAddresses.Parse(audience.Pasted).Valid.Select(p => ("Pasted", p.Address, p.Name)));

        var suppressed = (await db.EmailSuppressions.Select(s => s.AddressKey).ToListAsync(ct)).ToHashSet();
        var bySource = found.GroupBy(f => f.Source).ToDictionary(g => g.Key, g => g.Select(f => Normalize(f.Email)).Distinct().Count());
        var unique = found.GroupBy(f => Normalize(f.Email)).Select(g => (Key: g.Key, First: g.First(), Name: g.Select(f => f.Name).FirstOrDefault(n => !string.IsNullOrWhiteSpace(n)))).ToList();
        var kept = unique.Where(u => !EmailSuppression.Keys(u.Key).Any(suppressed.Contains)).ToList();

        // What placeholders say about each person in this workshop, whichever audience brought them in.
        var registrations = new Dictionary<string, (string Name, RegistrationStatus Status, string? Track, string Language)>();
        if (workshopId is { } wr)
        {
            // A cancelled registration says nothing about them now; of the others, the newest speaks.
            var rows = await db.Registrations.Where(r => r.WorkshopId == wr && r.Status != RegistrationStatus.Cancelled).OrderBy(r => r.CreatedAt)
                .Select(r => new { r.NormalizedEmail, r.Name, r.Status, Track = db.Tracks.Where(t => t.Id == r.TrackId).Select(t => t.Name).FirstOrDefault(), r.Language })
                .ToListAsync(ct);
            foreach (var r in rows) registrations[r.NormalizedEmail] = (r.Name, r.Status, r.Track, r.Language);
        }
        var languages = await AccountLanguagesAsync(ct);
        var recipients = kept.Select(u => registrations.TryGetValue(u.Key, out var reg)
            // The name they registered with is the one they chose for this workshop, and so is the language.
            ? new Recipient(u.First.Email, reg.Name, reg.Status, reg.Track, u.First.Source, reg.Language)
            : new Recipient(u.First.Email, u.Name, null, null, u.First.Source, languages.GetValueOrDefault(u.Key))).ToList();
        return new ResolvedAudience(recipients, unique.Count - kept.Count, bySource);
    }

    /// <summary>One person as the placeholders see them: their registration for the workshop, if they have one.</summary>
    public async Task<Recipient> PersonAsync(string email, string? name, Guid? workshopId, CancellationToken ct)
    {
        var key = Normalize(email);
        var reg = workshopId is { } w
            ? await db.Registrations.Where(r => r.WorkshopId == w && r.NormalizedEmail == key && r.Status != RegistrationStatus.Cancelled).OrderByDescending(r => r.CreatedAt)
                .Select(r => new { r.Name, r.Status, Track = db.Tracks.Where(t => t.Id == r.TrackId).Select(t => t.Name).FirstOrDefault(), r.Language }).FirstOrDefaultAsync(ct)
            : null;
        return reg is null
            ? new Recipient(email, name, null, null, Language: await db.Users.Where(u => u.NormalizedEmail == key).Select(u => u.Language).FirstOrDefaultAsync(ct))
            : new Recipient(email, reg.Name, reg.Status, reg.Track, Language: reg.Language);
    }

    // Accounts that chose a language, by address (Identity's normalised address is ours: trimmed, upper case): a
    // community is hundreds of people, read at once.
    private async Task<Dictionary<string, string>> AccountLanguagesAsync(CancellationToken ct) =>
        (await db.Users.Where(u => u.Language != null && u.NormalizedEmail != null).Select(u => new { u.NormalizedEmail, u.Language }).ToListAsync(ct))
            .GroupBy(u => u.NormalizedEmail!).ToDictionary(g => g.Key, g => g.First().Language!);

    public static string Normalize(string email) => EmailSuppression.Normalize(email);
}
